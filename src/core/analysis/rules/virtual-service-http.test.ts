import { blockDoc } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';

/**
 * A VirtualService `app/api` for api.example.com whose spec body (after `hosts`) is `lines`.
 * Lines: 1 apiVersion, 2 kind, 3 metadata, 4 name, 5 namespace, 6 spec:, 7 hosts, 8.. the body.
 */
const vs = (...lines: string[]) =>
  blockDoc('VirtualService', 'app/api', 'hosts: [api.example.com]', ...lines);

/** One HTTP rule (line 9 is `- route: ...`) followed by `extra` lines of the same rule (line 10..). */
const rule = (...extra: string[]) =>
  vs('http:', '- route: [{destination: {host: api.example.com}}]', ...extra.map((l) => `  ${l}`));

ruleTable('VS-08', [
  { name: 'route', yaml: rule(), expect: [] },
  { name: 'redirect alone', yaml: vs('http: [{redirect: {uri: /new}}]'), expect: [] },
  { name: 'direct response alone', yaml: vs('http: [{directResponse: {status: 503}}]'), expect: [] },
  {
    name: 'root rule that delegates',
    yaml: vs('http: [{match: [{uri: {prefix: /v2}}], delegate: {name: v2, namespace: app}}]'),
    expect: [],
  },
  {
    name: 'match without action',
    yaml: vs('http:', '- match: [{uri: {prefix: /v1}}]', '- route: [{destination: {host: api.example.com}}]'),
    expect: [{ line: 9, message: 'HTTP route, redirect or direct_response is required' }],
  },
  {
    name: 'route and redirect',
    yaml: rule('redirect:', '  uri: /moved'),
    expect: [{ line: 10, message: 'both route and redirect' }],
  },
  {
    name: 'route and direct response',
    yaml: rule('directResponse: {status: 503}'),
    expect: [{ line: 10, message: 'both route and direct_response' }],
  },
  {
    name: 'rewrite and redirect',
    yaml: vs('http:', '- redirect: {uri: /new}', '  rewrite: {uri: /other}'),
    expect: [{ line: 10, message: 'HTTP route rule cannot contain both rewrite and redirect' }],
  },
  {
    name: 'fault and redirect',
    yaml: vs('http:', '- redirect: {uri: /new}', '  fault: {abort: {httpStatus: 503}}'),
    expect: [{ line: 10, message: 'both fault and redirect' }],
  },
  {
    name: 'mirror and mirrors',
    yaml: rule(
      'mirror: {host: shadow.example.com}',
      'mirrors:',
      '- destination: {host: shadow2.example.com}',
    ),
    expect: [{ line: 11, message: 'HTTP route cannot contain both mirror and mirrors' }],
  },
  {
    name: 'root rule with a route',
    yaml: vs(
      'http:',
      '- name: r',
      '  delegate: {name: v2}',
      '  route: [{destination: {host: api.example.com}}]',
    ),
    expect: [{ line: 11, message: 'root HTTP route r must not specify route' }],
  },
]);

ruleTable('VS-09', [
  { name: 'three attempts', yaml: rule('retries: {attempts: 3}'), expect: [] },
  {
    name: 'negative attempts',
    yaml: rule('retries:', '  attempts: -1'),
    expect: [{ line: 11, message: 'attempts cannot be negative' }],
  },
]);

ruleTable('VS-10', [
  { name: 'attempts 0 alone', yaml: rule('retries: {attempts: 0}'), expect: [] },
  {
    name: 'attempts 2 with options',
    yaml: rule('retries: {attempts: 2, retryOn: 5xx, perTryTimeout: 2s}'),
    expect: [],
  },
  {
    name: 'attempts 0 with retryOn',
    yaml: rule('retries:', '  attempts: 0', '  retryOn: 5xx'),
    expect: [{ line: 12, message: 'http retry policy configured when attempts are set to 0 (disabled)' }],
  },
  {
    name: 'attempts omitted with perTryTimeout',
    yaml: rule('retries:', '  perTryTimeout: 2s'),
    expect: [{ line: 11 }],
  },
  {
    name: 'attempts 0 with retryRemoteLocalities false',
    yaml: rule('retries:', '  attempts: 0', '  retryRemoteLocalities: false'),
    expect: [{ line: 12 }],
  },
]);

