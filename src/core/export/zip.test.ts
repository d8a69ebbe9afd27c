import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';

import sample from '../../templates/sample-payments.yaml?raw';
import { parseBundle } from '../bundle';
import { splitBundle } from './split';
import { zipFiles } from './zip';

describe('zipFiles', () => {
  const files = splitBundle(parseBundle(sample));

  it('unzips to the same files', () => {
    const unzipped = unzipSync(zipFiles(files));
    expect(Object.keys(unzipped)).toEqual(files.map((f) => f.path));
    for (const file of files) expect(strFromU8(unzipped[file.path]!)).toBe(file.text);
  });

  it('gives the same bytes for the same files, whenever it runs', () => {
    const first = zipFiles(files);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(2031, 6, 15, 13, 37));
      expect(zipFiles(files)).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps text that is not ASCII', () => {
    const unzipped = unzipSync(zipFiles([{ path: 'a/b.yaml', text: '# café ☕ 🚀\n' }]));
    expect(strFromU8(unzipped['a/b.yaml']!)).toBe('# café ☕ 🚀\n');
  });
});
