import { describe, expect, it } from 'vitest';

import { diagnose, source } from './testing';

// What kubectl reads, the engine reads (ISTIO.md §5.2): the cluster accepts all of these.

const serviceEntry = (spec: string) => source`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata:
    name: ext
    namespace: app
    annotations: {owner: platform}
  spec:
    ${spec}
`;

/** A ServiceEntry for api.example.com:443, with `extra` spec fields. */
const tlsEntry = (extra = '') =>
  serviceEntry(
    `hosts: [api.example.com]\nports: [{number: 443, name: tls, protocol: TLS}]\nresolution: DNS${extra}`,
  );

/** The diagnostics other than best-practice advice. */
const problems = (text: string) => diagnose(text).filter((d) => d.severity !== 'info');

describe('YAML as kubectl reads it', () => {
  it('reads a plain . in exportTo as the namespace itself', () => {
    expect(problems(tlsEntry('\nexportTo: [foo, .]'))).toEqual([]);
    expect(problems(tlsEntry('\nexportTo:\n- .'))).toEqual([]);
  });

  it('still checks the plain . it now reads: . and the own namespace are the same entry', () => {
    expect(problems(tlsEntry('\nexportTo: [app, .]')).map((d) => d.code)).toEqual(['EX-05']);
  });

  it('reads an IPv6 address ending in :: inside a flow list as one address', () => {
    const text = serviceEntry(
      'hosts: [db.internal]\naddresses: [2001:db8::, 10.0.0.1]\nports: [{number: 5432, name: tcp, protocol: TCP}]\nlocation: MESH_EXTERNAL\nresolution: NONE',
    );
    expect(problems(text)).toEqual([]);
  });

  it('skips empty documents, a trailing ---, and documents that are only null or ~', () => {
    const text = `---\n---\n${tlsEntry()}---\n---\nnull\n---\n~\n--- # nothing here\n---\n`;
    expect(problems(text)).toEqual([]);
  });

  it('still refuses a document that is a plain string', () => {
    expect(problems('---\njust a note\n').map((d) => d.code)).toEqual(['YAML-NOT-OBJECT']);
  });
});
