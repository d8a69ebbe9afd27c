import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { FIXTURES_DIR, type Case } from './manifest';

/** A fixture file's text. */
export function fixtureText(file: string): string {
  return readFileSync(join(FIXTURES_DIR, file), 'utf8');
}

/**
 * The documents of a multi-document file as istio/api's and istio/istio's CRD tests split them: at
 * `---` at the start of a line, trimmed, empty parts dropped (`SplitString` in tests/validator.go).
 */
export function splitLikeIstio(text: string): string[] {
  return text
    .split(/(?:^|\n)---/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Drops the `_err` key istio/api's test data carries; the test deletes it before validating. */
function withoutExpectation(document: string): string {
  return document.replace(/^_err:.*\n/m, '');
}

/**
 * The mesh config file of an analyzer test as a cluster carries it: the `istio` ConfigMap in
 * istio-system, with the file as its `mesh` text.
 */
function meshConfigMap(text: string): string {
  const body = text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n${body}\n`;
}

/** The resources `istioctl analyze` adds to every run (an ingress gateway Pod and Service). */
export const ANALYZE_DEFAULTS = 'istio-analyzers/default-ingress-gateway.yaml';

/** The bundle text a case runs through the engine. */
export function caseText(testCase: Case): string {
  if (testCase.document !== undefined) {
    const [file] = testCase.files;
    const document = splitLikeIstio(fixtureText(file!))[testCase.document];
    if (document === undefined)
      throw new Error(`${testCase.id}: no document ${testCase.document} in ${file}`);
    return `${withoutExpectation(document)}\n`;
  }
  const texts = testCase.files.map(fixtureText);
  if (testCase.category === 'analyzer') {
    if (testCase.meshConfig) texts.push(meshConfigMap(fixtureText(testCase.meshConfig)));
    texts.push(fixtureText(ANALYZE_DEFAULTS));
  }
  if (texts.length === 1) return texts[0]!;
  // Joining files must not add empty documents: a separator at a file's edge is the junction's.
  return texts
    .map((text) => text.replace(/^---[ \t]*\n/, '').replace(/\n---[ \t]*\n*$|\n*$/, '\n'))
    .join('---\n');
}
