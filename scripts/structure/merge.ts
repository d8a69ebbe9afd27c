/**
 * Merges the per-release CRD trees into one structure table: the union of every release's fields
 * and enum values, each with the releases it exists in (only where that differs from its parent),
 * and size limits with the values older releases had. Shapes are interned, so a subtree that is
 * the same everywhere (ClientTLSSettings, a connection pool) is stored once.
 */
import type {
  KindStructure,
  Limits,
  ReleaseLimits,
  ReleaseSpan,
  Shape,
  ShapeField,
  StructureTable,
} from '../../src/core/istio/structure-types';
import type { KindSchema, SchemaNode } from './crd';

/** Per release (oldest first), the kinds read from its CRDs. */
export type ReleaseSchemas = { release: string; kinds: Map<string, KindSchema> }[];

/** Builds the table's kinds and shapes; throws on a change between releases it cannot express. */
export function mergeReleases(
  releases: ReleaseSchemas,
  kinds: readonly string[],
): Pick<StructureTable, 'releases' | 'kinds' | 'shapes'> {
  const names = releases.map((r) => r.release);
  const interner = new Interner();
  const out: Record<string, KindStructure> = {};
  for (const kind of kinds) {
    const present = releases.map((r) => r.kinds.get(kind));
    if (present.some((k) => !k)) throw new Error(`${kind} is missing from a release`);
    const served: Record<string, ReleaseSpan> = {};
    const versions = [...new Set(present.flatMap((k) => k!.served))].sort();
    for (const version of versions) {
      served[version] = spanOf(
        present.map((k) => k!.served.includes(version)),
        names,
        `${kind} ${version}`,
      );
    }
    const root = mergeNodes(
      present.map((k) => k!.spec),
      names,
      interner,
      `${kind}.spec`,
    );
    out[kind] = { root, served };
  }
  return { releases: names, kinds: out, shapes: interner.shapes };
}

/** Interns shapes by content: ids are a type letter and a counter, in order of first use. */
class Interner {
  shapes: Record<string, Shape> = {};
  private ids = new Map<string, string>();

  intern(shape: Shape): string {
    const key = JSON.stringify(shape);
    const found = this.ids.get(key);
    if (found) return found;
    const id = `${shape.t === 'object' ? 'o' : shape.t[0]}${this.ids.size}`;
    this.ids.set(key, id);
    this.shapes[id] = shape;
    return id;
  }
}

/**
 * Merges one node across releases (undefined where the release lacks it) into a shape id. Spans
 * are written relative to the releases where this node exists.
 */
