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
        message: 'virtualService rule #1 not used (all matches used by prior rules): earlier rules catch',
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
    expect: [{ line: 11, severity: 'warning', message: 'rule "second" not used' }],
  },
  {
    name: 'rule after a match-less rule',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- route: [{destination: {host: api.example.com, subset: v1}}]',
      '- match: [{uri: {prefix: /beta}}, {uri: {prefix: /gamma}}]',
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
    name: 'tcp duplicate port match',
    yaml: vs(
      'hosts: [db.example.com]',
      'tcp:',
      '- match: [{port: 5432}]',
      '  route: [{destination: {host: db.example.com}}]',
      '- match: [{port: 5432}]',
      '  route: [{destination: {host: db.example.com}}]',
    ),
    expect: [{ line: 11, severity: 'warning' }],
  },
]);

const prefixRules = (...matches: string[]) =>
  vs('hosts: [api.example.com]', 'http:', ...matches.flatMap((m) => [`- match: [${m}]`, TO_API]));

// Istio's webhook decides which matches are shadowed (validation.go coveredValidation); these
// cases follow its source, quirks included.
ruleTable('VS-22-MATCH', [
  {
    name: 'different prefixes',
    yaml: prefixRules('{uri: {prefix: /v1}}', '{uri: {prefix: /v2}}'),
    expect: [],
  },
  {
    name: 'repeated match',
    yaml: prefixRules('{uri: {prefix: /api}}', '{uri: {prefix: /api}}'),
    expect: [
      {
        line: 11,
        severity: 'info',
        message: 'virtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0)',
      },
    ],
  },
  {
    name: 'renamed repeated match',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- match: [{name: a, uri: {exact: /x}}, {uri: {exact: /y}}]',
      TO_API,
      '- name: second',
      '  match: [{name: b, uri: {exact: /x}}]',
      TO_API,
    ),
    expect: [{ line: 12, severity: 'info', message: 'virtualService rule "second" match "b" is not used' }],
  },
  {
    name: 'prefix covered by an earlier prefix',
    yaml: prefixRules('{uri: {prefix: /api}}', '{uri: {prefix: /api/v1}}, {uri: {prefix: /web}}'),
    expect: [
      {
        line: 11,
        severity: 'info',
        message:
          'rule #1 match #0 of prefix /api/v1 is not used (duplicate/overlapping match in rule #0 of prefix /api on #0): the earlier match catches',
      },
    ],
  },
  {
    name: 'within one rule',
    yaml: vs(
      'hosts: [api.example.com]',
      'http:',
      '- match: [{uri: {prefix: /api/v1/product}}, {uri: {prefix: /api/v1/products}}]',
      TO_API,
    ),
    expect: [{ line: 9, message: 'rule #0 match #1 of prefix /api/v1/products is not used' }],
  },
  {
    name: 'an earlier prefix with a header does not cover one without',
    yaml: prefixRules('{uri: {prefix: /api}, headers: {x-beta: {exact: "1"}}}', '{uri: {prefix: /api/v1}}'),
    expect: [],
  },
  {
    name: 'the same header on both',
    yaml: prefixRules(
      '{uri: {prefix: /api}, headers: {x-beta: {exact: "1"}}}',
      '{uri: {prefix: /api/v1}, headers: {x-beta: {exact: "1"}}}',
    ),
    expect: [{ line: 11 }],
  },
  {
    name: 'another port',
    yaml: prefixRules('{uri: {prefix: /api}, port: 80}', '{uri: {prefix: /api/v1}, port: 8080}'),
    expect: [],
  },
  {
    name: 'no method counts as GET',
    yaml: prefixRules('{uri: {prefix: /api}}', '{uri: {prefix: /api/v1}, method: {exact: GET}}'),
    expect: [{ line: 11 }],
  },
  {
    name: 'no method is not compared to POST',
    yaml: prefixRules('{uri: {prefix: /api}}', '{uri: {prefix: /api/v1}, method: {exact: POST}}'),
    expect: [],
  },
  {
    name: 'sourceLabels and ignoreUriCase are not compared',
    yaml: prefixRules(
      '{uri: {prefix: /api}}',
      '{uri: {prefix: /API/v1}, ignoreUriCase: true}, {uri: {prefix: /api/v1}, sourceLabels: {app: a}}',
    ),
    expect: [{ line: 11, message: 'match #1 of prefix /api/v1' }],
  },
  {
    name: 'an exact uri is not compared with prefixes',
    yaml: prefixRules('{uri: {prefix: /}}', '{uri: {exact: /}, method: {exact: GET}}'),
    expect: [],
  },
  {
    name: 'tcp repeated match',
    yaml: vs(
      'hosts: [db.example.com]',
      'tcp:',
      '- match: [{port: 5432}]',
      '  route: [{destination: {host: db.example.com}}]',
      '- match: [{port: 5432}, {port: 5433}]',
      '  route: [{destination: {host: db.example.com}}]',
    ),
    expect: [{ line: 11, severity: 'info' }],
  },
]);
