import type { CodeInfo } from '../types';
import { admissionCode } from './define';

/** Admission rules for Sidecar (ISTIO.md §2.6). */
export const sidecarCodes: CodeInfo[] = [
  admissionCode(
    'SC-01',
    'Empty Sidecar',
    'A Sidecar must configure at least one of egress, ingress, outboundTrafficPolicy or inboundConnectionPool.',
    'Add egress: [{hosts: ["./*", "istio-system/*"]}] or remove the Sidecar.',
  ),
  admissionCode(
    'SC-02',
    'Egress listener without hosts',
    'An egress listener imports the hosts it lists; with none it is refused.',
    'List at least one host, e.g. "./*".',
  ),
  admissionCode(
    'SC-03',
    'Egress host without namespace',
    'Sidecar egress hosts are always namespace/dnsName.',
    'Prefix the host with a namespace: "*/edition.cnn.com" or "./edition.cnn.com".',
  ),
  admissionCode(
    'SC-04',
    'Invalid egress host namespace',
    'The part before "/" must be *, . (this namespace), ~ (none) or a namespace name (from Istio 1.31 also ~name, ~* or ~. to exclude); neither part may be empty.',
    'Use a namespace name such as team-a, or * for any namespace.',
  ),
  admissionCode(
    'SC-05',
    'Invalid egress host name',
    'The part after "/" must be *, a dotted FQDN or *.suffix; short names, partial wildcards and IP addresses are refused.',
    'Use the full name (e.g. svc.ns.svc.cluster.local) or a wildcard like *.cnn.com.',
  ),
  admissionCode(
    'SC-06',
    'Duplicate or overlapping egress host',
    'A host already covered by another entry of the listener (or by */*) adds nothing and is accepted with a warning.',
    'Remove the redundant entry.',
    'warning',
  ),
  admissionCode(
    'SC-07',
    'Misplaced catch-all egress listener',
    'Only one egress listener may omit its port, and it must be the last one.',
    'Move the port-less listener to the end, or merge the port-less listeners.',
  ),
  admissionCode(
    'SC-08',
    'Invalid Sidecar listener port',
    'Listener ports must be unique and valid: names are DNS labels, protocols known, 0 only with a unix:// bind (and captureMode DEFAULT/NONE), and targetPort is refused.',
    'Fix the port as the message says, or merge listeners on the same port.',
  ),
  admissionCode(
    'SC-09',
    'Invalid outboundTrafficPolicy',
    'egressProxy is only allowed with mode ALLOW_ANY (the mode defaults to REGISTRY_ONLY here), needs a port, and its host must be an FQDN.',
    'Set mode: ALLOW_ANY and a port on egressProxy, and import the proxy host in egress.',
  ),
  {
    ...admissionCode(
      'SC-10',
      'Questionable workloadSelector',
      'A selector without labels is accepted with a warning and applies to the whole namespace; wildcards or empty keys in labels are refused.',
      'Add the labels of the workloads to select, or remove workloadSelector.',
      'warning',
    ),
    // The wildcard sub-case is an error.
    related: ['IST0133', 'IST0106'],
  },
];
