import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';

import { parseBundle } from '../bundle';
import { prepareImport } from './prepare';
import { withoutServerFields } from './server-fields';

describe('any accepted import', () => {
  const scalar = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('yes', 'no', 'on', '0x1F', '1e3', '~', 'null', '- a', '# x', '---', 'a: b', '"q"', "'"),
    fc.integer(),
    fc.boolean(),
  );
  const value = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.array(tie('tree'), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), tie('tree'), { maxKeys: 3 }),
    ),
  })).tree;
  const object = fc.record({
    apiVersion: fc.constantFrom('v1', 'networking.istio.io/v1'),
    kind: fc.constantFrom('ServiceEntry', 'ConfigMap', 'Namespace', 'Thing'),
    metadata: fc.record(
      { name: fc.string({ maxLength: 10 }), uid: fc.string({ maxLength: 4 }) },
      { requiredKeys: ['name'] },
    ),
    spec: value,
  });

  it('parses as a bundle without YAML errors, to the objects it lists', () => {
    fc.assert(
      fc.property(fc.array(object, { maxLength: 4 }), fc.boolean(), (objects, asList) => {
        const json = JSON.stringify(asList ? { apiVersion: 'v1', kind: 'List', items: objects } : objects);
        for (const input of [{ name: 'p.json', text: json }]) {
          const result = prepareImport([input]);
          if (!result.ok) continue; // refused inputs change nothing, which is allowed
          const bundle = parseBundle(result.text);
          expect(
            bundle.documents.flatMap((d) => d.parsed.problems.filter((p) => p.severity === 'error')),
          ).toEqual([]);
          expect(bundle.resources.map((r) => r.ref)).toEqual(result.resources.map((r) => r.ref));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('copies arbitrary YAML documents it accepts without changing what they mean', () => {
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 3 }), fc.boolean(), (objects, block) => {
        const print = (o: unknown): string => (block ? stringify(o) : JSON.stringify(o));
        const yaml = objects.map(print).join('\n---\n# between\n');
        const result = prepareImport([{ name: 'p.yaml', text: yaml }]);
        if (!result.ok) return;
        const bundle = parseBundle(result.text);
        expect(
          bundle.documents.flatMap((d) => d.parsed.problems.filter((p) => p.severity === 'error')),
        ).toEqual([]);
        // Each object means what it meant in the file, less the fields the cluster sets.
        const before = parseBundle(yaml).resources.map((r) => withoutServerFields(r.value).value);
        expect(bundle.resources.map((r) => r.value)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});
