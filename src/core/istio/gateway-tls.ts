/** How a Gateway server's certificate is identified, to find Gateways that serve the same one. */
import { str } from './read';

/**
 * The certificate a server's `tls` block serves, as istioctl compares them (IST0138): its
 * credentialName, else its serverCertificate and privateKey files; undefined when it names none.
 */
export function certificateKey(tls: Record<string, unknown> | undefined): string | undefined {
  if (!tls) return undefined;
  const credential = str(tls['credentialName']);
  if (credential) return `credential:${credential}`;
  const certificate = str(tls['serverCertificate']);
  const key = str(tls['privateKey']);
  return certificate && key ? `files:${certificate}|${key}` : undefined;
}