ruleTable('VS-11', [
  {
    name: 'seed tokens',
    yaml: rule('retries: {attempts: 3, retryOn: "5xx,reset,connect-failure,retriable-4xx"}'),
    expect: [],
  },
  {
    name: 'status codes and newer policies',
    yaml: rule(
      'retries: {attempts: 3, retryOn: "503,429,100,226,511,gateway-error,reset-before-request,envoy-ratelimited,unavailable"}',
    ),
    expect: [],
  },
  {
    name: 'blank after a comma',
    yaml: rule('retries:', '  attempts: 3', '  retryOn: "5xx, connect-failure"'),
    expect: [{ line: 12, message: '" connect-failure" is not a valid retryOn policy' }],
  },
  {
    name: 'unknown status and word',
    yaml: rule('retries: {attempts: 3, retryOn: "5xx,599,timeout"}'),
    expect: [
      { line: 10, message: '"599" is not a valid retryOn policy' },
      { line: 10, message: '"timeout"' },
    ],
  },
  { name: 'reserved 306', yaml: rule('retries: {attempts: 3, retryOn: "306"}'), expect: [{ line: 10 }] },
  {
    name: 'trailing comma',
    yaml: rule('retries: {attempts: 3, retryOn: "5xx,"}'),
    expect: [{ line: 10, message: '"" is not a valid' }],
  },
]);

ruleTable('VS-12', [
  {
    name: 'seed durations',
    yaml: rule('timeout: 30s', 'retries: {attempts: 3, perTryTimeout: 5s}'),
    expect: [],
  },
  { name: 'exactly 1ms', yaml: rule('timeout: 1ms'), expect: [] },
  { name: 'zero timeout', yaml: rule('timeout: 0s'), expect: [{ line: 10, message: 'greater than 1ms' }] },
  {
    name: 'sub-millisecond per try',
    yaml: rule('retries:', '  attempts: 2', '  perTryTimeout: 0.5ms'),
    expect: [{ line: 12 }],
  },
  {
    name: 'sub-millisecond precision',
    yaml: rule('timeout: 1.5ms'),
    expect: [{ line: 10, message: 'ms precision' }],
  },
]);

ruleTable('VS-17', [
  {
    name: 'seed header add',
    yaml: rule('headers:', '  request:', '    add:', '      x-request-source: "order-service"'),
    expect: [],
  },
  {
    name: 'escaped percent, variables and host',
    yaml: rule(
      'headers:',
      '  request:',
      '    set: {host: b.example.com, x-id: "%REQ(x-id)%"}',
      '  response:',
      '    add: {x-discount: "100%%"}',
    ),
    expect: [],
  },
  {
    name: 'pseudo-header set',
    yaml: rule('headers:', '  request:', '    set:', '      ":path": /v2'),
    expect: [{ line: 13, message: 'invalid header ":path": header cannot have ":" prefix' }],
  },
  {
    name: 'request remove host',
    yaml: rule('headers:', '  request:', '    remove:', '      - host'),
    expect: [{ line: 13, message: 'invalid header "host": cannot set Host header' }],
  },
  {
    name: 'response set host',
    yaml: rule('headers:', '  response:', '    set: {host: a.example.com}'),
    expect: [{ line: 12 }],
  },
  {
    name: 'unescaped percent',
    yaml: rule('headers:', '  response:', '    add:', '      x-discount: "100%"'),
    expect: [{ line: 13, message: 'header value configuration: invalid header configuration. Un-escaped %' }],
  },
  {
    name: 'authority set twice',
    yaml: rule(
      'rewrite: {authority: a.example.com}',
      'headers:',
      '  request:',
      '    set:',
      '      host: b.example.com',
    ),
    expect: [
      {
        line: 14,
        message:
          'authority header cannot be set multiple times: have "a.example.com", attempting to set "b.example.com"',
      },
    ],
  },
  {
    name: 'destination-level pseudo-header',
    yaml: vs(
      'http:',
      '- route:',
      '  - destination: {host: api.example.com}',
      '    headers: {request: {add: {":method": POST}}}',
    ),
    expect: [{ line: 11, message: '":method"' }],
  },
]);

