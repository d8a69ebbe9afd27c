import type { ResourceRule, RuleContext } from '../types';
import { record, records, str, strings } from '../../istio/read';
import { goQuote, rulesOf, type Path } from './virtual-service-shared';

/** Header manipulation in `http[].headers` and `http[].route[].headers` (VS-17). */
export const virtualServiceHeaderRules: ResourceRule[] = [{ kinds: ['VirtualService'], check: checkHeaders }];

type Report = RuleContext['report'];

function isAuthorityHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === ':authority' || lower === 'host';
}

function isInternalHeader(name: string): boolean {
  return name.startsWith(':') || name.toLowerCase() === 'host';
}

/** Istio's `ValidateHTTPHeaderWithAuthorityOperationName` (request set/add). */
function requestSetProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isInternalHeader(name) && !isAuthorityHeader(name))
    return `invalid header ${goQuote(name)}: header cannot have ":" prefix`;
  return undefined;
}

/** Istio's `ValidateHTTPHeaderOperationName` (request remove, every response operation). */
function operationProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name.toLowerCase() === 'host') return `invalid header ${goQuote(name)}: cannot set Host header`;
  if (isInternalHeader(name)) return `invalid header ${goQuote(name)}: header cannot have ":" prefix`;
  return undefined;
}

/** Control characters other than tab, which Envoy refuses in header values. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

/** A port of Envoy's header formatter parser as Istio's `validateHeaderValue` does it. */
function formatterProblem(value: string): string | undefined {
  type State = 'literal' | 'name' | 'array' | 'string' | 'expectString' | 'delimiter' | 'argsEnd' | 'varEnd';
  let state: State = 'literal';
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos]!;
    const hasNext = pos + 1 < value.length;
    switch (state) {
      case 'literal':
        if (ch !== '%') break;
        if (!hasNext) return 'invalid header configuration. Un-escaped %';
        if (value[pos + 1] === '%') pos++;
        else state = 'name';
        break;
      case 'name':
        if (ch === '%') state = 'literal';
        else if (ch === '(') state = 'array';
        break;
      case 'array':
        if (ch === '[') state = 'expectString';
        else if (ch !== ' ') state = 'string';
        break;
      case 'delimiter':
        if (ch === ',') state = 'expectString';
        else if (ch === ']') state = 'argsEnd';
        else if (ch !== ' ') return "invalid header configuration. Expecting ',', ']', or whitespace";
        break;
      case 'expectString':
        if (ch === '"') state = 'string';
        else if (ch !== ' ') return `invalid header configuration. Expecting '"'`;
        break;
      case 'string':
        if (ch === '\\') {
          if (!hasNext) return 'invalid header configuration. Un-terminated backslash in JSON string';
          pos++;
        } else if (ch === ')') state = 'varEnd';
        else if (ch === '"') state = 'delimiter';
        break;
      case 'argsEnd':
        if (ch === ')') state = 'varEnd';
        else if (ch !== ' ')
          return "invalid header configuration. Expecting ')' or whitespace after '{}', but found '{}'";
        break;
      case 'varEnd':
        if (ch === '%') state = 'literal';
        else if (ch !== ' ') return "invalid header configuration. Expecting '%' or whitespace after";
        break;
    }
  }
  if (state !== 'literal')
    return `invalid header configuration. Un-terminated variable expression '${value}'`;
  return undefined;
}

/** Istio's `ValidateHTTPHeaderValue`. */
function valueProblem(value: string): string | undefined {
  if (hasControlCharacter(value)) return `header value configuration ${value} is invalid`;
  const problem = formatterProblem(value);
  return problem ? `header value configuration: ${problem}` : undefined;
}

/** Checks one `headers` block; `path` points at it. */
function checkOperations(headers: Record<string, unknown>, path: Path, report: Report): void {
  for (const direction of ['request', 'response'] as const) {
    const block = record(headers[direction]);
    if (!block) continue;
    const blockPath = [...path, direction];
    for (const operation of ['set', 'add'] as const) {
      for (const [name, value] of Object.entries(record(block[operation]) ?? {})) {
        const namePath = [...blockPath, operation, name];
        const nameProblem = direction === 'request' ? requestSetProblem(name) : operationProblem(name);
        if (nameProblem) report('VS-17', namePath, nameProblem, { target: 'key' });
        const text = str(value);
        const problem = text === undefined ? undefined : valueProblem(text);
        if (problem) report('VS-17', namePath, problem);
      }
    }
    for (const [name, i] of strings(block['remove'])) {
      const problem = operationProblem(name);
      if (problem) report('VS-17', [...blockPath, 'remove', i], problem);
    }
  }
}

/** Istio's `validateAuthorityRewrite`: rewrite.authority, then request set, then add; one finding at most. */
function checkAuthority(rule: Record<string, unknown>, rulePath: Path, report: Report): void {
  let current = str(record(rule['rewrite'])?.['authority']) ?? '';
  const request = record(record(rule['headers'])?.['request']);
  for (const operation of ['set', 'add']) {
    for (const [name, value] of Object.entries(record(request?.[operation]) ?? {})) {
      if (!isAuthorityHeader(name)) continue;
      const text = str(value) ?? '';
      if (current !== '') {
        report(
          'VS-17',
          [...rulePath, 'headers', 'request', operation, name],
          `authority header cannot be set multiple times: have ${goQuote(current)}, attempting to set ${goQuote(text)}`,
          { target: 'key' },
        );
        return;
      }
      current = text;
    }
  }
}

function checkHeaders({ resource, report }: RuleContext): void {
  for (const [rule, rulePath] of rulesOf(resource.spec, 'http')) {
    const headers = record(rule['headers']);
    if (headers) checkOperations(headers, [...rulePath, 'headers'], report);
    checkAuthority(rule, rulePath, report);
    for (const [entry, i] of records(rule['route'])) {
      const routeHeaders = record(entry['headers']);
      if (routeHeaders) checkOperations(routeHeaders, [...rulePath, 'route', i, 'headers'], report);
    }
  }
}
