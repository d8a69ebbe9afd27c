import type { RuleCase } from '../../src/core/analysis/testing';
import type { Severity } from '../../src/core/analysis/types';

/** A networking resource with its spec lines: `doc('ServiceEntry', 'app/api', 'hosts: [a.com]')`. */
export function doc(kind: string, ref: string, ...spec: string[]): string {
  const [namespace, name] = ref.split('/');
  const head = [
    'apiVersion: networking.istio.io/v1',
    `kind: ${kind}`,
    `metadata: {name: ${name}, namespace: ${namespace}}`,
  ];
  return [...head, 'spec:', ...spec.map((line) => `  ${line}`), ''].join('\n');
}

/** Documents joined into one bundle. */
export function bundle(...docs: string[]): string {
  return docs.join('---\n');
}

/** A rule case whose expected findings are the lines marked `#!` (none: the case must pass). */
export function markedCase(severity: Severity, name: string, yaml: string, message?: string): RuleCase {
  return {
    name,
    yaml,
    expect: yaml
      .split('\n')
      .flatMap((l, i) =>
        l.includes('#!') ? [{ line: i + 1, severity, ...(message ? { message } : {}) }] : [],
      ),
  };
}

/**
 * A networking resource in block style, `metadata` on three lines, with its spec lines indented:
 * lines 1 apiVersion, 2 kind, 3 metadata, 4 name, 5 namespace, 6 spec:, then the spec lines from 7.
 */
export function blockDoc(kind: string, ref: string, ...spec: string[]): string {
  const [namespace, name] = ref.split('/');
  const head = [
    'apiVersion: networking.istio.io/v1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
  ];
  return `${[...head, 'spec:', ...spec.map((line) => `  ${line}`)].join('\n')}\n`;
}