function mergeNodes(
  nodes: (SchemaNode | undefined)[],
  releases: string[],
  interner: Interner,
  where: string,
): string {
  const present = nodes.filter((n): n is SchemaNode => n !== undefined);
  const types = new Set(present.map((n) => n.t));
  if (types.size !== 1) throw new Error(`${where}: type changes between releases (${[...types].join(', ')})`);
  const first = present[0]!;
  // Every present node has the type of the first: view them all as that type.
  const pick = <T extends SchemaNode['t']>(_type: T) =>
    nodes.map((n) => n as Extract<SchemaNode, { t: T }> | undefined);
  switch (first.t) {
    case 'object': {
      const objects = pick('object');
      const fieldNames = [...new Set(objects.flatMap((o) => (o ? [...o.fields.keys()] : [])))].sort((a, b) =>
        a.localeCompare(b),
      );
      const fields: Record<string, ShapeField> = {};
      for (const name of fieldNames) {
        const at = objects.map((o) => o?.fields.get(name));
        const required = new Set(at.filter((f) => f !== undefined).map((f) => f!.required));
        if (required.size !== 1) throw new Error(`${where}.${name}: required changes between releases`);
        const field: ShapeField = {
          shape: mergeNodes(
            at.map((f) => f?.node),
            releases,
            interner,
            `${where}.${name}`,
          ),
        };
        if (required.has(true)) field.required = true;
        Object.assign(field, relativeSpan(objects, at, releases, `${where}.${name}`));
        fields[name] = field;
      }
      return interner.intern({ t: 'object', fields });
    }
    case 'array': {
      const arrays = pick('array');
      const items = mergeNodes(
        arrays.map((a) => a?.items),
        releases,
        interner,
        `${where}[]`,
      );
      return interner.intern({ t: 'array', items, ...mergeLimits(arrays, releases) });
    }
    case 'map': {
      const maps = pick('map');
      const values = mergeNodes(
        maps.map((m) => m?.values),
        releases,
        interner,
        `${where}{}`,
      );
      return interner.intern({ t: 'map', values, ...mergeLimits(maps, releases) });
    }
    case 'string': {
      const strings = pick('string');
      const shape: Extract<Shape, { t: 'string' }> = { t: 'string' };
      const withEnum = present.filter((s) => (s as { enum?: string[] }).enum !== undefined).length;
      if (withEnum !== 0 && withEnum !== present.length) {
        throw new Error(`${where}: an enum is added or dropped between releases`);
      }
      if (withEnum > 0) {
        // The newest order first, then values later releases dropped.
        const values = [...strings].reverse().flatMap((s) => s?.enum ?? []);
        shape.enum = [...new Set(values)];
        const spans: Record<string, ReleaseSpan> = {};
        for (const value of shape.enum) {
          const span = relativeSpan(
            strings,
            strings.map((s) => (s?.enum?.includes(value) ? value : undefined)),
            releases,
            `${where} = ${value}`,
          );
          if (span.since || span.until) spans[value] = span;
        }
        if (Object.keys(spans).length > 0) shape.enumSpans = spans;
      }
      Object.assign(shape, mergeLimits(strings, releases));
      return interner.intern(shape);
    }
    default:
      return interner.intern({ t: first.t });
  }
}

/**
 * The span of a child within its parent: empty when the child is in every release its parent is
 * in, else its first and (when dropped) last release. Throws when it comes and goes.
 */
function relativeSpan(
  parents: readonly unknown[],
  children: readonly unknown[],
  releases: string[],
  where: string,
): ReleaseSpan {
  const inParent = parents.map((p) => p !== undefined);
  const inChild = children.map((c) => c !== undefined);
  if (inChild.every((has, i) => has === inParent[i])) return {};
  return spanOf(inChild, releases, where);
}

/** The span of a contiguous run of releases; `since` and `until` only where they cut the list. */
export function spanOf(present: boolean[], releases: string[], where: string): ReleaseSpan {
  const first = present.indexOf(true);
  const last = present.lastIndexOf(true);
  if (first < 0) throw new Error(`${where}: in no release`);
  if (present.slice(first, last + 1).includes(false)) {
    throw new Error(`${where}: removed and added again between releases`);
  }
  const span: ReleaseSpan = {};
  if (first > 0) span.since = releases[first]!;
  if (last < present.length - 1) span.until = releases[last]!;
  return span;
}

/**
 * The newest release's limits, and each earlier run of releases whose limits differ from the run
 * after it, oldest first: run k covers the releases after run k-1's `until`, up to its own.
 */
function mergeLimits(nodes: ({ limits: Limits } | undefined)[], releases: string[]): ReleaseLimits {
  const indexes = nodes.flatMap((n, i) => (n ? [i] : []));
  const key = (i: number) => JSON.stringify(nodes[i]!.limits);
  const merged: ReleaseLimits = { ...nodes[indexes.at(-1)!]!.limits };
  const older: NonNullable<ReleaseLimits['older']> = [];
  for (let k = indexes.length - 2; k >= 0; k--) {
    const i = indexes[k]!;
    // A run ends where the next newer release has other limits.
    if (key(i) !== key(indexes[k + 1]!)) older.unshift({ ...nodes[i]!.limits, until: releases[i]! });
  }
  if (older.length > 0) merged.older = older;
  return merged;
}
