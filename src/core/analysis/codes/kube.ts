import type { CodeInfo } from '../types';
import { analyzerCode } from './define';

// istioctl analyze rates several of these Error. The cluster accepts every resource involved, so
// here they are warnings: accepted, but not what the author meant (DESIGN.md §3).
const ACCEPTED = 'The cluster accepts it (istioctl analyze rates it Error); ';

/**
 * Findings that read the Kubernetes objects a design holds (Pods and their controllers, Services,
 * Secrets, Namespaces, Nodes). Each is given only where the design holds the objects it needs: a
 * design without pods says nothing about pods, one without Secrets nothing about Secrets.
 */
export const kubeAnalyzerCodes: CodeInfo[] = [
  analyzerCode(
    'SELECTOR-NO-PODS',
    'Selector matches no pod',
    `${ACCEPTED}a Gateway whose selector matches no pod configures no gateway, and a Sidecar whose workloadSelector matches no pod of its namespace applies to nothing. Istio's own gateways (istio-egressgateway and istio-ingressgateway in istio-system) count as installed unless the design holds istio-system's workloads. Reported only when the design holds the workloads of the namespace where the pods would run.`,
    'Fix the selector labels to match the gateway (or workload) pods, or add the Deployment they belong to.',
    ['IST0101'],
  ),
  analyzerCode(
    'GATEWAY-PORT-NOT-ON-SERVICE',
    'Gateway port not exposed by its Service',
    'The gateway pods listen on each server port, but traffic reaches them through the Kubernetes Service that selects them. A server port that is neither a port nor a targetPort of such a Service cannot be reached through it: sidecars routing to the gateway Service on that port find nothing. Reported when the design holds the gateway pods and the Services of their namespace.',
    'Use a port the gateway Service exposes (or its targetPort), or add the port to the Service.',
    ['IST0162'],
  ),
  analyzerCode(
    'REF-CREDENTIAL',
    'Gateway credential Secret not found',
    `${ACCEPTED}a gateway reads the Secret named by credentialName from the namespace of its own pods, not from the Gateway resource's namespace. Without it the server has no certificate and its TLS handshakes fail. Designs rarely carry Secrets: this is reported only when the design holds Secrets of that namespace, or a Secret of that name elsewhere.`,
    'Create the Secret in the namespace where the gateway pods run (istio-system for the default egress gateway), or fix the name.',
    ['IST0101'],
  ),
  analyzerCode(
    'CREDENTIAL-INVALID',
    'Gateway credential is not a valid certificate',
    `${ACCEPTED}a gateway serves the certificate under tls.crt and tls.key (or cert and key) of the Secret; a Secret without them, or whose certificate is not PEM, not X.509, expired or not yet valid, leaves the server without a usable certificate.`,
    'Put a current PEM certificate and its key under tls.crt and tls.key (kubectl create secret tls).',
    ['IST0161'],
  ),
  analyzerCode(
    'DR-CREDENTIAL-MISSING',
    'DestinationRule credential Secret not found',
    'The proxy that originates TLS reads the Secret named by credentialName from its own namespace: the egress gateway pods for a rule the gateway applies, the client namespace for a rule with a workloadSelector. Without it the proxy has no client certificate (or CA) and the origination fails. istioctl analyze does not check this. Reported only when the design holds Secrets of that namespace, or a Secret of that name elsewhere.',
    'Create the Secret in the namespace of the proxy that originates TLS, or fix the name.',
  ),
  analyzerCode(
    'CONFLICT-SIDECAR-SELECTOR',
    'Several Sidecars select the same pod',
    `${ACCEPTED}a pod takes the configuration of one Sidecar only; when several workloadSelectors match it, which one applies is undefined.`,
    'Make the workloadSelectors select disjoint pods, or merge the Sidecars.',
    ['IST0110'],
  ),
  analyzerCode(
    'SIDECAR-IN-AMBIENT',
    'Sidecar resource for ambient-mode pods',
    'Pods in ambient mode (their namespace labelled istio.io/dataplane-mode: ambient, without sidecar injection) have no sidecar: a Sidecar resource that applies to them has no effect. Their egress is carried by ztunnel and, for L7, a waypoint.',
    'Remove the Sidecar, or scope egress with a waypoint and ServiceEntry exportTo instead.',
    ['IST0167'],
  ),
  analyzerCode(
    'SUBSET-NO-PODS',
    'DestinationRule subset selects no pods',
    `${ACCEPTED}a subset only has the endpoints whose labels include the subset labels (with the ServiceEntry workloadSelector); one that matches no pod has no endpoints, and requests routed to it fail with 503 (no healthy upstream). Node topology labels count as pod labels. Reported only when the design holds the workloads of the namespace the host's pods would run in (any namespace for a ServiceEntry without workloadSelector); ServiceEntry endpoints with matching labels count too.`,
    'Fix the subset labels to match the pods (for example version: v1), or remove the subset.',
    ['IST0173'],
  ),
  analyzerCode(
    'SERVICE-PORT-NAME',
    'Service port name gives no protocol',
    'Istio takes a Service port protocol from appProtocol, else from the port name (http, http-web, grpc, tcp-db, ...). A port with neither is sniffed, which delays server-first protocols and can misroute. UDP ports and the well-known ports 25, 53, 3306 and 27017 are exempt.',
    'Name the port <protocol>[-suffix] (e.g. http-api, tcp-db) or set appProtocol.',
    ['IST0118'],
    'info',
  ),
  analyzerCode(
    'EXTERNALNAME-PORT-NAME',
    'ExternalName Service port name breaks TCP forwarding',
    'For an ExternalName Service, a port named plain "tcp", or one whose name gives no protocol, makes the proxy handle it in a way that can stop TCP traffic to the external name from being forwarded.',
    'Name the port with a protocol and a suffix (tcp-db, http-api) or set appProtocol.',
    ['IST0150'],
  ),
];
