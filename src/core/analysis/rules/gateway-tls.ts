import type { PathSegment } from '../../bundle';
import type { RuleContext } from '../types';
import { list, records, str, strings } from '../../istio/read';

type Report = RuleContext['report'];

/** Cipher names Envoy (BoringSSL) accepts in `cipherSuites`, as Istio lists them. */
const VALID_CIPHER_SUITES = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA',
  'AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
  'AES128-SHA',
  'AES256-SHA',
  'DES-CBC3-SHA',
]);

/** Certificate fields that PASSTHROUGH ignores, in the webhook's order. */
const CERTIFICATE_FIELDS = [
  'caCrl',
  'serverCertificate',
  'privateKey',
  'caCertificates',
  'tlsCertificates',
  'credentialName',
  'credentialNames',
];

/** What ISTIO_MUTUAL refuses, with the noun its message uses. */
const ISTIO_MUTUAL_REFUSED: [string, string][] = [
  ['serverCertificate', 'server certificate'],
  ['privateKey', 'private key'],
  ['caCertificates', 'CA bundle'],
  ['tlsCertificates', 'tlsCertificates'],
  ['credentialName', 'credentialName'],
  ['credentialNames', 'credentialNames'],
];

const TERMINATING = ['SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL'];

/** True when a string field is non-empty or a list field has items (Go's zero-value test). */
function isSet(tls: Record<string, unknown>, key: string): boolean {
  const value = tls[key];
  return Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value !== '';
}

/** `ignoring`-style `%v` of a Go string slice: sorted, space separated, in brackets. */
function goList(values: Iterable<string>): string {
  return `[${[...values].sort().join(' ')}]`;
}

/** Istio's `IsValidCipherSuite`: known names, plus anything starting with an operator (`-`, `+`, `!`). */
function isValidCipherSuite(suite: string): boolean {
  if (suite === '' || suite === 'ALL') return true;
  if (!/^[\p{L}\p{N}]/u.test(suite)) return true;
  return VALID_CIPHER_SUITES.has(suite);
}

/**
 * Checks a Gateway server's `tls` block the way istiod's `validateTLSOptions` does (GW-08 to
 * GW-11, and the TLS parts of GW-14). `path` points at the `tls` field.
 */
export function checkServerTls(
  tls: Record<string, unknown>,
  path: readonly PathSegment[],
  report: Report,
): void {
  const at = (...rest: PathSegment[]): PathSegment[] => [...path, ...rest];
  const mode = str(tls['mode']) ?? 'PASSTHROUGH';
  checkProtocolAndCiphers(tls, at, report);
  checkCertificateSources(tls, at, report, mode === 'ISTIO_MUTUAL');

  if (mode === 'ISTIO_MUTUAL') {
    for (const [key, noun] of ISTIO_MUTUAL_REFUSED) {
      if (isSet(tls, key)) report('GW-09', at(key), `ISTIO_MUTUAL TLS cannot have associated ${noun}`);
    }
    return;
  }

  if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') {
    const ignored = Object.keys(tls).find((key) => CERTIFICATE_FIELDS.includes(key) && isSet(tls, key));
    if (ignored) {
      report('GW-11', at(ignored), `${mode} mode does not use certificates, they will be ignored`, {
        target: 'key',
      });
    }
  }

  // With a credential the certificates come from the Secret, so nothing else is required.
  const fromCredential = isSet(tls, 'credentialName') || isSet(tls, 'credentialNames');
  if (TERMINATING.includes(mode) && !fromCredential) checkCertificateFiles(tls, mode, at, report);

  if (isSet(tls, 'caCrl')) {
    // ISTIO.md §2.5 GW-14: both CRL restrictions hold whatever the credential source.
    const problems: string[] = [];
    if (isSet(tls, 'credentialName')) {
      problems.push('CRL is not supported with credentialName. CRL has to be specified in the credential');
    }
    if (mode === 'SIMPLE') problems.push('CRL is not supported with SIMPLE TLS');
    if (problems.length > 0) report('GW-14', at('caCrl'), problems.join('; '), { severity: 'error' });
  }
}

