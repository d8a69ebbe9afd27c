import { blockDoc } from '../../../../test/support/fixtures';
import { ruleTable } from '../../../../test/support/rule-table';

/**
 * A VirtualService `app/api` whose spec body is `lines`.
 * Lines: 1 apiVersion, 2 kind, 3 metadata, 4 name, 5 namespace, 6 spec:, 7.. the body.
 */
const vs = (...lines: string[]) => blockDoc('VirtualService', 'app/api', ...lines);

const CNN = 'hosts: [edition.cnn.com]';
const TO_CNN = '  route: [{destination: {host: edition.cnn.com, port: {number: 443}}}]';

/** An HTTP rule for api.example.com with one match block `match` (line 9). */
const httpMatch = (match: string) =>
  vs(
    'hosts: [api.example.com]',
    'http:',
    `- match: [${match}]`,
    '  route: [{destination: {host: api.example.com}}]',
  );

ruleTable('VS-13', [
  {
    name: 'SNI match',
    yaml: vs(CNN, 'tls:', '- match: [{port: 443, sniHosts: [edition.cnn.com]}]', TO_CNN),
    expect: [],
  },
  {
    name: 'empty match list',
    yaml: vs(CNN, 'tls:', '- match: []', TO_CNN),
    expect: [{ line: 9, message: 'TLS route must have at least one match condition' }],
  },
  {
    name: 'empty sniHosts',
    yaml: vs(CNN, 'tls:', '- match:', '  - port: 443', '    sniHosts: []', TO_CNN),
    expect: [{ line: 11, message: 'TLS match must have at least one SNI host' }],
  },
]);

ruleTable('VS-14', [
  {
    name: 'SNI equals a host',
    yaml: vs(CNN, 'tls:', '- match: [{sniHosts: [edition.cnn.com]}]', TO_CNN),
    expect: [],
  },
  {
    name: 'SNI under a wildcard host',
    yaml: vs('hosts: ["*.cnn.com"]', 'tls:', '- match: [{sniHosts: [edition.cnn.com]}]', TO_CNN),
    expect: [],
  },
  {
    name: 'SNI wider than the hosts',
    yaml: vs(CNN, 'tls:', '- match:', '  - sniHosts:', '    - "*.cnn.com"', TO_CNN),
    expect: [
      {
        line: 11,
        message:
          'SNI host "*.cnn.com" is not a compatible subset of any of the virtual service hosts: [edition.cnn.com]',
      },
    ],
  },
  {
    name: 'IP as SNI warns',
    yaml: vs('hosts: ["203.0.113.7"]', 'tls:', '- match: [{sniHosts: ["203.0.113.7"]}]', TO_CNN),
    expect: [
      { line: 9, severity: 'warning', message: 'using an IP address ("203.0.113.7") goes against SNI spec' },
    ],
  },
  {
    name: 'invalid SNI name',
    yaml: vs(CNN, 'tls:', '- match: [{sniHosts: [bad_sni.cnn.com]}]', TO_CNN),
    expect: [{ line: 9, message: 'domain name' }],
  },
]);

ruleTable('VS-15', [
  {
    name: 'tcp with route',
    yaml: vs(
      'hosts: [db.example.com]',
      'tcp: [{match: [{port: 5432}], route: [{destination: {host: db.example.com}}]}]',
    ),
    expect: [],
  },
  {
    name: 'tcp without route',
    yaml: vs('hosts: [db.example.com]', 'tcp:', '- match: [{port: 5432}]'),
    expect: [{ line: 9, message: 'TCP route is required' }],
  },
  {
    name: 'tls without route',
    yaml: vs(CNN, 'tls:', '- match: [{sniHosts: [edition.cnn.com]}]'),
    expect: [{ line: 9, message: 'TLS route is required' }],
  },
  {
    name: 'empty route list',
    yaml: vs(CNN, 'tls:', '- match: [{sniHosts: [edition.cnn.com]}]', '  route: []'),
    expect: [{ line: 10 }],
  },
]);

