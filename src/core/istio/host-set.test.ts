import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { HostSet } from './host-set';
import { hostCovers } from './values';

const label = fc.constantFrom('a', 'b', 'api', 'example', 'com', 'x-y');
const host = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')),
  fc.array(label, { maxLength: 3 }).map((labels) => ['*', ...labels].join('.')),
  fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => `*${labels.join('.')}`),
  fc.constant('*'),
  fc.constantFrom('API.example.com', '*.EXAMPLE.com'),
);

describe('HostSet', () => {
  it('covers a name exactly when one of its hosts covers it (hostCovers)', () => {
    fc.assert(
      fc.property(fc.array(host, { maxLength: 6 }), host, (hosts, name) => {
        const set = new HostSet();
        for (const h of hosts) set.add(h);
        expect(set.covers(name)).toBe(hosts.some((h) => hostCovers(h, name)));
      }),
      { numRuns: 2000 },
    );
  });

  it('covers nothing when empty', () => {
    expect(new HostSet().covers('api.example.com')).toBe(false);
  });
});
