import type { CodeInfo, Severity } from '../types';
import { admissionCode } from './define';

/** A code whose sub-cases are partly errors and partly warnings. */
function mixed(code: string, title: string, explanation: string, fix: string, severity: Severity): CodeInfo {
  return { ...admissionCode(code, title, explanation, fix, severity), related: ['IST0106', 'IST0133'] };
}

/** Admission rules for Gateway (ISTIO.md §2.5). */
export const gatewayCodes: CodeInfo[] = [
  admissionCode(
    'GW-01',
    'Gateway without servers',
    'A Gateway only opens listeners through its servers; with none it configures nothing and is refused.',
    'Add a server with a port, hosts and (for HTTPS/TLS) a tls block.',
  ),
  admissionCode(
    'GW-02',
    'Server without hosts or port name',
    'Every server must list at least one host and give its port a non-empty name.',
    'Add hosts such as edition.cnn.com and a port name such as tls or http.',
  ),
  admissionCode(
    'GW-03',
    'Invalid Gateway host',
    'Server hosts are [namespace/]dnsName: the namespace is *, . or a namespace name, and the name is *, a dotted FQDN, *.suffix or an IP. Short names and partial wildcards are refused.',
    'Write the host as edition.cnn.com, *.cnn.com or ./edition.cnn.com.',
  ),
  admissionCode(
    'GW-04',
    'Invalid server port',
    'The port protocol is required and must be one Istio knows; the number must be 1..65535, or 0 together with a unix:// bind.',
    'Use a protocol such as HTTP, HTTPS, TLS or TCP and a port between 1 and 65535.',
  ),
  admissionCode(
    'GW-05',
    'Duplicate port name',
    'Port names identify listeners and must be unique across all servers of one Gateway.',
    'Give each server its own port name, e.g. http-80 and http-8080.',
  ),
  admissionCode(
    'GW-06',
    'HTTPS/TLS server without tls',
    'A server on an HTTPS or TLS port must say how TLS is handled.',
    'Add tls: {mode: PASSTHROUGH} for SNI routing, or SIMPLE with a credential to terminate.',
  ),
  admissionCode(
    'GW-07',
    'tls on a plain-text server',
    'Only HTTPS and TLS servers may carry TLS settings; an HTTP server may only use a certificate-less passthrough block (as httpsRedirect does).',
    'Change the protocol to HTTPS (usually on port 443), or remove the tls block.',
  ),
  admissionCode(
    'GW-08',
    'Terminating TLS without certificates',
    'SIMPLE, MUTUAL and OPTIONAL_MUTUAL terminate TLS and need a certificate: credentialName(s), tlsCertificates, or serverCertificate plus privateKey. MUTUAL from files also needs caCertificates.',
    'Add credentialName: <secret> (the Secret lives in the gateway pod namespace).',
  ),
  admissionCode(
    'GW-09',
    'ISTIO_MUTUAL with certificate material',
    'ISTIO_MUTUAL uses the workload identity certificates; any certificate field is refused.',
    'Remove the certificate fields, or switch to SIMPLE/MUTUAL if you want your own certificate.',
  ),
  admissionCode(
    'GW-10',
    'Several certificate sources',
    'Only one of credentialName, credentialNames, tlsCertificates or serverCertificate/privateKey may be set.',
    'Keep a single certificate source.',
    'error',
    'cel',
  ),
  admissionCode(
    'GW-11',
    'Certificates on a passthrough server',
    'tls.mode defaults to PASSTHROUGH, which forwards TLS untouched; certificates on such a server are ignored.',
    'Set mode: SIMPLE (or MUTUAL) if the gateway should terminate TLS, otherwise drop the certificate fields.',
    'warning',
  ),
  admissionCode(
    'GW-12',
    'targetPort on a Gateway port',
    'The gateway listens on the Service targetPort for port.number already; setting targetPort is refused.',
    'Remove targetPort.',
  ),
  admissionCode(
    'GW-13',
    'Gateway name with dots',
    'Istio requires Gateway names to be DNS labels, even though Kubernetes would accept dots.',
    "Replace the dots, e.g. 'egress-cnn' instead of 'egress.cnn'.",
  ),
  mixed(
    'GW-14',
    'Questionable TLS or bind setting',
    'CRLs do not work with SIMPLE TLS or credentialName, bind must be an IP or unix socket, and some TLS settings (httpsRedirect on non-HTTP servers, TLS 1.0/1.1 without ciphers, unknown ciphers) are accepted but ignored or ineffective.',
    'Follow the advice in the message.',
    'warning',
  ),
];
