/** Docs and limits for VirtualService `http[]` rules (ISTIO.md §1.5, §2.4 VS-08..VS-22). */
import { SERVICE_PORT } from './shared';
import type { FieldDocTable } from './types';

const PERCENT = { format: 'double', minimum: 0, maximum: 100 } as const;

/** Request matching inside `http[].match[]`, including the shared StringMatch leaves. */
const httpMatchDocs: FieldDocTable = {
  match: {
    help: 'Conditions for this rule: blocks are ORed, fields inside a block are ANDed; none matches all.',
  },
  'match.name': { help: 'Name of this match block; added to the rule name in access logs.' },
  'match.uri': { help: 'Match the request path (exact, prefix or regex).' },
  'match.scheme': { help: 'Match the URI scheme, e.g. http or https.' },
  method: { help: 'Match the HTTP method.' },
  'match.authority': { help: 'Match the Host / :authority header.' },
  'match.headers': { help: 'Match request headers by name; names must be valid header tokens.' },
  withoutHeaders: { help: 'Match requests whose headers do NOT match these conditions.' },
  queryParams: { help: 'Match URL query parameters by name.' },
  exact: { help: 'The value must equal this string.' },
  prefix: { help: 'The value must start with this string; only uri may use an empty prefix.' },
  regex: { help: 'The value must match this RE2 expression (no look-around).', maxLength: 1024 },
  ignoreUriCase: { help: 'Compare uri exact and prefix matches case-insensitively.' },
  statPrefix: { help: 'Stats prefix for the route generated from this match.' },
};

/** Header manipulation (`http[].headers`, `http[].route[].headers`). */
const headerDocs: FieldDocTable = {
  headers: { help: 'Add, set or remove request and response headers for this rule.' },
  'route.headers': { help: 'Header changes applied only when this destination is picked.' },
  'headers.request': { help: 'Changes made to the request before it is forwarded.' },
  'headers.response': { help: 'Changes made to the response before it goes back to the client.' },
  'request.set': {
    help: "Headers to overwrite; ':' headers other than :authority are rejected, write %% for a literal %.",
  },
  'request.add': {
    help: "Headers to append; ':' headers other than :authority are rejected, write %% for %.",
  },
  'request.remove': { help: "Header names to drop; host and ':' headers cannot be removed." },
  'response.set': { help: "Response headers to overwrite; host and ':' headers cannot be touched." },
  'response.add': { help: "Response headers to append; host and ':' headers cannot be touched." },
  'response.remove': { help: "Response header names to drop; host and ':' headers cannot be removed." },
};

/** Non-forwarding actions and request rewriting. */
const actionDocs: FieldDocTable = {
  redirect: {
    help: 'Reply with a redirect instead of forwarding; set at least one of uri, authority, scheme, port.',
  },
  'redirect.uri': { help: 'Path to put in the redirect location.' },
  'redirect.prefixRewrite': {
    help: 'Replace the matched path prefix in the redirect location; every URI match must be a prefix.',
  },
  'redirect.authority': { help: 'Host to put in the redirect location.' },
  'redirect.scheme': { help: 'Scheme of the redirect location: http or https.' },
  'redirect.port': { help: 'Port to put in the redirect location.', ...SERVICE_PORT },
  derivePort: { help: 'Take the redirect port from the request port or from the scheme default.' },
  redirectCode: {
    help: 'Status code of the redirect; must be a 3xx code.',
    format: 'uint32',
    minimum: 300,
    maximum: 399,
    default: 301,
  },
  directResponse: { help: 'Answer with a fixed status and optional body instead of forwarding.' },
  status: { help: 'HTTP status to return, from 200 to 599.', format: 'uint32', minimum: 200, maximum: 600 },
  body: { help: 'Response body, as text or base64 bytes; above 1 MB is rejected, above 100 KB warns.' },
  'body.string': { help: 'Body as plain text.' },
  'body.bytes': { help: 'Body as base64-encoded bytes.' },
  delegate: { help: 'Hand routing for this rule to another VirtualService, which must have no hosts.' },
  'delegate.name': { help: 'Name of the delegate VirtualService.' },
  'delegate.namespace': { help: 'Namespace of the delegate VirtualService; defaults to this one.' },
  rewrite: { help: 'Rewrite the path or authority before forwarding; cannot be combined with redirect.' },
  'rewrite.uri': { help: 'Replacement for the matched path prefix (or the whole path for exact matches).' },
  'rewrite.authority': { help: 'Replacement for the Host / :authority header.' },
  uriRegexRewrite: {
    help: 'Rewrite the path with an RE2 pattern; use it instead of rewrite.uri, not with it.',
  },
  'uriRegexRewrite.match': { help: 'RE2 pattern to look for in the path.' },
  'uriRegexRewrite.rewrite': { help: 'Replacement text; may refer to capture groups such as \\1.' },
};