ruleTable('VS-16', [
  {
    name: 'valid ports, subset and subnets',
    yaml: vs(
      'hosts: [db.example.com]',
      'tcp:',
      '- match: [{port: 5432, destinationSubnets: ["10.0.0.0/16", "192.0.2.1", "2001:db8::/32"]}]',
      '  route: [{destination: {host: db.example.com, subset: v1, port: {number: 5432}}}]',
    ),
    expect: [],
  },
  { name: 'match port 0 means any', yaml: httpMatch('{port: 0}'), expect: [] },
  {
    name: 'destination port 0',
    yaml: vs(
      'hosts: [db.example.com]',
      'tcp:',
      '- route:',
      '  - destination:',
      '      host: db.example.com',
      '      port:',
      '        number: 0',
    ),
    expect: [{ line: 13, message: 'port number 0 must be in the range 1..65535' }],
  },
  {
    name: 'destination port without number',
    yaml: vs(
      'hosts: [db.example.com]',
      'tcp:',
      '- route:',
      '  - destination:',
      '      host: db.example.com',
      '      port: {}',
    ),
    expect: [{ line: 12 }],
  },
  {
    name: 'match port too large',
    yaml: httpMatch('{port: 70000}'),
    expect: [{ line: 9, message: 'port number 70000' }],
  },
  {
    name: 'redirect port too large',
    yaml: vs('hosts: [api.example.com]', 'http:', '- redirect:', '    port: 70000'),
    expect: [{ line: 10 }],
  },
  {
    name: 'dotted subset',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- route:',
      '  - destination:',
      '      host: api.example.com',
      '      subset: v1.0',
    ),
    expect: [{ line: 12, message: 'subset name is invalid: v1.0' }],
  },
  {
    name: 'bad subnets',
    yaml: vs(
      'hosts: [db.example.com]',
      'tcp:',
      '- match:',
      '  - destinationSubnets:',
      '    - 10.0.0.0/33',
      '    - db.example.com',
      '  route: [{destination: {host: db.example.com}}]',
    ),
    expect: [
      { line: 11, message: '10.0.0.0/33 is not a valid CIDR block' },
      { line: 12, message: 'db.example.com is not a valid IP' },
    ],
  },
]);

ruleTable('VS-18', [
  { name: 'empty uri prefix', yaml: httpMatch('{uri: {prefix: ""}}'), expect: [] },
  {
    name: 'RE2 regexes',
    yaml: httpMatch(
      '{uri: {regex: "^/api/(v1|v2)/[^/]+$"}, headers: {authorization: {regex: "(?i)^bearer .+"}}}',
    ),
    expect: [],
  },
  {
    name: 'named groups and \\z',
    yaml: httpMatch('{uri: {regex: "(?P<ver>v[0-9]+)/\\\\d{1,3}\\\\z"}}'),
    expect: [],
  },
  {
    name: 'inline flag group and literal braces',
    yaml: httpMatch('{uri: {regex: "(?i:/api)/a{b}+"}}'),
    expect: [],
  },
  {
    name: 'withoutHeaders presence',
    yaml: httpMatch('{withoutHeaders: {x-debug: {regex: "*"}}}'),
    expect: [],
  },
  {
    name: 'pseudo-header and token names',
    yaml: httpMatch('{headers: {":authority": {exact: a}, "x_odd.name~": {exact: b}}}'),
    expect: [],
  },
  {
    name: 'two match types',
    yaml: httpMatch('{uri: {exact: /a, prefix: /b}}'),
    expect: [{ line: 9, message: 'StringMatch may set only one of exact, prefix or regex' }],
  },
  {
    name: 'empty header prefix',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- match:',
      '  - headers:',
      '      x-env: {prefix: ""}',
      '  route: [{destination: {host: api.example.com}}]',
    ),
    expect: [{ line: 11, message: '"headers": prefix string match should not be empty' }],
  },
  {
    name: 'empty method prefix',
    yaml: httpMatch('{method: {prefix: ""}}'),
    expect: [{ line: 9, message: '"method": prefix' }],
  },
  {
    name: 'look-ahead',
    yaml: httpMatch('{uri: {regex: "^/(?!internal)"}}'),
    expect: [
      {
        line: 9,
        message: '"uri": error parsing regexp: invalid or unsupported Perl syntax: `(?!`; Istio uses RE2',
      },
    ],
  },
  {
    name: 'look-behind',
    yaml: httpMatch('{uri: {regex: "(?<=/v1)/x"}}'),
    expect: [{ line: 9, message: 'Perl syntax' }],
  },
  {
    name: 'backreference',
    yaml: httpMatch('{authority: {regex: "(a)\\\\1"}}'),
    expect: [{ line: 9, message: 'invalid escape sequence' }],
  },
  { name: 'atomic group', yaml: httpMatch('{uri: {regex: "(?>a+)b"}}'), expect: [{ line: 9 }] },
  {
    name: 'possessive quantifier',
    yaml: httpMatch('{uri: {regex: "a*+b"}}'),
    expect: [{ line: 9, message: 'invalid nested repetition operator' }],
  },
  {
    name: 'unbalanced group',
    yaml: httpMatch('{queryParams: {q: {regex: "(abc"}}}'),
    expect: [{ line: 9, message: '"queryParams": error parsing regexp' }],
  },
  {
    name: 'escape RE2 lacks',
    yaml: httpMatch('{uri: {regex: "/api\\\\Z"}}'),
    expect: [{ line: 9, message: 'invalid escape sequence: `\\Z`' }],
  },
  {
    name: 'repeat count over 1000',
    yaml: httpMatch('{uri: {regex: "a{1001}"}}'),
    expect: [{ line: 9, message: 'invalid repeat count' }],
  },
  {
    name: 'empty regex',
    yaml: httpMatch('{uri: {regex: ""}}'),
    expect: [{ line: 9, message: 'regex string match should not be empty' }],
  },
  {
    name: 'regex too long',
    yaml: httpMatch(`{uri: {regex: "${'a'.repeat(1025)}"}}`),
    expect: [{ line: 9, message: '"uri": regex is too large, max length allowed is 1024' }],
  },
  {
    name: 'bad header name',
    yaml: httpMatch('{headers: {"x env": {exact: a}}}'),
    expect: [{ line: 9, message: 'header name x env is not a valid header name' }],
  },
  {
    name: 'bad sourceNamespace',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- match:',
      '  - sourceNamespace: Team_A',
      '  route: [{destination: {host: api.example.com}}]',
    ),
    expect: [{ line: 10, message: 'sourceNamespace match Team_A is invalid' }],
  },
]);

