import type { CodeInfo } from '../types';
import { admissionCode } from './define';

/**
 * A warning of the webhook's unreachable-rule analysis: kubectl prints it on apply, and istioctl
 * analyze reports it under its own code (`related`) rather than IST0133.
 */
function unreachableCode(
  code: string,
  title: string,
  explanation: string,
  fix: string,
  severity: 'warning' | 'info',
  related: string,
): CodeInfo {
  return { code, title, severity, layer: 'webhook', explanation, fix, related: [related] };
}

/** Admission rules for VirtualService (ISTIO.md §2.4). */
export const virtualServiceCodes: CodeInfo[] = [
  admissionCode(
    'VS-01',
    'VirtualService without rules',
    'A VirtualService needs at least one http, tcp or tls rule; without one it routes nothing and is refused.',
    'Add an http (or tcp/tls) section with a route to a destination.',
  ),
  admissionCode(
    'VS-02',
    'Host "*" on a mesh VirtualService',
    'A VirtualService that applies to sidecars (no gateways, or "mesh" listed) cannot claim every host.',
    'List concrete hosts, or bind the VirtualService only to a Gateway.',
  ),
  admissionCode(
    'VS-03',
    'Overlapping hosts',
    'Hosts of one VirtualService may not overlap, e.g. "*.example.com" already covers "api.example.com".',
    'Keep only one of the overlapping hosts, or split them into two VirtualServices.',
  ),
  admissionCode(
    'VS-04',
    'Invalid host',
    'Each host must be a DNS name (a wildcard only in the first label) or an IP address.',
    "Use letters, digits and '-' in each label, e.g. api-v1.example.com.",
  ),
  admissionCode(
    'VS-05',
    'Invalid gateway reference',
    'Gateway references are "mesh", a Gateway name in the same namespace, or namespace/name with DNS-label parts. The old name.namespace.svc.cluster.local form still works but warns.',
    'Write the reference as <namespace>/<name>, e.g. istio-system/egress.',
  ),
  admissionCode(
    'VS-06',
    'Invalid destination host',
    'A destination names a registry service: not "*" and not an IP address.',
    'Point the destination at a ServiceEntry or Service host name.',
    'error',
    'cel',
  ),
  admissionCode(
    'VS-07',
    'Invalid route weights',
    'Weights are relative and may not be negative; with several destinations at least one must be positive. They need not sum to 100.',
    'Give each destination a weight of 0 or more, and at least one a positive weight.',
  ),
  admissionCode(
    'VS-08',
    'HTTP rule action missing or conflicting',
    'Each HTTP rule does exactly one thing: route, redirect, answer directly or delegate; rewrite, fault and mirror options must fit that action.',
    'Keep one action per rule and drop the options that do not apply to it.',
  ),
  admissionCode(
    'VS-09',
    'Negative retry attempts',
    'retries.attempts counts retries and cannot be below 0.',
    'Set attempts to 0 (no retries) or a positive number.',
  ),
  admissionCode(
    'VS-10',
    'Retry options with retries disabled',
    'With attempts 0 (or attempts omitted) retries are off, so perTryTimeout, retryOn and retryRemoteLocalities are refused.',
    'Set attempts to the number of retries you want, or remove the other retry options.',
  ),
  admissionCode(
    'VS-11',
    'Unknown retryOn condition',
    'retryOn is a comma list without spaces of Envoy retry conditions or HTTP status codes.',
    'Remove blanks and use known conditions, e.g. 5xx,connect-failure,503.',
  ),
  admissionCode(
    'VS-12',
    'Invalid timeout',
    'timeout, perTryTimeout and backoff must be at least 1ms and whole milliseconds; 0s is refused.',
    'Use a value such as 10s, or omit timeout to disable it.',
    'error',
    'cel',
  ),
  admissionCode(
    'VS-13',
    'TLS rule without SNI match',
    'A TLS rule routes by SNI, so it needs at least one match, and each match needs sniHosts.',
    'Add match: [{sniHosts: [<host>]}] to the TLS rule.',
    'error',
    'cel',
  ),
  admissionCode(
    'VS-14',
    'SNI host outside the VirtualService hosts',
    'Each sniHosts entry must be a valid name covered by one of the VirtualService hosts; an IP address is accepted with a warning because clients rarely send IPs as SNI.',
    'Use an SNI name that one of the hosts covers, or widen the hosts.',
  ),
  admissionCode(
    'VS-15',
    'TLS or TCP rule without route',
    'A TLS or TCP rule must say where the connection goes.',
    'Add route: [{destination: {host: <host>, port: {number: <port>}}}].',
    'error',
    'cel',
  ),
  admissionCode(
    'VS-16',
    'Invalid port, subset or subnet',
    'Ports are 1 to 65535, subset names are DNS labels and destination subnets are IPs or CIDR blocks.',
    'Fix the value, e.g. port 443, subset v1, subnet 10.0.0.0/16.',
  ),
  admissionCode(
    'VS-17',
    'Invalid header change',
    'Pseudo-headers (":path") and Host cannot be edited this way, the authority may be set only once, and values need "%%" for a literal "%".',
    'Use rewrite for path and authority changes, and escape "%" as "%%".',
  ),
  admissionCode(
    'VS-18',
    'Invalid request match',
    'A string match sets one of exact, prefix or regex; prefixes cannot be empty except on uri; regexes are RE2 (no look-around or backreferences) up to 1024 characters; header names are HTTP tokens.',
    'Fix the match value, e.g. use exact instead of an empty prefix, or an RE2-compatible regex.',
    'error',
    'cel',
  ),
  admissionCode(
    'VS-19',
    'Invalid delegate VirtualService',
    'A VirtualService without hosts is a delegate: it may only hold http rules, no gateways, and cannot delegate again. A forgotten hosts list turns a VirtualService into an unused delegate.',
    'Add hosts, or remove gateways, tls, tcp and nested delegate from the delegate.',
  ),
  admissionCode(
    'VS-20',
    'JWT claim routing outside a gateway',
    'Matching on @request.auth.claims headers only works on gateways, not on sidecars.',
    'Bind the VirtualService to a Gateway only, or match on a regular header.',
  ),
  admissionCode(
    'VS-21',
    'Invalid redirect, direct response, mirror, fault or rewrite',
    'Redirects need a target and a 3xx code, direct responses a 200-599 status and a body under 1 MB, mirror percentages 0-100, faults an abort or delay, and rewrites one of uri, uriRegexRewrite or authority.',
    'Correct the value named in the message.',
  ),
  unreachableCode(
    'VS-22',
    'Unreachable rule',
    'Rules are tried in order and the first match wins, so a rule after a rule without match, or whose every match repeats an earlier one, never runs.',
    'Put the rule without match last, and remove rules whose matches are all taken.',
    'warning',
    'IST0130',
  ),
  unreachableCode(
    'VS-22-MATCH',
    'Shadowed match',
    'A match that repeats an earlier one, or a uri prefix match that an earlier prefix match already catches (same port, method, authority, headers, query parameters and withoutHeaders, as Istio compares them), never takes effect. A match without a method counts as GET in this comparison.',
    'Remove the repeated match, or put the longer prefix first.',
    'info',
    'IST0131',
  ),
];
