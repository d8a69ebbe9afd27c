import { describe, expect, it } from 'vitest';

import { structure } from '../generated/structure';
import type { Shape } from '../structure-types';
import { fieldDocsByKind, fieldPathSegments, lookupFieldDoc } from './index';
import type { FieldDoc } from './types';

interface FieldPath {
  /** Path with list/map markers, e.g. `subsets[].trafficPolicy.tls.mode`. */
  path: string;
  /** Last field name. */
  name: string;
  shape: Shape;
}

function shapeOf(id: string): Shape {
  const shape = structure.shapes[id];
  if (!shape) throw new Error(`unknown shape ${id}`);
  return shape;
}

/** Every field path of a kind's spec: objects, arrays, maps and leaves, recursing into items and values. */
function fieldPaths(kind: string): FieldPath[] {
  const out: FieldPath[] = [];
  const visitFields = (shape: Shape, prefix: string): void => {
    if (shape.t === 'object') {
      for (const [name, field] of Object.entries(shape.fields)) {
        const path = prefix ? `${prefix}.${name}` : name;
        const child = shapeOf(field.shape);
        out.push({ path, name, shape: child });
        visitContainer(child, path);
      }
    }
  };
  const visitContainer = (shape: Shape, path: string): void => {
    if (shape.t === 'object') visitFields(shape, path);
    else if (shape.t === 'array') visitContainer(shapeOf(shape.items), `${path}[]`);
    else if (shape.t === 'map') visitContainer(shapeOf(shape.values), `${path}{}`);
  };
  const root = structure.kinds[kind]?.root;
  if (!root) throw new Error(`no root for ${kind}`);
  visitFields(shapeOf(root), '');
  return out;
}

const kinds = Object.keys(structure.kinds);
const meshConfigFieldNames = Object.keys(structure.mesh.fields);
const DURATION_NAMES = new Set([
  'interval',
  'baseEjectionTime',
  'duration',
  'ttl',
  'maxAge',
  'fixedDelay',
  'backoff',
  'time',
]);

function allDocs(): [string, string, FieldDoc][] {
  return Object.entries(fieldDocsByKind).flatMap(([kind, table]) =>
    Object.entries(table).map(([key, doc]): [string, string, FieldDoc] => [kind, key, doc]),
  );
}

