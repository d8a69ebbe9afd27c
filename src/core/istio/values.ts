/**
 * Value checks with Istio's and Kubernetes' exact semantics (ISTIO.md §1.2). Each `validate*`
 * returns the message the cluster would print, or undefined when the value is accepted.
 */

const DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const WILDCARD_LABEL = /^(?:\*|(?:\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const LOWER_DNS1123_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const LOWER_DNS1123_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** Istio's DNS-1123 label: letters (either case), digits and `-`, at most 63 characters. */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** Kubernetes' lower-case DNS-1123 label (namespace names). */
export function isKubernetesLabelName(value: string): boolean {
  return value.length <= 63 && LOWER_DNS1123_LABEL.test(value);
}

/** Kubernetes' lower-case DNS-1123 subdomain (object names), at most 253 characters. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && LOWER_DNS1123_SUBDOMAIN.test(value);
}

/** The longest domain name Istio accepts (its `CheckDNS1123Preconditions`). */
export const MAX_DOMAIN_LENGTH = 255;

function checkDomainLength(domain: string): string | undefined {
  if (domain.length === 0) return 'empty domain name not allowed';
  if (domain.length > MAX_DOMAIN_LENGTH)
    return `domain name ${quotedName(domain)} too long (max ${MAX_DOMAIN_LENGTH})`;
  return undefined;
}

/**
 * A long name as a message quotes it: its start and end around an ellipsis (Istio quotes the whole
 * name, which for a 20 KB host is a message no one reads).
 */
function quotedName(name: string): string {
  return name.length <= 80
    ? `"${name}"`
    : `"${name.slice(0, 40)}…${name.slice(-30)}" (${name.length} characters)`;
}

/** Istio's `ValidateDNS1123Labels`: every label valid, trailing dot allowed, TLD not all-numeric. */
export function validateDns1123Labels(domain: string): string | undefined {
  const parts = domain.split('.');
  const topLevel = parts[parts.length - 1]!;
  if (/^[+-]?\d+$/.test(topLevel)) {
    return `domain name "${domain}" invalid (top level domain "${topLevel}" cannot be all-numeric)`;
  }
  for (let i = 0; i < parts.length; i++) {
    const label = parts[i]!;
    if (i === parts.length - 1 && label === '') return undefined;
    if (!isDns1123Label(label)) return `domain name "${domain}" invalid (label "${label}" invalid)`;
  }
  return undefined;
}

/** Istio's `ValidateWildcardDomain`: a wildcard may only lead the first label. */
export function validateWildcardDomain(domain: string): string | undefined {
  const length = checkDomainLength(domain);
  if (length) return length;
  const dot = domain.indexOf('.');
  const first = dot === -1 ? domain : domain.slice(0, dot);
  if (first.length > 63 || !WILDCARD_LABEL.test(first)) {
    return `domain name "${domain}" invalid (label "${first}" invalid)`;
  }
  return dot === -1 ? undefined : validateDns1123Labels(domain.slice(dot + 1));
}

/** Istio's `ValidateFQDN`: a host with no wildcard at all. */
export function validateFqdn(domain: string): string | undefined {
  return checkDomainLength(domain) ?? validateDns1123Labels(domain);
}

/** True when the first label is a wildcard (`*`, `*.x`, `*x`, `*-x`). */
export function isWildcardHost(host: string): boolean {
  return host.startsWith('*');
}

/** True for `*example.com`-style wildcards (no dot right after the star). */
export function isPartialWildcard(host: string): boolean {
  return host.startsWith('*') && host.length > 1 && host[1] !== '.';
}

/** Whether `host` (which may be a wildcard) covers `other` (also possibly a wildcard). */
export function hostCovers(host: string, other: string): boolean {
  const a = host.toLowerCase();
  const b = other.toLowerCase();
  if (a === b || a === '*') return true;
  if (!a.startsWith('*')) return false;
  const suffix = a.slice(1);
  return (
    b.endsWith(suffix) && (b.startsWith('*') ? b.slice(1).length >= suffix.length : b.length > suffix.length)
  );
}

/** Whether two hosts (either may be a wildcard) can match a common name. */
export function hostsOverlap(a: string, b: string): boolean {
  return hostCovers(a, b) || hostCovers(b, a);
}

// --- IP addresses ---------------------------------------------------------------------------

/** True for a dotted-quad IPv4 address. */
export function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return (
    parts.length === 4 &&
    parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && !(p.length > 1 && p.startsWith('0')))
  );
}

/** True for an IPv6 address (with optional `::` compression and an embedded IPv4 tail). */
export function isIPv6(value: string): boolean {
  if (!value.includes(':') || value.includes('%')) return false;
  let text = value;
  const groupsNeeded = 8;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length < groupsNeeded : groups.length === groupsNeeded;
}

