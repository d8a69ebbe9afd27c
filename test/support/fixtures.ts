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

/** `{a: b, c: d}` for `a=b,c=d`. */
function flowLabels(labels: string): string {
  return `{${labels
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.replace('=', ': '))
    .join(', ')}}`;
}

/** A Kubernetes object of the core or another API group, with its lines after `metadata`. */
export function kube(apiVersion: string, kind: string, ref: string, ...lines: string[]): string {
  const [namespace, name] = ref.split('/');
  return [
    `apiVersion: ${apiVersion}`,
    `kind: ${kind}`,
    `metadata: {name: ${name}, namespace: ${namespace}}`,
    ...lines,
    '',
  ].join('\n');
}

/** A Deployment whose pods carry `labels` (`app=curl,version=v1`). */
export function deployment(ref: string, labels: string): string {
  return kube(
    'apps/v1',
    'Deployment',
    ref,
    'spec:',
    `  selector: {matchLabels: ${flowLabels(labels)}}`,
    `  template: {metadata: {labels: ${flowLabels(labels)}}, spec: {containers: [{name: main, image: app}]}}`,
  );
}

/** A Service selecting `selector` (`app=api`), with its ports as flow items (`{name: http, port: 80}`). */
export function service(ref: string, selector: string, ...ports: string[]): string {
  return kube(
    'v1',
    'Service',
    ref,
    'spec:',
    `  selector: ${flowLabels(selector)}`,
    `  ports: [${ports.join(', ')}]`,
  );
}

/** A Secret with `stringData` entries (`tls.crt: ...`). */
export function secret(ref: string, ...entries: string[]): string {
  return kube('v1', 'Secret', ref, 'stringData:', ...entries.map((e) => `  ${e}`));
}

/** A Pod with `labels` (`app=curl`), and its spec lines (`spec: {nodeName: n1}`) when given. */
export function pod(ref: string, labels: string, ...lines: string[]): string {
  const [namespace, name] = ref.split('/');
  const meta = `metadata: {name: ${name}, namespace: ${namespace}, labels: ${flowLabels(labels)}}`;
  return ['apiVersion: v1', 'kind: Pod', meta, ...(lines.length ? lines : ['spec: {}']), ''].join('\n');
}

/** A Namespace with labels as a flow map's contents (`istio.io/dataplane-mode: ambient`). */
export function namespace(name: string, labels: string): string {
  return ['apiVersion: v1', 'kind: Namespace', `metadata: {name: ${name}, labels: {${labels}}}`, ''].join(
    '\n',
  );
}

/** A Node with labels as a flow map's contents (`topology.kubernetes.io/zone: z1`). */
export function node(name: string, labels: string): string {
  return ['apiVersion: v1', 'kind: Node', `metadata: {name: ${name}, labels: {${labels}}}`, ''].join('\n');
}
