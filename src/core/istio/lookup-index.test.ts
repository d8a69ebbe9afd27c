import { describe, expect, it } from 'vitest';

import { HostIndex } from './lookup-index';
import type { ModelEntry } from './model';
import { keysOf, trackReads } from './reads';

const entry = (name: string) => ({ ref: `ServiceEntry/apps/${name}` }) as ModelEntry;
const position = (order: ModelEntry[]) => (owner: ModelEntry) => order.indexOf(owner);
const provide = () => {};

describe('HostIndex', () => {
  it('answers a repeated lookup from what it kept, and again afresh after every change', () => {
    const exact = entry('exact');
    const wild = entry('wild');
    const at = position([exact, wild]);
    const index = new HostIndex<ModelEntry>('se', (e) => e);
    index.add('api.example.com', exact, provide, at);
    const first = index.lookup('API.example.com');
    expect(first).toEqual([exact]);
    expect(index.lookup('api.example.com')).toBe(first);

    index.add('*.example.com', wild, provide, at);
    expect(index.lookup('api.example.com')).toEqual([exact, wild]);
    index.remove('api.example.com', exact);
    expect(index.lookup('api.example.com')).toEqual([wild]);
  });

  it('notes the keys it reads on every lookup, kept answer or not', () => {
    const index = new HostIndex<ModelEntry>('se', (e) => e);
    index.add('api.example.com', entry('a'), provide, () => 0);
    const fresh = keysOf(trackReads(() => index.lookup('api.example.com')).reads);
    const kept = keysOf(trackReads(() => index.lookup('api.example.com')).reads);
    expect([...kept]).toEqual([...fresh]);
    expect(kept.has('se=api.example.com')).toBe(true);
    expect(keysOf(trackReads(() => index.lookup('*.example.com')).reads).has('se*')).toBe(true);
  });
});
