import { releaseAtLeast, type IstioVersion } from '../../istio/releases';
import type { ResourceRule, RuleContext } from '../types';
import { has, list, num, record, records, str } from '../../istio/read';
import { regexProblem } from './virtual-service-regex';
import { byteLength, goQuote, isDelegate, portProblem, rulesOf, type Path } from './virtual-service-shared';

const KINDS = ['VirtualService'];

/** HTTP rule actions, retries and the other HTTP options (VS-08..VS-11, VS-21). */
export const virtualServiceHttpRules: ResourceRule[] = [
  { kinds: KINDS, check: checkActions },
  { kinds: KINDS, check: checkRetries },
  { kinds: KINDS, check: checkOptions },
];

type Report = RuleContext['report'];

function checkActions({ resource, report }: RuleContext): void {
  const delegateVs = isDelegate(resource.spec);
  for (const [rule, path] of rulesOf(resource.spec, 'http')) {
    const name = str(rule['name']) ?? '';
    // A root rule (one that delegates) may only delegate; Istio checks nothing else here.
    if (!delegateVs && has(rule, 'delegate')) {
      if (has(rule, 'redirect')) {
        report('VS-08', [...path, 'redirect'], `root HTTP route ${name} must not specify redirect`, {
          target: 'key',
        });
      }
      if (has(rule, 'route')) {
        report('VS-08', [...path, 'route'], `root HTTP route ${name} must not specify route`, {
          target: 'key',
        });
      }
      continue;
    }
    const at = (field: string, message: string) =>
      report('VS-08', [...path, field], message, { target: 'key' });
    const routed = list(rule['route']).length > 0;
    if (has(rule, 'redirect')) {
      if (routed) at('redirect', 'HTTP route cannot contain both route and redirect');
      if (has(rule, 'fault')) at('fault', 'HTTP route cannot contain both fault and redirect');
      if (has(rule, 'rewrite')) at('rewrite', 'HTTP route rule cannot contain both rewrite and redirect');
      if (has(rule, 'directResponse')) {
        at('directResponse', 'HTTP route rule cannot contain both direct_response and redirect');
      }
    } else if (has(rule, 'directResponse')) {
      if (routed) at('directResponse', 'HTTP route cannot contain both route and direct_response');
      if (has(rule, 'fault')) at('fault', 'HTTP route cannot contain both fault and direct_response');
      if (has(rule, 'rewrite'))
        at('rewrite', 'HTTP route rule cannot contain both rewrite and direct_response');
    } else if (!routed) {
      report('VS-08', path, 'HTTP route, redirect or direct_response is required');
    }
    if (has(rule, 'mirror') && list(rule['mirrors']).length > 0) {
      at('mirrors', 'HTTP route cannot contain both mirror and mirrors');
    }
  }
}

const RETRY_POLICIES = new Set([
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'envoy-ratelimited',
  'http3-post-connect-failure',
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
]);

/** Status codes Go's `http.StatusText` knows (net/http/status.go); 306 is reserved and absent. */
const GO_STATUS_CODES = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307,
  308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421,
  422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

/** Whether one retryOn token passes Istio: a known policy or a status code Go can name. */
function isRetryOnToken(token: string): boolean {
  // Go's strconv.Atoi accepts an optional sign, nothing else.
  if (/^[+-]?\d+$/.test(token) && GO_STATUS_CODES.has(Number(token))) return true;
  return RETRY_POLICIES.has(token);
}

function checkRetries({ resource, report }: RuleContext): void {
  for (const [rule, rulePath] of rulesOf(resource.spec, 'http')) {
    const retries = record(rule['retries']);
    if (!retries) continue;
    const path = [...rulePath, 'retries'];
    const attempts = has(retries, 'attempts') ? num(retries['attempts']) : 0;
    if (attempts !== undefined && attempts < 0) {
      report('VS-09', [...path, 'attempts'], 'attempts cannot be negative');
    }
    const retryOn = str(retries['retryOn']) ?? '';
    if (attempts === 0) {
      // An omitted attempts is 0 too, so any of these alone is refused.
      for (const field of ['perTryTimeout', 'retryOn', 'retryRemoteLocalities']) {
        if (!has(retries, field) || (field === 'retryOn' && retryOn === '')) continue;
        report(
          'VS-10',
          [...path, field],
          'http retry policy configured when attempts are set to 0 (disabled)',
        );
      }
    }
    if (retryOn === '') continue;
    for (const token of retryOn.split(',')) {
      if (!isRetryOnToken(token)) {
        report('VS-11', [...path, 'retryOn'], `${goQuote(token)} is not a valid retryOn policy`);
      }
    }
  }
}

/** Go's `%f`. */
function goFloat(value: number): string {
  return value.toFixed(6);
}

