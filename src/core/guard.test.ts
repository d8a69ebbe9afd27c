import { afterEach, describe, expect, it, vi } from 'vitest';

import * as analyze from './analysis/analyze';
import * as bundleModule from './bundle/bundle';
import { changeBetween } from './bundle';
import { createDeriver, deriveOnce } from './derivation';
import * as graph from './graph/derive';
import { INTERNAL_ERROR_CODE, internalErrorOf } from './guard';
import { failing } from './guard-testing';

const SERVICE_ENTRY = [
  'apiVersion: networking.istio.io/v1',
  'kind: ServiceEntry',
  'metadata: {name: api, namespace: payments}',
  'spec:',
  '  hosts: [api.example.com]',
  '  ports: [{number: 443, name: tls, protocol: TLS}]',
  '  resolution: DNS',
  '  location: MESH_EXTERNAL',
  '',
].join('\n');
// A schema error (an unknown field) in the second document, so kept findings can be told apart.
const TEXT = `${SERVICE_ENTRY}---\n${SERVICE_ENTRY.replace('name: api,', 'name: other,').replace('  resolution', '  bogus: 1\n  resolution')}`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a derivation whose step throws', () => {
  it('draws an empty graph and keeps the parsed bundle and its findings when the graph throws', () => {
    const expected = deriveOnce(TEXT);
    const spy = failing(graph, 'deriveGraph');
    const derived = createDeriver()(TEXT);
    expect(spy).toHaveBeenCalled();
    expect(derived.internalError).toMatchObject({
      message: 'deriveGraph broke',
      stack: expect.stringContaining('guard.test'),
    });
    expect(derived.graph).toEqual({ nodes: [], edges: [] });
    expect(derived.bundle.resources.map((r) => r.ref)).toEqual(expected.bundle.resources.map((r) => r.ref));
    const [first, ...rest] = derived.diagnostics;
    expect(first).toEqual({
      code: INTERNAL_ERROR_CODE,
      severity: 'error',
      message: expect.stringContaining(
        'An internal failure occurred while checking this design (deriveGraph broke)',
      ),
      range: { start: 0, end: TEXT.indexOf('\n') },
      resource: undefined,
      path: '',
    });
    expect(rest).toEqual(expected.diagnostics);
    expect(rest.some((d) => d.code === 'SCHEMA-UNKNOWN-FIELD')).toBe(true);
    expect(expected.internalError).toBeUndefined();
  });

  it('reports no findings but the failure, and still draws the graph, when the analysis throws', () => {
    const expected = deriveOnce(TEXT);
    failing(analyze, 'analyzeBundle');
    const derived = createDeriver()(TEXT);
    expect(derived.diagnostics.map((d) => d.code)).toEqual([INTERNAL_ERROR_CODE]);
    expect(derived.graph).toEqual(expected.graph);
    expect(derived.graph.nodes.length).toBeGreaterThan(0);
  });

  it('keeps the text in an empty bundle when parsing throws', () => {
    failing(bundleModule, 'parseBundle');
    const derived = deriveOnce(TEXT);
    expect(derived.internalError?.message).toBe('parseBundle broke');
    expect(derived.bundle.text).toBe(TEXT);
    expect(derived.bundle.documents).toEqual([]);
    expect(derived.bundle.lines.lineCount).toBe(TEXT.split('\n').length);
    expect(derived.diagnostics.map((d) => d.code)).toEqual([INTERNAL_ERROR_CODE]);
  });

  it('reports one failure, the first, when several steps throw', () => {
    failing(analyze, 'analyzeBundle');
    failing(graph, 'deriveGraph');
    // The graph is drawn before the analyzers run (its view can be shown first).
    const derived = createDeriver()(TEXT);
    expect(derived.internalError?.message).toBe('deriveGraph broke');
    expect(derived.diagnostics.filter((d) => d.code === INTERNAL_ERROR_CODE)).toHaveLength(1);
  });

  it('starts afresh after a failure: the next derivation, told the change or not, equals a fresh one', () => {
    const derive = createDeriver();
    derive(SERVICE_ENTRY);
    // The analysis breaks half-way through (after parsing), leaving whatever it had cached.
    const spy = failing(analyze, 'analyzeBundle');
    expect(derive(TEXT, changeBetween(SERVICE_ENTRY, TEXT)).internalError).toBeDefined();
    spy.mockRestore();
    const edited = TEXT.replace('bogus: 1', 'exportTo: ["."]');
    const next = derive(edited, changeBetween(TEXT, edited));
    expect(next.internalError).toBeUndefined();
    expect(next.diagnostics).toEqual(deriveOnce(edited).diagnostics);
    expect(next.graph).toEqual(deriveOnce(edited).graph);
    expect(next.work.documentsParsed).toBe(2);
  });

  it('ranges the failure over the whole text when it is one line (or empty)', () => {
    failing(graph, 'deriveGraph');
    expect(deriveOnce('a: 1').diagnostics[0]!.range).toEqual({ start: 0, end: 4 });
    expect(deriveOnce('').diagnostics[0]!.range).toEqual({ start: 0, end: 0 });
  });
});

describe('internalErrorOf', () => {
  it('describes any thrown value, even one that throws when described', () => {
    expect(internalErrorOf('plain string')).toEqual({ message: 'plain string' });
    expect(internalErrorOf(new RangeError('too deep'))).toMatchObject({
      message: 'too deep',
      stack: expect.stringContaining('RangeError'),
    });
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(internalErrorOf(hostile)).toEqual({ message: 'an exception that cannot be described' });
  });

  it('reports a thrown value that is not an Error through the deriver too', () => {
    failing(graph, 'deriveGraph', 42);
    expect(createDeriver()(TEXT).internalError).toEqual({ message: '42' });
  });
});
