import { describe, expect, it } from 'vitest';

import { parseBundle } from '../bundle';
import { createDeriver } from '../derivation';
import { derivedPer } from './indexes';
import { buildModel } from './model';
import { keysOf, readsAnyOf, recordGroup, recordHostReads, recordRead, trackReads } from './reads';

/** A host of `labels` labels: past DNS's length long before it is past any parser's. */
const longHost = (labels: number) => `${'a.'.repeat(labels)}example.com`;

const serviceEntry = (name: string, host: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ${name}, namespace: apps}
spec:
  hosts: ["${host}"]
  ports: [{number: 443, name: https, protocol: TLS}]
  resolution: DNS
`;

describe('lookups by a host past the length DNS allows', () => {
  it('note a few keys, not one per label (each as long as the name)', () => {
    const { reads } = trackReads(() => recordHostReads('se', longHost(70_000)));
    expect(reads.keys.length).toBeLessThanOrEqual(3);
    const { reads: normal } = trackReads(() => recordHostReads('se', 'api.example.com'));
    expect(normal.keys).toContain('se~.example.com');
  });

  it('are still redrawn when a wildcard that covers them is added (incremental equals fresh)', () => {
    const host = longHost(10_000);
    const first = serviceEntry('long', host);
    const second = `${first}---\n${serviceEntry('wild', '*.example.com')}`;
    const derive = createDeriver();
    derive(first);
    const incremental = derive(second);
    const fresh = createDeriver()(second);
    expect(incremental.graph).toEqual(fresh.graph);
    expect(incremental.diagnostics).toEqual(fresh.diagnostics);
  });

  it('are refused with a message that quotes the name short, and says how long it is', () => {
    const { diagnostics } = createDeriver()(serviceEntry('long', longHost(10_000)));
    const tooLong = diagnostics.find((d) => d.message.includes('too long (max 255)'))!;
    expect(tooLong.message).toMatch(
      /^domain name "a\.a\..{30,}….*example\.com" \(20011 characters\) too long \(max 255\)$/,
    );
    expect(tooLong.message.length).toBeLessThan(200);
  });
});

describe('read groups', () => {
  it('share what a computation used instead of copying it, and still say what it read', () => {
    const shared = trackReads(() => recordRead('gateway*')).reads;
    const { reads } = trackReads(() => {
      recordRead('se=api.example.com');
      recordGroup(shared);
      trackReads(() => recordRead('vs=api.example.com'));
    });
    expect(reads.keys).toEqual(['se=api.example.com']);
    expect(reads.groups).toContain(shared);
    expect([...keysOf(reads)].sort()).toEqual(['gateway*', 'se=api.example.com', 'vs=api.example.com']);
  });

  it('are touched by a changed key read anywhere inside them', () => {
    const inner = trackReads(() => recordRead('gateway=istio-system/egress')).reads;
    const outer = trackReads(() => {
      recordRead('se=api.example.com');
      recordGroup(inner);
    }).reads;
    expect(readsAnyOf(outer, new Set(['gateway=istio-system/egress']))).toBe(true);
    expect(readsAnyOf(outer, new Set(['se=api.example.com']))).toBe(true);
    expect(readsAnyOf(outer, new Set(['dr=api.example.com']))).toBe(false);
    expect(readsAnyOf(outer, new Set())).toBe(false);
  });
});

describe('questions asked of the indexes with arguments', () => {
  it('keep apart arguments that would read the same once joined', () => {
    const model = buildModel(parseBundle(serviceEntry('a', 'api.example.com')));
    const ask = (args: (string | number | undefined)[]) => derivedPer(model, 'q', args, () => args);
    const asked: (string | number | undefined)[][] = [
      ['a', 'b'],
      ['a\u0001sb'],
      ['a\u0001', 'b'],
      [1],
      ['1'],
      [undefined],
      ['undefined'],
      [],
    ];
    for (const args of asked) expect(ask(args)).toBe(args);
    // Asked again, each gets its own answer back, once computed.
    for (const args of asked) expect(ask([...args])).toBe(args);
  });
});
