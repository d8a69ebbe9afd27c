import type { PathSegment } from '../../bundle';
import type { RuleContext } from '../types';
import { list, str } from '../../istio/read';

const CONFIGMAP_PREFIX = 'configmap://';

/** Certificate material that must come from the credential once `credentialName` is set. */
const FILE_FIELDS = ['clientCertificate', 'caCertificates', 'privateKey', 'caCrl'] as const;

/**
 * Istio's `ValidateTLS` for one `ClientTLSSettings` block (DR-10..DR-13), at whatever policy
 * level it sits. `namespace` is the DestinationRule's namespace.
 */
export function checkClientTls(
  report: RuleContext['report'],
  namespace: string,
  tls: Record<string, unknown> | undefined,
  path: PathSegment[],
): void {
  if (!tls) return;
  const mode = str(tls['mode']) ?? 'DISABLE';
  const credentialName = str(tls['credentialName']) ?? '';
  const filled = (key: string) => (str(tls[key]) ?? '') !== '';
  // Go sees an empty list as nil, so only a non-empty list counts as "set".
  const hasSans = list(tls['subjectAltNames']).length > 0;

  if (credentialName.startsWith(CONFIGMAP_PREFIX)) {
    const problem = configMapProblem(credentialName, namespace);
    if (problem)
      report('DR-13', [...path, 'credentialName'], `invalid configmap:// credentialName: ${problem}`);
  }

  if (tls['insecureSkipVerify'] === true) {
    if (mode === 'SIMPLE' && (filled('caCertificates') || credentialName !== '' || hasSans)) {
      report(
        'DR-12',
        [...path, 'insecureSkipVerify'],
        'cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true',
      );
    }
    if (mode === 'MUTUAL' && (filled('caCertificates') || hasSans)) {
      report(
        'DR-12',
        [...path, 'insecureSkipVerify'],
        'cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true',
      );
    }
  }

  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && credentialName !== '') {
    // Istio reports this once; point at the first file field that has to go.
    const clash = FILE_FIELDS.find(filled);
    if (clash) {
      report(
        'DR-11',
        [...path, clash],
        'cannot specify client certificates or CA certificate or CA CRL If credentialName is set',
      );
    }
    return;
  }

  if (mode === 'MUTUAL') {
    for (const [field, message] of [
      ['clientCertificate', 'client certificate required for mutual tls'],
      ['privateKey', 'private key required for mutual tls'],
    ] as const) {
      if (filled(field)) continue;
      // An explicit empty string is underlined itself; a missing field underlines the tls key.
      if (field in tls) report('DR-10', [...path, field], message);
      else report('DR-10', path, message, { target: 'key' });
    }
  }
}

/**
 * Why a `configmap://` credential is refused, or undefined. `configmap://name` is read as a
 * ConfigMap in the rule's own namespace; `configmap://ns/name` must name that namespace.
 */
function configMapProblem(credentialName: string, namespace: string): string | undefined {
  const parts = credentialName.slice(CONFIGMAP_PREFIX.length).split('/');
  if (parts.length === 1) {
    return parts[0] === ''
      ? `invalid resource name "${credentialName}". Expected namespace and name`
      : undefined;
  }
  if (parts[0] === '') return `invalid resource name "${credentialName}". Expected namespace`;
  if (parts[1] === '') return `invalid resource name "${credentialName}". Expected name`;
  if (parts[0] !== namespace) return `namespace must match the configuration namespace "${namespace}"`;
  return undefined;
}
