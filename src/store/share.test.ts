import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';

import sample from '../templates/sample-payments.yaml?raw';
import { MAX_SHARE_CHARS, readShareFragment, shareLink } from './share';

const fragmentOf = (url: string) => url.slice(url.indexOf('#'));

describe('share links', () => {
  it('carry the design, text and positions, through the URL fragment', () => {
    const positions = { 'external:api.example.com': { x: 10, y: 20 } };
    const link = shareLink('https://studio.example/', { text: sample, positions });
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith('https://studio.example/#design=')).toBe(true);
    // Compressed: the sample is far shorter in the link than as text.
    expect(link.chars).toBeLessThan(sample.length / 2);
    expect(readShareFragment(fragmentOf(link.url))).toEqual({
      kind: 'design',
      design: { text: sample, positions, selection: undefined },
    });
  });

  it('carry the target Istio release when the design names one', () => {
    const link = shareLink('https://studio.example/', { text: sample, positions: {}, istioVersion: '1.30' });
    expect(link.ok && readShareFragment(fragmentOf(link.url))).toEqual({
      kind: 'design',
      design: { text: sample, istioVersion: '1.30', positions: {}, selection: undefined },
    });
  });

  it('carry the way the graph is drawn when the user chose it', () => {
    const positions = { 'external:api.example.com': { x: 10, y: 20 } };
    const link = shareLink('https://studio.example/', { text: sample, positions, direction: 'TB' });
    expect(link.ok && readShareFragment(fragmentOf(link.url))).toEqual({
      kind: 'design',
      design: { text: sample, positions, direction: 'TB', selection: undefined },
    });
  });

  it('refuse a design too large for a link, saying how large it is', () => {
    // Text that does not compress: pseudo-random host names.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31).toString(36).slice(2);
    const hosts = Array.from({ length: 8000 }, () => `  - ${random()}.example.com`).join('\n');
    const link = shareLink('https://studio.example/', { text: `hosts:\n${hosts}\n`, positions: {} });
    expect(link.ok).toBe(false);
    if (link.ok) return;
    expect(link.chars).toBeGreaterThan(MAX_SHARE_CHARS);
    expect(link.reason).toMatch(/Export it as a file/);
  });

  it('read nothing from a URL without a shared design', () => {
    expect(readShareFragment('')).toEqual({ kind: 'none' });
    expect(readShareFragment('#section-2')).toEqual({ kind: 'none' });
  });

  it('explain a damaged or hostile link instead of failing', () => {
    const cases = [
      '#design=not*base64',
      '#design=AAAA',
      `#design=${btoa(String.fromCharCode(...deflateSync(strToU8('{"version":1}')))).replace(/=+$/, '')}`,
    ];
    for (const hash of cases) expect(readShareFragment(hash).kind).toBe('unreadable');
    const cut = shareLink('https://s/', { text: sample, positions: {} });
    if (cut.ok) expect(readShareFragment(fragmentOf(cut.url).slice(0, 60)).kind).toBe('unreadable');
  });

  it('refuse a small link that inflates into a huge design', () => {
    const bomb = deflateSync(new Uint8Array(40 * 1024 * 1024).fill(32), { level: 9 });
    const hash = `#design=${btoa(String.fromCharCode(...bomb))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')}`;
    const read = readShareFragment(hash);
    expect(read).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/larger than 16 MiB/) });
  });
});