/** Istio's `validatePercentage` on `{value}`. */
function checkPercentage(percentage: unknown, path: Path, report: Report): void {
  const value = num(record(percentage)?.['value']);
  if (value === undefined) return;
  if (value < 0 || value > 100 || (value > 0 && value < 0.0001)) {
    report('VS-21', [...path, 'value'], `percentage ${value} is neither 0.0, nor in range [0.0001, 100.0]`);
  }
}

/** Istio's `validateHTTPStatus`: the bound is 600, although the message says 599. */
function checkStatus(status: unknown, path: Path, report: Report): void {
  const value = num(status);
  if (value !== undefined && (value < 200 || value > 600)) {
    report('VS-21', path, `HTTP status ${value} is not in range 200-599`);
  }
}

const GRPC_STATUSES = new Set([
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
]);

function checkFault(fault: Record<string, unknown>, path: Path, report: Report): void {
  const abort = record(fault['abort']);
  const delay = record(fault['delay']);
  if (!has(fault, 'abort') && !has(fault, 'delay')) {
    report('VS-21', path, 'HTTP fault injection must have an abort and/or a delay');
  }
  if (abort) {
    const abortPath = [...path, 'abort'];
    checkPercentage(abort['percentage'], [...abortPath, 'percentage'], report);
    const grpc = str(abort['grpcStatus']);
    if (grpc !== undefined) {
      if (!GRPC_STATUSES.has(grpc)) {
        report(
          'VS-21',
          [...abortPath, 'grpcStatus'],
          `gRPC status ${goQuote(grpc)} is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example 'NOT_FOUND'`,
        );
      }
    } else if (has(abort, 'http2Error')) {
      report('VS-21', [...abortPath, 'http2Error'], 'HTTP/2 abort fault injection not supported yet', {
        target: 'key',
      });
    } else if (has(abort, 'httpStatus')) {
      checkStatus(abort['httpStatus'], [...abortPath, 'httpStatus'], report);
    } else {
      report('VS-21', abortPath, 'abort configured, but error type not set', {
        severity: 'warning',
        target: 'key',
      });
    }
  }
  if (delay) {
    checkPercentage(delay['percentage'], [...path, 'delay', 'percentage'], report);
    if (has(delay, 'exponentialDelay')) {
      report('VS-21', [...path, 'delay', 'exponentialDelay'], 'exponentialDelay not supported yet', {
        target: 'key',
      });
    }
  }
}

/**
 * The release whose webhook knows `redirect.prefixRewrite` (istio/istio release-1.31
 * pkg/config/validation/validation.go validateHTTPRedirect); before it the field does not exist.
 */
const PREFIX_REWRITE_SINCE = '1.31';

function checkRedirect(
  redirect: Record<string, unknown>,
  matches: unknown,
  path: Path,
  report: Report,
  target: IstioVersion,
): void {
  const uri = str(redirect['uri']) ?? '';
  const authority = str(redirect['authority']) ?? '';
  const scheme = str(redirect['scheme']) ?? '';
  const prefixRewrite = releaseAtLeast(target, PREFIX_REWRITE_SINCE)
    ? (str(redirect['prefixRewrite']) ?? '')
    : '';
  // Istio stops at the first redirect problem.
  if (uri !== '' && prefixRewrite !== '') {
    report('VS-21', [...path, 'prefixRewrite'], 'redirect may only specify one of uri or prefix_rewrite', {
      target: 'key',
    });
    return;
  }
  if (prefixRewrite !== '') {
    const exact = records(matches).find(([match]) => {
      const uriMatch = record(match['uri']);
      return uriMatch !== undefined && !has(uriMatch, 'prefix');
    });
    if (exact) {
      report(
        'VS-21',
        [...path, 'prefixRewrite'],
        'redirect prefix_rewrite requires all URI matches to use prefix match type',
        { target: 'key' },
      );
      return;
    }
  }
  if (
    uri === '' &&
    prefixRewrite === '' &&
    authority === '' &&
    scheme === '' &&
    !has(redirect, 'port') &&
    !has(redirect, 'derivePort')
  ) {
    report('VS-21', path, 'redirect must specify URI, authority, scheme, or port');
    return;
  }
  const code = num(redirect['redirectCode']);
  if (code !== undefined && code !== 0 && (code < 300 || code > 399)) {
    report('VS-21', [...path, 'redirectCode'], `${code} is not a valid redirect code, must be 3xx`);
    return;
  }
  if (scheme !== '' && scheme !== 'http' && scheme !== 'https') {
    report('VS-21', [...path, 'scheme'], 'invalid redirect scheme, must be "http" or "https"');
    return;
  }
  const port = num(redirect['port']);
  const problem = port === undefined || port === 0 ? undefined : portProblem(port);
  if (problem) report('VS-16', [...path, 'port'], problem);
}