function checkProtocolAndCiphers(
  tls: Record<string, unknown>,
  at: (...rest: PathSegment[]) => PathSegment[],
  report: Report,
): void {
  const minimum = str(tls['minProtocolVersion']);
  if ((minimum === 'TLSV1_0' || minimum === 'TLSV1_1') && list(tls['cipherSuites']).length === 0) {
    report(
      'GW-14',
      at('minProtocolVersion'),
      'TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.',
    );
  }
  const invalid = new Set<string>();
  const valid = new Set<string>();
  const duplicate = new Set<string>();
  let firstInvalid: number | undefined;
  let firstDuplicate: number | undefined;
  for (const [suite, i] of strings(tls['cipherSuites'])) {
    if (!isValidCipherSuite(suite)) {
      invalid.add(suite);
      firstInvalid ??= i;
    } else if (valid.has(suite)) {
      duplicate.add(suite);
      firstDuplicate ??= i;
    } else {
      valid.add(suite);
    }
  }
  if (firstInvalid !== undefined) {
    report('GW-14', at('cipherSuites', firstInvalid), `ignoring invalid cipher suites: ${goList(invalid)}`);
  }
  if (firstDuplicate !== undefined) {
    report(
      'GW-14',
      at('cipherSuites', firstDuplicate),
      `ignoring duplicate cipher suites: ${goList(duplicate)}`,
    );
  }
}

/**
 * GW-10. The CRD's CEL rules refuse two of the pairs first (that is what kubectl shows); the
 * webhook's broader rule also catches the rest. ISTIO_MUTUAL skips the webhook rule.
 */
function checkCertificateSources(
  tls: Record<string, unknown>,
  at: (...rest: PathSegment[]) => PathSegment[],
  report: Report,
  istioMutual: boolean,
): void {
  // Each source with the key that completes it, in document order; the last one is blamed.
  const sources = new Map<string, string>();
  let fileKeys = 0;
  for (const key of Object.keys(tls)) {
    if (!isSet(tls, key)) continue;
    if (key === 'credentialName' || key === 'credentialNames' || key === 'tlsCertificates')
      sources.set(key, key);
    else if ((key === 'serverCertificate' || key === 'privateKey') && ++fileKeys === 2)
      sources.set('files', key);
  }
  if (sources.size < 2) return;
  let cel: string | undefined;
  if (sources.has('credentialName') && sources.has('credentialNames')) {
    cel = 'only one of credentialName or credentialNames can be set';
  } else if (sources.has('credentialNames') && sources.has('tlsCertificates')) {
    cel = 'only one of credentialNames or tlsCertificates can be set';
  }
  if (istioMutual && !cel) return;
  const webhook =
    'only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified';
  const key = [...sources.values()].pop()!;
  report('GW-10', at(key), cel ? `${cel} (webhook: ${webhook})` : webhook, { target: 'key' });
}

/** GW-08 for certificates given as files (top-level or `tlsCertificates[]`). */
function checkCertificateFiles(
  tls: Record<string, unknown>,
  mode: string,
  at: (...rest: PathSegment[]) => PathSegment[],
  report: Report,
): void {
  const prefix = mode === 'SIMPLE' ? 'SIMPLE TLS' : 'MUTUAL TLS';
  const missing: string[] = [];
  if (mode !== 'SIMPLE' && !isSet(tls, 'caCertificates'))
    missing.push(`${prefix} requires a client CA bundle`);
  const certificates = records(tls['tlsCertificates']);
  if (certificates.length === 0) {
    if (!isSet(tls, 'serverCertificate')) missing.push(`${prefix} requires a server certificate`);
    if (!isSet(tls, 'privateKey')) missing.push(`${prefix} requires a private key`);
  }
  // One finding per place, with every missing piece, so the fix is clear at a glance.
  if (missing.length > 0) report('GW-08', at('mode'), missing.join('; '));
  for (const [certificate, i] of certificates) {
    const problems: string[] = [];
    if (!isSet(certificate, 'serverCertificate')) problems.push(`${prefix} requires a server certificate`);
    if (!isSet(certificate, 'privateKey')) problems.push(`${prefix} requires a private key`);
    if (problems.length > 0) report('GW-08', at('tlsCertificates', i), problems.join('; '));
  }
}

/** True when a Gateway server's `tls` is a certificate-less passthrough block (the httpsRedirect form). */
export function isPlainPassthrough(tls: Record<string, unknown>): boolean {
  const mode = str(tls['mode']) ?? 'PASSTHROUGH';
  const passthrough = mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
  return (
    passthrough &&
    !isSet(tls, 'caCertificates') &&
    !isSet(tls, 'privateKey') &&
    !isSet(tls, 'serverCertificate')
  );
}