describe('field docs overlay', () => {
  it('covers the five Istio kinds of the generated structure', () => {
    expect(kinds.sort()).toEqual(['DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'VirtualService']);
  });

  it.each(kinds)('documents every field path of %s', (kind) => {
    const missing = fieldPaths(kind)
      .map((f) => f.path)
      .filter((path) => lookupFieldDoc(kind, path) === undefined);
    expect(missing, `undocumented ${kind} paths:\n${missing.join('\n')}`).toEqual([]);
  });

  it.each(kinds)('has no %s key that matches no field (typo guard)', (kind) => {
    const paths = fieldPaths(kind).map((f) => fieldPathSegments(f.path).join('.'));
    const unused = Object.keys(fieldDocsByKind[kind] ?? {}).filter(
      (key) => !paths.some((path) => path === key || path.endsWith(`.${key}`)),
    );
    expect(unused, `${kind} keys matching no field:\n${unused.join('\n')}`).toEqual([]);
  });

  it.each(kinds)('marks every duration-like string field of %s with a duration format', (kind) => {
    const wrong = fieldPaths(kind)
      .filter(
        ({ name, shape }) => shape.t === 'string' && (/[tT]imeout$/.test(name) || DURATION_NAMES.has(name)),
      )
      .filter(({ path }) => {
        const format = lookupFieldDoc(kind, path)?.format;
        return format !== 'duration' && format !== 'duration-or-zero';
      })
      .map(({ path }) => path);
    expect(wrong, `${kind} duration fields without a duration format:\n${wrong.join('\n')}`).toEqual([]);
  });

  it('allows 0s only for connectionPool.tcp.idleTimeout among Istio durations', () => {
    expect(lookupFieldDoc('DestinationRule', 'trafficPolicy.connectionPool.tcp.idleTimeout')?.format).toBe(
      'duration-or-zero',
    );
    expect(lookupFieldDoc('DestinationRule', 'trafficPolicy.connectionPool.http.idleTimeout')?.format).toBe(
      'duration',
    );
    expect(lookupFieldDoc('Sidecar', 'inboundConnectionPool.tcp.idleTimeout')?.format).toBe(
      'duration-or-zero',
    );
    expect(lookupFieldDoc('VirtualService', 'http[0].timeout')?.format).toBe('duration');
  });

  it('keeps every help text to one short line', () => {
    const bad = allDocs()
      .filter(([, , doc]) => doc.help.length === 0 || doc.help.length >= 140 || /[\r\n]/.test(doc.help))
      .map(([kind, key, doc]) => `${kind} ${key} (${doc.help.length}): ${doc.help}`);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it.each(kinds)(
    'leaves the size limits the CRDs of any release set on %s to the generated table',
    (kind) => {
      const twice = fieldPaths(kind)
        .filter(({ path, shape }) => {
          if (shape.t !== 'string' && shape.t !== 'array' && shape.t !== 'map') return false;
          const doc = lookupFieldDoc(kind, path);
          const crd = [shape, ...(shape.older ?? [])];
          return (['maxItems', 'maxLength', 'maxProperties'] as const).some(
            (limit) => doc?.[limit] !== undefined && crd.some((limits) => limits[limit] !== undefined),
          );
        })
        .map(({ path }) => path);
      expect(twice, `${kind} limits stated in the docs and the CRDs:\n${twice.join('\n')}`).toEqual([]);
    },
  );

  it('uses consistent limits', () => {
    for (const [kind, key, doc] of allDocs()) {
      const where = `${kind} ${key}`;
      if (doc.minimum !== undefined && doc.maximum !== undefined)
        expect(doc.minimum, where).toBeLessThanOrEqual(doc.maximum);
      if (doc.format === 'port') expect(doc.maximum, where).toBe(65535);
      if (doc.deprecated !== undefined) expect(doc.deprecated.length, where).toBeGreaterThan(0);
    }
  });
});

describe('lookupFieldDoc', () => {
  it('takes the longest matching suffix', () => {
    expect(lookupFieldDoc('DestinationRule', 'subsets[0].trafficPolicy.tls.mode')?.default).toBe('DISABLE');
    expect(lookupFieldDoc('DestinationRule', 'subsets[].trafficPolicy.tls.mode')?.default).toBe('DISABLE');
    expect(lookupFieldDoc('Gateway', 'servers[1].tls.mode')?.default).toBe('PASSTHROUGH');
    expect(lookupFieldDoc('VirtualService', 'tcp[0].match[0].port')?.format).toBe('port');
    expect(lookupFieldDoc('VirtualService', 'http[0].route[0].destination.port.number')?.minimum).toBe(1);
    expect(lookupFieldDoc('Gateway', 'servers[0].port.number')?.minimum).toBe(0);
    expect(lookupFieldDoc('Sidecar', 'outboundTrafficPolicy.egressProxy.port.number')?.minimum).toBe(1);
    expect(lookupFieldDoc('Sidecar', 'egress[0].port.number')?.minimum).toBe(0);
    expect(lookupFieldDoc('ServiceEntry', 'endpoints[0].ports')?.maximum).toBe(65535);
    expect(lookupFieldDoc('ServiceEntry', 'ports')?.help).toContain('Ports the service exposes');
  });

  it('matches whole segments only', () => {
    // `tlsCertificates.caCertificates` must not fall back to the `tls.caCertificates` entry.
    const pair = lookupFieldDoc('Gateway', 'servers[0].tls.tlsCertificates[0].caCertificates');
    expect(pair).toBe(fieldDocsByKind['Gateway']?.['tlsCertificates.caCertificates']);
    expect(lookupFieldDoc('VirtualService', 'http[0].rewrite.uriRegexRewrite.match')).toBe(
      fieldDocsByKind['VirtualService']?.['uriRegexRewrite.match'],
    );
  });

  it('strips map markers, map keys in brackets and a leading spec', () => {
    expect(lookupFieldDoc('VirtualService', 'http[].match[].headers{}.regex')?.help).toContain('RE2');
    expect(lookupFieldDoc('VirtualService', 'spec.http[0].match[0].headers["x-env"].prefix')).toBeDefined();
    expect(lookupFieldDoc('ServiceEntry', 'spec.resolution')?.default).toBe('NONE');
  });

  it('reads metadata paths from the ObjectMeta table', () => {
    expect(lookupFieldDoc('Gateway', 'metadata.name')?.maxLength).toBe(253);
    expect(lookupFieldDoc('ObjectMeta', 'ownerReferences[0].uid')).toBe(
      fieldDocsByKind['ObjectMeta']?.['ownerReferences.uid'],
    );
    expect(lookupFieldDoc('Namespace', 'spec.finalizers')).toBeDefined();
  });

  it('returns undefined for unknown kinds and fields', () => {
    expect(lookupFieldDoc('AuthorizationPolicy', 'rules')).toBeUndefined();
    expect(lookupFieldDoc('ServiceEntry', 'nonsense')).toBeUndefined();
    expect(lookupFieldDoc('ServiceEntry', 'constructor')).toBeUndefined();
  });
});

describe('MeshConfig docs', () => {
  it('documents the outbound policy and the egress-relevant settings', () => {
    expect(lookupFieldDoc('MeshConfig', 'outboundTrafficPolicy.mode')?.default).toBe('ALLOW_ANY');
    expect(lookupFieldDoc('MeshConfig', 'outboundTrafficPolicy.tls.sni')?.help).toContain('SNI');
    expect(lookupFieldDoc('MeshConfig', 'connectTimeout')?.format).toBe('duration');
    expect(lookupFieldDoc('MeshConfig', 'rootNamespace')?.default).toBe('istio-system');
  });

  it('lists each documented top-level field among the known names, once', () => {
    expect(new Set(meshConfigFieldNames).size).toBe(meshConfigFieldNames.length);
    const topLevel = new Set(
      Object.keys(fieldDocsByKind['MeshConfig'] ?? {}).map((key) => key.split('.')[0]),
    );
    const unknown = [...topLevel].filter(
      (name) => name !== undefined && !meshConfigFieldNames.includes(name),
    );
    expect(unknown).toEqual([]);
    const undocumented = meshConfigFieldNames.filter((name) => !topLevel.has(name));
    expect(undocumented).toEqual([]);
  });
});