/** True for an IPv4 or IPv6 address. */
export function isIP(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

/** True for `address/prefix` with a prefix length that fits the address family. */
export function isCIDR(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash === -1) return false;
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  if (isIPv4(address)) return Number(bits) <= 32;
  return isIPv6(address) && Number(bits) <= 128;
}

// --- Durations ---------------------------------------------------------------------------------

const UNIT_NANOS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Parses a Go duration (`1h30m`, `1.5s`, `100ms`) into nanoseconds; undefined when Go would refuse it. */
export function parseGoDuration(value: string): number | undefined {
  let rest = value;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  const pattern = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/;
  while (rest !== '') {
    const match = pattern.exec(rest);
    if (!match || (match[1] === '' && (match[2] ?? '') === '')) return undefined;
    const whole = Number(match[1] || '0');
    const fraction = match[2] ? Number(`0.${match[2]}`) : 0;
    total += (whole + fraction) * UNIT_NANOS[match[3]!]!;
    rest = rest.slice(match[0].length);
  }
  return sign * total;
}

/** Istio's `ValidateDuration` on a raw string: Go syntax, at least 1ms, whole milliseconds. */
export function validateDuration(value: string, allowZero = false): string | undefined {
  const nanos = parseGoDuration(value);
  if (nanos === undefined) return `bad Duration: time: invalid duration "${value}"`;
  if (allowZero && nanos === 0) return undefined;
  if (nanos < 1e6) return 'duration must be greater than 1ms';
  if (Math.round(nanos) % 1e6 !== 0) return 'only durations to ms precision are supported';
  return undefined;
}

/**
 * What is wrong with a duration written in a field of the given format: `duration` (at least 1ms,
 * whole milliseconds), `duration-or-zero` (the same, or 0s) or `duration-syntax` (only decoded, so
 * any Go duration). Undefined when it is fine, and for formats that are not durations.
 */
export function durationProblem(value: string, format: string | undefined): string | undefined {
  if (format === 'duration' || format === 'duration-or-zero')
    return validateDuration(value, format === 'duration-or-zero');
  if (format !== 'duration-syntax') return undefined;
  const problem = validateDuration(value, true);
  return problem?.startsWith('bad Duration') ? problem : undefined;
}

/** The range of an integer field of the given format (Istio's int32 unless it says uint32). */
export function integerRange(format: string | undefined): readonly [number, number] {
  return format === 'uint32' ? [0, 2 ** 32 - 1] : [-(2 ** 31), 2 ** 31 - 1];
}

// --- Protocols -----------------------------------------------------------------------------

/** Every protocol name Istio knows, in its canonical case. */
export const PROTOCOLS = [
  'HTTP',
  'HTTPS',
  'HTTP2',
  'GRPC',
  'GRPC-Web',
  'TCP',
  'TLS',
  'MONGO',
  'REDIS',
  'MYSQL',
  'UDP',
  'HTTP_PROXY',
] as const;

/** How Envoy treats a port: by HTTP routing, by TLS SNI, or as opaque TCP. */
export type ProtocolFamily = 'http' | 'tls' | 'tcp' | 'udp' | 'unknown';

// Canonical names by their upper case: every port of every resource is looked up here.
const CANONICAL = new Map<string, string>(PROTOCOLS.map((p) => [p.toUpperCase(), p]));

/** The canonical protocol for a case-insensitive name, or undefined when Istio does not know it. */
export function canonicalProtocol(value: string): string | undefined {
  return CANONICAL.get(value.toUpperCase());
}

/** The family a protocol belongs to; an empty protocol is sniffed, so its family is unknown. */
export function protocolFamily(value: string | undefined): ProtocolFamily {
  const protocol = value ? canonicalProtocol(value) : undefined;
  switch (protocol) {
    case 'HTTP':
    case 'HTTP2':
    case 'GRPC':
    case 'GRPC-Web':
    case 'HTTP_PROXY':
      return 'http';
    case 'HTTPS':
    case 'TLS':
      return 'tls';
    case 'UDP':
      return 'udp';
    case undefined:
      return 'unknown';
    default:
      return 'tcp';
  }
}

// --- Kubernetes metadata -------------------------------------------------------------------

const QUALIFIED_NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Kubernetes' label/annotation key rule: optional DNS-subdomain prefix, a name of ≤63 chars. */
export function validateQualifiedName(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix === '' || !isDns1123Subdomain(prefix))) {
    return `prefix part of "${key}" must be a lower-case DNS subdomain`;
  }
  if (name === '' || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return `name part of "${key}" must be at most 63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  }
  return undefined;
}

/** Kubernetes' label value rule: empty, or ≤63 chars of letters, digits, `-`, `_`, `.`. */
export function validateLabelValue(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63 || !QUALIFIED_NAME.test(value)) {
    return `label value "${value}" must be at most 63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  }
  return undefined;
}
