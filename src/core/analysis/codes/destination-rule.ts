import type { CodeInfo } from '../types';
import { admissionCode } from './define';

/** Admission rules for DestinationRule (ISTIO.md §2.3). */
export const destinationRuleCodes: CodeInfo[] = [
  admissionCode(
    'DR-01',
    'Invalid DestinationRule host',
    'host names a service from the registry: a DNS name, optionally with a leading wildcard, or "*". An IP address is not a service name.',
    'Use the host of the ServiceEntry or Service, e.g. api.example.com.',
  ),
  admissionCode(
    'DR-02',
    'Empty traffic policy',
    'A trafficPolicy block, at the top or in a subset, must set something; an empty one is rejected.',
    'Remove the empty trafficPolicy or fill it in.',
  ),
  admissionCode(
    'DR-03',
    'Incomplete port-level setting',
    'Each portLevelSettings entry names a port and overrides at least one of loadBalancer, connectionPool, outlierDetection or tls.',
    'Add port: {number: …} and the settings for that port, or remove the entry.',
  ),
  admissionCode(
    'DR-04',
    'Empty connection pool',
    'A connectionPool block must configure tcp, http or both.',
    'Add e.g. tcp: {maxConnections: 100}, or remove connectionPool.',
  ),
  admissionCode(
    'DR-05',
    'Negative connection-pool limit',
    'Connection-pool counts are limits; the webhook rejects negative values even though the schema allows them.',
    'Use 0 or a positive number.',
  ),
  admissionCode(
    'DR-06',
    'Duration too short or too precise',
    'DestinationRule durations must be at least 1ms and a whole number of milliseconds; only tcp.idleTimeout may be 0s.',
    'Use a value such as 5s or 100ms.',
  ),
  admissionCode(
    'DR-07',
    'Percentage out of range',
    'maxEjectionPercent and minHealthPercent are percentages between 0 and 100.',
    'Pick a value from 0 to 100.',
  ),
  admissionCode(
    'DR-08',
    'Local-origin failures without split errors',
    'consecutiveLocalOriginFailures only counts when local-origin errors are tracked separately.',
    'Add splitExternalLocalOriginErrors: true, or drop consecutiveLocalOriginFailures.',
  ),
  admissionCode(
    'DR-09',
    'Deprecated consecutiveErrors',
    'outlierDetection.consecutiveErrors is accepted with a warning; it is superseded by more specific counters.',
    'Use consecutive5xxErrors or consecutiveGatewayErrors instead.',
    'warning',
  ),
  admissionCode(
    'DR-10',
    'MUTUAL TLS without client certificate',
    'Without credentialName, MUTUAL origination reads the client certificate and key from files, so both must be named.',
    'Add clientCertificate and privateKey, or use credentialName.',
  ),
  admissionCode(
    'DR-11',
    'Certificate files together with credentialName',
    'With credentialName the certificates and CRL come from the credential; file paths next to it are rejected.',
    'Remove clientCertificate, privateKey, caCertificates and caCrl, or drop credentialName.',
  ),
  admissionCode(
    'DR-12',
    'insecureSkipVerify with verification material',
    'Skipping verification contradicts naming a CA or expected SANs for the upstream certificate.',
    'Remove insecureSkipVerify, or remove the CA / subjectAltNames.',
  ),
  admissionCode(
    'DR-13',
    'configmap:// credential in another namespace',
    'A DestinationRule may only read a CA ConfigMap from its own namespace.',
    'Put the ConfigMap in the DestinationRule namespace and reference it there.',
  ),
  admissionCode(
    'DR-14',
    'Invalid subset',
    'Subsets need unique DNS-label names, and their labels must be valid Kubernetes label keys and values.',
    'Give each subset a distinct name such as v1 and fix the labels.',
  ),
  admissionCode(
    'DR-15',
    'H2 upgrade with client protocol',
    'UPGRADE forces HTTP/2 upstream while useClientProtocol keeps the downstream protocol; they contradict.',
    'Drop h2UpgradePolicy: UPGRADE or useClientProtocol: true.',
  ),
  admissionCode(
    'DR-16',
    'Invalid load balancer',
    'A load balancer is either simple or consistentHash, and a consistent hash uses one key and one algorithm; maglev needs a prime table size below 5000011.',
    'Keep one of simple or consistentHash, one hash key, and a prime tableSize such as 65537.',
    'error',
    'cel',
  ),
  admissionCode(
    'DR-17',
    'Invalid tunnel settings',
    'A tunnel needs a CONNECT or POST method, a valid target host (FQDN or IP) and port, and cannot be combined with proxyProtocol.',
    'Use protocol CONNECT, a proxy host and port, and drop proxyProtocol.',
  ),
  admissionCode(
    'DR-18',
    'Invalid warmup',
    'warmup.minimumPercent is at most 100; aggression is at least 1 up to Istio 1.30 and above 0 from 1.31.',
    'Use minimumPercent between 0 and 100, and an aggression the targeted release accepts (1 works in all).',
  ),
  admissionCode(
    'DR-19',
    'Invalid locality load balancing',
    'Locality settings use either distribute or failover; distribute weights are 1..100 and add up to 100; failover goes between two different regions.',
    'Fix the weights or regions; pair failover with outlierDetection so unhealthy endpoints are ejected.',
  ),
  admissionCode(
    'DR-20',
    'HTTP/2 keepalive without interval or timeout',
    'connectionPool.http.http2KeepAlive (Istio 1.31) needs both the PING interval and the time to wait for its answer.',
    'Set interval and timeout, e.g. interval: 30s and timeout: 5s.',
  ),
  admissionCode(
    'DR-21',
    'Invalid zone-aware load balancing',
    'zoneAwareLbSetting (Istio 1.31) excludes localityLbSetting; Envoy handles regions, zones and subzones itself, so failoverPriority may not name those labels and failover goes between two regions.',
    'Keep one of localityLbSetting and zoneAwareLbSetting, list only other labels in failoverPriority, and pair failover with outlierDetection.',
  ),
];