const KB = 1024;
const MB = 1024 * KB;

/** Decoded size of a base64 body, as Go's JSON decoding of `bytes` sees it. */
function base64Size(value: string): number {
  const clean = value.replace(/[\s=]/g, '');
  return Math.floor((clean.length * 3) / 4);
}

function checkDirectResponse(response: Record<string, unknown>, path: Path, report: Report): void {
  const body = record(response['body']);
  if (body) {
    const text = str(body['string']);
    const bytes = str(body['bytes']);
    const size = text !== undefined ? byteLength(text) : bytes !== undefined ? base64Size(bytes) : 0;
    const at = [...path, 'body', text !== undefined ? 'string' : 'bytes'];
    if (size > MB) {
      report(
        'VS-21',
        at,
        'large direct_responses may impact control plane performance, must be less than 1MB',
      );
    } else if (size > 100 * KB) {
      report('VS-21', at, 'large direct_responses may impact control plane performance', {
        severity: 'warning',
      });
    }
  }
  checkStatus(response['status'], [...path, 'status'], report);
}

function checkRewrite(rewrite: Record<string, unknown>, path: Path, report: Report): void {
  const uri = str(rewrite['uri']) ?? '';
  const regexRewrite = record(rewrite['uriRegexRewrite']);
  const hasRegex = has(rewrite, 'uriRegexRewrite');
  if (uri !== '' && hasRegex) {
    report('VS-21', [...path, 'uriRegexRewrite'], 'rewrite may only contain one of URI or UriRegexRewrite', {
      target: 'key',
    });
    return;
  }
  if (uri === '' && !hasRegex && (str(rewrite['authority']) ?? '') === '') {
    report(
      'VS-21',
      path,
      'rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified',
    );
    return;
  }
  if (!regexRewrite) return;
  const regexPath = [...path, 'uriRegexRewrite'];
  const match = str(regexRewrite['match']) ?? '';
  if (match === '' || (str(regexRewrite['rewrite']) ?? '') === '') {
    report(
      'VS-21',
      regexPath,
      'UriRegexRewrite has errors: UriRegexRewrite requires both Rewrite and Match fields to be specified',
      {
        target: 'key',
      },
    );
    return;
  }
  const problem = regexProblem(match, 'HTTPRewrite.UriRegexRewrite.Match');
  if (problem) report('VS-21', [...regexPath, 'match'], `UriRegexRewrite has errors: ${problem}`);
}

function checkMirrorPercentages(rule: Record<string, unknown>, rulePath: Path, report: Report): void {
  for (const field of ['mirrorPercent', 'mirror_percent']) {
    if (!has(rule, field)) continue;
    const value = num(rule[field]);
    if (value !== undefined && value > 100) {
      report('VS-21', [...rulePath, field], `mirror_percent must have a max value of 100 (it has ${value})`);
    }
    report(
      'VS-21',
      [...rulePath, field],
      'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead',
      {
        severity: 'warning',
        target: 'key',
      },
    );
  }
  const percentage = num(record(rule['mirrorPercentage'])?.['value']);
  if (percentage !== undefined) {
    const at = [...rulePath, 'mirrorPercentage', 'value'];
    if (percentage > 100)
      report('VS-21', at, `mirror_percentage must have a max value of 100 (it has ${goFloat(percentage)})`);
    if (percentage < 0)
      report('VS-21', at, `mirror_percentage must have a min value of 0 (it has ${goFloat(percentage)})`);
  }
  list(rule['mirrors']).forEach((mirror, i) => {
    const value = num(record(record(mirror)?.['percentage'])?.['value']);
    if (value === undefined) return;
    const at = [...rulePath, 'mirrors', i, 'percentage', 'value'];
    if (value > 100)
      report('VS-21', at, `mirror percentage must have a max value of 100 (it has ${goFloat(value)})`);
    if (value < 0)
      report('VS-21', at, `mirror percentage must have a min value of 0 (it has ${goFloat(value)})`);
  });
}

function checkOptions({ resource, report, target }: RuleContext): void {
  for (const [rule, rulePath] of rulesOf(resource.spec, 'http')) {
    const fault = record(rule['fault']);
    if (fault) checkFault(fault, [...rulePath, 'fault'], report);
    checkMirrorPercentages(rule, rulePath, report);
    const redirect = record(rule['redirect']);
    if (redirect) checkRedirect(redirect, rule['match'], [...rulePath, 'redirect'], report, target);
    const response = record(rule['directResponse']);
    if (response) checkDirectResponse(response, [...rulePath, 'directResponse'], report);
    const rewrite = record(rule['rewrite']);
    if (rewrite) checkRewrite(rewrite, [...rulePath, 'rewrite'], report);
  }
}