ruleTable('VS-21', [
  {
    name: 'prefixRewrite with prefix matches (1.31)',
    yaml: vs('http:', '- match: [{uri: {prefix: /v1/}}]', '  redirect: {prefixRewrite: /v2/}'),
    expect: [],
  },
  {
    name: 'prefixRewrite beside uri',
    yaml: vs('http:', '- redirect: {uri: /v2/, prefixRewrite: /v2/}'),
    expect: [{ line: 9, message: 'redirect may only specify one of uri or prefix_rewrite' }],
  },
  {
    name: 'prefixRewrite with an exact match',
    yaml: vs(
      'http:',
      '- match: [{uri: {prefix: /v1/}}, {uri: {exact: /v1}}]',
      '  redirect: {prefixRewrite: /v2/}',
    ),
    expect: [{ line: 10, message: 'requires all URI matches to use prefix match type' }],
  },
  {
    name: 'prefixRewrite alone is a target (1.31)',
    yaml: vs('http:', '- redirect: {prefixRewrite: /v2/}'),
    expect: [],
  },
  {
    name: 'before 1.31 the field itself is refused (SCHEMA-RELEASE), and the redirect has no target',
    target: '1.30',
    yaml: vs('http:', '- redirect: {prefixRewrite: /v2/}'),
    expect: [{ line: 9, message: 'redirect must specify URI, authority, scheme, or port' }],
  },
]);

ruleTable('VS-21', [
  {
    name: 'valid options',
    yaml: rule(
      'mirror: {host: shadow.example.com}',
      'mirrorPercentage: {value: 0.5}',
      'fault: {delay: {fixedDelay: 5s, percentage: {value: 10}}}',
    ),
    expect: [],
  },
  { name: 'status 600 slips through', yaml: vs('http: [{directResponse: {status: 600}}]'), expect: [] },
  {
    name: 'redirect with port only',
    yaml: vs('http: [{redirect: {port: 8443, redirectCode: 308}}]'),
    expect: [],
  },
  {
    name: 'direct response status 150',
    yaml: vs('http:', '- directResponse:', '    status: 150'),
    expect: [{ line: 10, message: 'HTTP status 150 is not in range 200-599' }],
  },
  {
    name: 'large direct response body',
    yaml: vs(
      'http:',
      '- directResponse:',
      '    status: 200',
      `    body: {string: "${'x'.repeat(110 * 1024)}"}`,
    ),
    expect: [{ line: 11, severity: 'warning', message: 'large direct_responses' }],
  },
  {
    name: 'redirect with nothing to change',
    yaml: vs('http:', '- redirect: {redirectCode: 301}'),
    expect: [{ line: 9, message: 'redirect must specify URI, authority, scheme, or port' }],
  },
  {
    name: 'redirect code 200',
    yaml: vs('http:', '- redirect:', '    uri: /home', '    redirectCode: 200'),
    expect: [{ line: 11, message: '200 is not a valid redirect code, must be 3xx' }],
  },
  {
    name: 'redirect scheme ftp',
    yaml: vs('http:', '- redirect:', '    scheme: ftp', '    authority: files.example.com'),
    expect: [{ line: 10 }],
  },
  {
    name: 'mirror percentage 150',
    yaml: rule('mirror: {host: shadow.example.com}', 'mirrorPercentage:', '  value: 150'),
    expect: [{ line: 12, message: 'mirror_percentage must have a max value of 100 (it has 150.000000)' }],
  },
  {
    name: 'empty fault',
    yaml: rule('fault: {}'),
    expect: [{ line: 10, message: 'HTTP fault injection must have an abort and/or a delay' }],
  },
  {
    name: 'fault percentage too small',
    yaml: rule('fault:', '  abort:', '    httpStatus: 503', '    percentage: {value: 0.00001}'),
    expect: [{ line: 13, message: 'is neither 0.0, nor in range [0.0001, 100.0]' }],
  },
  {
    name: 'uri and uriRegexRewrite',
    yaml: rule(
      'rewrite:',
      '  uri: /v2',
      '  uriRegexRewrite:',
      '    match: ^/v1/(.*)',
      '    rewrite: /v2/\\1',
    ),
    expect: [{ line: 12, message: 'rewrite may only contain one of URI or UriRegexRewrite' }],
  },
  {
    name: 'rewrite with nothing',
    yaml: rule('rewrite: {uri: ""}'),
    expect: [
      { line: 10, message: 'rewrite must specify at least one of URI, UriRegexRewrite, or authority' },
    ],
  },
]);
