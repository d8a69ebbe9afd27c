/**
 * Credentials in Kubernetes Secrets, read as Istio reads them for a gateway server
 * (`pilot/pkg/credentials/kube` ExtractCertInfo and `pilot/pkg/xds` ValidateCertificate): the
 * certificate under `cert`/`key` or `tls.crt`/`tls.key`, which must be a PEM certificate valid now.
 */
import type { ModelEntry } from './model';
import { record } from './read';
import { certificateValidities, decodeBase64, decodePem } from './x509';

/** A Secret's keys as the API server stores them: `data` decoded from base64, with `stringData` over it. */
export interface SecretData {
  values: Map<string, Uint8Array>;
  /** Keys of `data` whose value is not base64 (the API server refuses such a Secret). */
  undecodable: string[];
}

/** The contents of a Secret. */
export function secretData(secret: ModelEntry): SecretData {
  const values = new Map<string, Uint8Array>();
  const undecodable: string[] = [];
  for (const [key, value] of Object.entries(record(secret.resource.value['data']) ?? {})) {
    const bytes = typeof value === 'string' ? decodeBase64(value) : undefined;
    if (bytes) values.set(key, bytes);
    else if (value !== null && value !== undefined) undecodable.push(key);
  }
  for (const [key, value] of Object.entries(record(secret.resource.value['stringData']) ?? {})) {
    if (typeof value === 'string') values.set(key, new TextEncoder().encode(value));
  }
  return { values, undecodable };
}

/** The key pairs a gateway looks for, in Istio's order: the generic form, then the kubernetes.io/tls form. */
const PAIRS = [
  ['cert', 'key'],
  ['tls.crt', 'tls.key'],
] as const;

/**
 * Why a gateway cannot serve the certificate in `secret` at time `now` (ms since the epoch), or
 * undefined when it can.
 */
export function serverCredentialProblem(secret: ModelEntry, now: number): string | undefined {
  const { values, undecodable } = secretData(secret);
  if (undecodable.length > 0) return `${undecodable.join(', ')} is not valid base64`;
  const filled = PAIRS.find((pair) => pair.every((key) => (values.get(key)?.length ?? 0) > 0));
  if (!filled) {
    const present = PAIRS.find((pair) => pair.every((key) => values.has(key)));
    if (present) return `${present.join(' and ')} are empty`;
    const keys = [...values.keys()].sort();
    return `it has neither tls.crt and tls.key nor cert and key (its keys: ${keys.join(', ') || 'none'})`;
  }
  const [certKey] = filled;
  const der = decodePem(new TextDecoder().decode(values.get(certKey)));
  if (!der) return `${certKey} holds no PEM block`;
  const validities = certificateValidities(der);
  if (!validities) return `${certKey} is not an X.509 certificate`;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (const { notBefore, notAfter } of validities) {
    if (now > notAfter) return `the certificate in ${certKey} expired on ${day(notAfter)}`;
    if (now < notBefore) return `the certificate in ${certKey} is not valid before ${day(notBefore)}`;
  }
  return undefined;
}
