import { describe, expect, it } from 'vitest';

import type { ModelEntry } from '../../istio/model';
import { GroupNames, MAX_NAMED } from './group-names';

const entry = (name: string) => ({ ref: `Gateway/ns/${name}` }) as ModelEntry;
const [a, b, c, outsider] = ['a', 'b', 'c', 'outsider'].map(entry) as [
  ModelEntry,
  ModelEntry,
  ModelEntry,
  ModelEntry,
];

describe('GroupNames', () => {
  const group = new GroupNames([a, b, c], [a.ref, b.ref, c.ref]);

  it("names every member but the one asking, in the group's order", () => {
    expect(group.except(a)).toEqual({ text: 'Gateway/ns/b, Gateway/ns/c', count: 2 });
    expect(group.except(b)).toEqual({ text: 'Gateway/ns/a, Gateway/ns/c', count: 2 });
    expect(group.except(c)).toEqual({ text: 'Gateway/ns/a, Gateway/ns/b', count: 2 });
  });

  it('names everyone to a resource outside the group, and no one to a group of one', () => {
    expect(group.except(outsider)).toEqual({ text: 'Gateway/ns/a, Gateway/ns/b, Gateway/ns/c', count: 3 });
    expect(new GroupNames([a], [a.ref]).except(a)).toEqual({ text: '', count: 0 });
    expect(new GroupNames([], []).except(a)).toEqual({ text: '', count: 0 });
  });

  it('leaves out every label of a member that has several', () => {
    const labels = ['a (HTTP)', 'b (TCP)', 'a (TLS)', 'c (TCP)', 'a (GRPC)'];
    const several = new GroupNames([a, b, a, c, a], labels);
    expect(several.except(a)).toEqual({ text: 'b (TCP), c (TCP)', count: 2 });
    expect(several.except(b)).toEqual({ text: 'a (HTTP), a (TLS), c (TCP), a (GRPC)', count: 4 });
    expect(several.size).toBe(5);
  });

  it('names copies of one resource apart from the one asking', () => {
    const copies = [entry('x'), entry('x'), entry('x')];
    const group = new GroupNames(
      copies,
      copies.map((e) => e.ref),
    );
    expect(group.except(copies[1]!)).toEqual({ text: 'Gateway/ns/x, Gateway/ns/x', count: 2 });
  });

  it(`names at most ${MAX_NAMED} others, then how many more there are`, () => {
    const many = Array.from({ length: 14 }, (_, i) => entry(`g${i}`));
    const big = new GroupNames(
      many,
      many.map((m) => m.ref),
    );
    const named = Array.from({ length: 11 }, (_, i) => `Gateway/ns/g${i}`).filter(
      (n) => n !== 'Gateway/ns/g3',
    );
    expect(big.except(many[3]!)).toEqual({ text: `${named.join(', ')} and 3 more`, count: 13 });
    expect(big.except(outsider).count).toBe(14);
    expect(big.except(outsider).text).toMatch(/g9 and 4 more$/);
  });
});
