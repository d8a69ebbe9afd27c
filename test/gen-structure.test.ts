import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { readCrds } from '../scripts/structure/crd';
import { mergeMesh } from '../scripts/structure/mesh';
import { mergeReleases } from '../scripts/structure/merge';
import { readProto } from '../scripts/structure/proto';
import type { Shape } from '../src/core/istio/structure-types';

/** A minimal CRD file in istio/api's layout: one kind, the given versions, one spec schema. */
function crd(kind: string, spec: string, versions = ['v1', 'v1beta1']): string {
  const indented = spec
    .split('\n')
    .map((line) => `              ${line}`)
    .join('\n');
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${kind.toLowerCase()}s.networking.istio.io
spec:
  group: networking.istio.io
  names:
    kind: ${kind}
  scope: Namespaced
  versions:
${versions
  .map(
    (v, i) => `  - name: ${v}
    served: true
    storage: ${i === 0}
    schema:
      openAPIV3Schema:
        properties:
          spec:
${indented}
        type: object`,
  )
  .join('\n')}
---
`;
}

const older = `description: A test kind.
properties:
  hosts:
    items:
      type: string
    type: array
  mode:
    enum: [A, B]
    type: string
required: [hosts]
type: object`;

const newer = `properties:
  hosts:
    items:
      maxLength: 64
      type: string
    maxItems: 10
    type: array
  mode:
    enum: [A, B, C]
    type: string
  keepalive:
    properties:
      interval:
        type: string
        x-kubernetes-validations:
          - rule: duration(self) >= duration('1ms')
            message: must be a valid duration greater than 1ms
    type: object
required: [hosts]
type: object`;

const read = (text: string) => readCrds(text, ['Thing']);

describe('reading the CRDs of a release', () => {
  it('keeps fields, required fields, enums, limits and served versions', () => {
    const thing = read(crd('Thing', newer)).get('Thing')!;
    expect(thing.served).toEqual(['v1', 'v1beta1']);
    expect(thing.spec).toMatchObject({ t: 'object' });
    const spec = thing.spec as Extract<typeof thing.spec, { t: 'object' }>;
    expect(spec.fields.get('hosts')).toMatchObject({
      required: true,
      node: { t: 'array', limits: { maxItems: 10 }, items: { t: 'string', limits: { maxLength: 64 } } },
    });
    expect(spec.fields.get('mode')?.node).toMatchObject({ t: 'string', enum: ['A', 'B', 'C'] });
  });

  it('refuses what it cannot represent, versions whose schemas differ, and missing kinds', () => {
    const pattern = 'type: object\nproperties:\n  x:\n    type: string\n    pattern: a+';
    expect(() => read(crd('Thing', pattern))).toThrow('Thing.spec.x: cannot represent pattern');
    const text = crd('Thing', newer);
    const at = text.lastIndexOf('maxItems: 10');
    const differing = `${text.slice(0, at)}maxItems: 11${text.slice(at + 'maxItems: 10'.length)}`;
    expect(() => read(differing)).toThrow('Thing: served versions have different spec schemas');
    expect(() => readCrds(text, ['Thing', 'Missing'])).toThrow('no CRD for Missing');
  });
});

describe('merging releases', () => {
  const releases = (a: string, b: string) => [
    { release: '1.30', kinds: read(crd('Thing', a)) },
    { release: '1.31', kinds: read(crd('Thing', b)) },
  ];

  it('marks fields and enum values with the release that added them, and keeps older limits', () => {
    const table = mergeReleases(releases(older, newer), ['Thing']);
    expect(table.releases).toEqual(['1.30', '1.31']);
    const shape = (id: string) => table.shapes[id]!;
    const root = shape(table.kinds['Thing']!.root) as Extract<Shape, { t: 'object' }>;
    expect(root.fields['keepalive']).toMatchObject({ since: '1.31' });
    expect(root.fields['hosts']).toMatchObject({ required: true });
    expect(root.fields['hosts']!.since).toBeUndefined();
    // A field below a new one carries no span of its own: its parent's applies.
    const keepalive = shape(root.fields['keepalive']!.shape) as Extract<Shape, { t: 'object' }>;
    expect(keepalive.fields['interval']).toEqual({ shape: expect.any(String) });
    expect(shape(root.fields['mode']!.shape)).toEqual({
      t: 'string',
      enum: ['A', 'B', 'C'],
      enumSpans: { C: { since: '1.31' } },
    });
    expect(shape(root.fields['hosts']!.shape)).toMatchObject({
      t: 'array',
      maxItems: 10,
      older: [{ until: '1.30' }],
    });
  });

  it('records a field a release dropped with the last release that had it', () => {
    const table = mergeReleases(releases(newer, older), ['Thing']);
    const root = table.shapes[table.kinds['Thing']!.root] as Extract<Shape, { t: 'object' }>;
    expect(root.fields['keepalive']).toMatchObject({ until: '1.30' });
  });

  it('refuses changes the table cannot express', () => {
    const retyped = newer.replace(
      '  mode:\n    enum: [A, B, C]\n    type: string',
      '  mode:\n    type: integer',
    );
    expect(() => mergeReleases(releases(older, retyped), ['Thing'])).toThrow('Thing.spec.mode: type changes');
    const required = older.replace('required: [hosts]', 'required: [hosts, mode]');
    expect(() => mergeReleases(releases(required, newer), ['Thing'])).toThrow(
      'Thing.spec.mode: required changes',
    );
    const three = [
      { release: '1.29', kinds: read(crd('Thing', newer)) },
      { release: '1.30', kinds: read(crd('Thing', older)) },
      { release: '1.31', kinds: read(crd('Thing', newer)) },
    ];
    expect(() => mergeReleases(three, ['Thing'])).toThrow('removed and added again');
  });
});

describe('reading MeshConfig from its proto', () => {
  const proto = (extra: string) => `syntax = "proto3";
package istio.mesh.v1alpha1;
import "google/protobuf/duration.proto";
option go_package = "istio.io/api/mesh/v1alpha1";

// MeshConfig defines mesh-wide settings.
message MeshConfig {
  int32 proxy_listen_port = 4;
  /* block comment { with a brace */
  message OutboundTrafficPolicy {
    enum Mode {
      REGISTRY_ONLY = 0;
      ALLOW_ANY = 1;
      ${extra}
      reserved 2;
      reserved "VIRTUAL_SERVICE_ONLY";
    }
    Mode mode = 1;
  }
  OutboundTrafficPolicy outbound_traffic_policy = 17;
  map<string, string> labels_map = 20 [deprecated = true];
  oneof choice {
    string root_namespace = 34;
  }
  reserved 49;
}

message Other { string x = 1; }
`;

  it('lists fields by their JSON names, oneof members included, and enum values', () => {
    const mesh = readProto(proto('')).get('MeshConfig')!;
    expect(mesh.fields).toEqual(['proxyListenPort', 'outboundTrafficPolicy', 'labelsMap', 'rootNamespace']);
    expect(mesh.messages.get('OutboundTrafficPolicy')?.enums.get('Mode')).toEqual([
      'REGISTRY_ONLY',
      'ALLOW_ANY',
    ]);
  });

  it('merges releases into spans', () => {
    const merged = mergeMesh([
      { release: '1.29', proto: proto('') },
      { release: '1.30', proto: proto('ALLOW_ANY_DYNAMIC_DNS = 3;') },
    ]);
    expect(merged.modes).toEqual({
      REGISTRY_ONLY: {},
      ALLOW_ANY: {},
      ALLOW_ANY_DYNAMIC_DNS: { since: '1.30' },
    });
    expect(merged.outboundTrafficPolicy).toEqual({ mode: {} });
  });
});

describe('the committed table', () => {
  it('is the generator output it says it is (its digest matches its body)', () => {
    const file = readFileSync(join(import.meta.dirname, '../src/core/istio/generated/structure.ts'), 'utf8');
    const body = /export const structure: StructureTable = (.*);\n$/s.exec(file)![1]!;
    const digest = /\/\/ digest ([0-9a-f]{12})/.exec(file)![1];
    expect(createHash('sha256').update(body).digest('hex').slice(0, 12)).toBe(digest);
    expect(file).toMatch(/^\/\/ 1\.22: istio\/api release-1\.22 [0-9a-f]{40}$/m);
    expect(file).toMatch(/^\/\/ 1\.31: istio\/api release-1\.31 [0-9a-f]{40}$/m);
  });
});