/** Timeouts, retries, fault injection, mirroring and CORS. */
const resilienceDocs: FieldDocTable = {
  timeout: {
    help: 'Deadline for the whole request, retries included; omit it to disable (0s is rejected).',
    format: 'duration',
  },
  retries: {
    help: 'Retry policy; when omitted Istio makes 2 retries on connect-failure, refused-stream, unavailable, cancelled.',
  },
  attempts: {
    help: 'Number of retries; 0 turns retries off and forbids the other retry fields.',
    format: 'int32',
    minimum: 0,
  },
  perTryTimeout: { help: 'Deadline for each attempt.', format: 'duration' },
  retryOn: { help: 'Comma-separated conditions with no spaces, e.g. 5xx,connect-failure,503.' },
  retryRemoteLocalities: { help: 'Allow retries to go to endpoints in other localities.' },
  retryIgnorePreviousHosts: { help: 'Prefer a host not tried before on each retry.' },
  backoff: { help: 'Base wait between retries.', format: 'duration' },

  fault: { help: 'Inject delays or errors to test resilience; set abort and/or delay.' },
  delay: { help: 'Hold back a share of requests before forwarding them.' },
  fixedDelay: { help: 'How long to hold each delayed request.', format: 'duration' },
  exponentialDelay: { help: 'Hidden exponential delay setting; prefer fixedDelay.', format: 'duration' },
  'delay.percent': {
    help: 'Older integer percentage of requests to delay.',
    format: 'int32',
    deprecated: 'Use delay.percentage.value instead.',
  },
  abort: { help: 'Fail a share of requests with an HTTP or gRPC error instead of forwarding.' },
  httpStatus: { help: 'HTTP status returned for aborted requests.', format: 'int32' },
  grpcStatus: { help: 'gRPC status returned for aborted requests, e.g. UNAVAILABLE.' },
  http2Error: { help: 'Hidden HTTP/2 error setting for aborts; prefer httpStatus.' },
  percentage: { help: 'Share of requests affected; fault injection applies to all when omitted.' },
  'percentage.value': { help: 'Percentage from 0 to 100; fractions are allowed.', ...PERCENT },

  mirror: { help: 'Copy requests to another service and ignore its answers; not together with mirrors.' },
  mirrors: {
    help: 'Copy requests to one or more services, ignoring their answers; not with mirror.',
  },
  'mirrors.destination': { help: 'Service that receives the copies.' },
  'mirrors.percentage': { help: 'Share of requests copied to this mirror; all when omitted.' },
  'mirrors.percentage.value': {
    help: 'Percentage from 0 to 100; fractions are allowed.',
    ...PERCENT,
  },
  mirrorPercentage: { help: 'Share of requests copied to mirror; all when omitted.' },
  'mirrorPercentage.value': { help: 'Percentage from 0 to 100; fractions are allowed.', ...PERCENT },
  mirrorPercent: {
    help: 'Older integer mirror percentage.',
    format: 'uint32',
    deprecated: 'Use mirrorPercentage instead.',
  },
  mirror_percent: {
    help: 'Legacy snake_case spelling of mirrorPercent.',
    format: 'uint32',
    deprecated: 'Use mirrorPercentage instead.',
  },

  corsPolicy: { help: 'CORS policy the proxy enforces for browser requests.' },
  allowOrigins: { help: 'Origins allowed to make CORS requests (exact, prefix or regex).' },
  'allowOrigins.exact': { help: 'Origin that must match exactly, e.g. https://app.example.com.' },
  'allowOrigins.prefix': { help: 'Origin prefix to allow.' },
  'allowOrigins.regex': { help: 'RE2 expression the origin must match.' },
  allowOrigin: { help: 'Older list of exact origins.', deprecated: 'Use allowOrigins instead.' },
  allowMethods: { help: 'Methods allowed for CORS requests (Access-Control-Allow-Methods).' },
  allowHeaders: { help: 'Request headers allowed for CORS requests (Access-Control-Allow-Headers).' },
  exposeHeaders: { help: 'Response headers a browser may read (Access-Control-Expose-Headers).' },
  maxAge: {
    help: 'How long a browser may cache a preflight answer (Access-Control-Max-Age).',
    format: 'duration',
  },
  allowCredentials: {
    help: 'Let browsers send credentials with CORS requests (Access-Control-Allow-Credentials).',
  },
  unmatchedPreflights: {
    help: 'Preflights from origins not allowed: FORWARD them to the app (default) or IGNORE.',
  },
};

/** VirtualService `http[]` field docs, keyed by path suffix. */
export const virtualServiceHttpDocs: FieldDocTable = {
  http: { help: 'Ordered HTTP rules; the first rule whose match fits handles the request.' },
  'http.name': { help: 'Rule name, shown in access logs and route stats.' },
  ...httpMatchDocs,
  ...headerDocs,
  ...actionDocs,
  ...resilienceDocs,
};