const TO_API = '  route: [{destination: {host: api.example.com}}]';

ruleTable('VS-22', [
  {
    name: 'seed: prefix match, then default route',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- match: [{uri: {prefix: /v1/payments}}]',
      TO_API,
      '- route: [{destination: {host: api.example.com}}]',
    ),
    expect: [],
  },
  {
    name: 'different prefixes',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- match: [{uri: {prefix: /v1}}]',
      TO_API,
      '- match: [{uri: {prefix: /v2}}]',
      TO_API,
    ),
    expect: [],
  },
  {
    name: 'earlier prefix with another condition does not cover',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- match: [{uri: {prefix: /api}, headers: {x-beta: {exact: "1"}}}]',
      TO_API,
      '- match: [{uri: {prefix: /api/v1}}]',
      TO_API,
    ),
    expect: [],
  },
  {
    name: 'duplicate match',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- match: [{uri: {prefix: /api}}]',
      TO_API,
      '- match: [{uri: {prefix: /api}}]',
      TO_API,
    ),
    expect: [
      {
        line: 11,
        severity: 'warning',
        message: 'virtualService rule #1 not used (all matches used by prior rules)',
      },
      {
        line: 11,
        severity: 'info',
        message: 'virtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0)',
      },
    ],
  },
  {
    name: 'renamed duplicate is still a duplicate',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- match: [{name: a, uri: {exact: /x}}, {uri: {exact: /y}}]',
      TO_API,
      '- name: second',
      '  match: [{name: b, uri: {exact: /x}}]',
      TO_API,
    ),
    expect: [
      { line: 11, severity: 'warning', message: 'rule "second" not used' },
      { line: 12, severity: 'info', message: 'virtualService rule "second" match "b" is not used' },
    ],
  },
  {
    name: 'rule after a match-less rule',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- route: [{destination: {host: api.example.com, subset: v1}}]',
      '- match: [{uri: {prefix: /beta}}]',
      TO_API,
    ),
    expect: [
      {
        line: 10,
        severity: 'warning',
        message: 'virtualService rule #1 not used (route without matches defined before)',
      },
    ],
  },
  {
    name: 'two match-less rules',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- route: [{destination: {host: api.example.com}}]',
      '- route: [{destination: {host: api.example.com}}]',
    ),
    expect: [{ line: 10, severity: 'warning', message: 'only the last rule can have no matches' }],
  },
  {
    name: 'prefix covered by an earlier plain prefix',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- match: [{uri: {prefix: /api}}]',
      TO_API,
      '- match: [{uri: {prefix: /api/v1}}, {uri: {prefix: /web}}]',
      TO_API,
    ),
    expect: [
      {
        line: 11,
        severity: 'info',
        message:
          'rule #1 match #0 of prefix /api/v1 is not used (duplicate/overlapping match in rule #0 of prefix /api on #0)',
      },
    ],
  },
  {
    name: 'tcp duplicate port match',
    yaml: vs(
      'hosts: [db.example.com]',
      'tcp:',
      '- match: [{port: 5432}]',
      '  route: [{destination: {host: db.example.com}}]',
      '- match: [{port: 5432}]',
      '  route: [{destination: {host: db.example.com}}]',
    ),
    expect: [
      { line: 11, severity: 'warning' },
      { line: 11, severity: 'info' },
    ],
  },
]);
