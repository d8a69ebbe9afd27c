import type { CodeInfo } from '../types';
import { admissionCode } from './define';

/** Admission rules for ServiceEntry (ISTIO.md §2.1). */
export const serviceEntryCodes: CodeInfo[] = [
  admissionCode(
    'SE-01',
    'ServiceEntry without hosts',
    'A ServiceEntry registers hosts; with none it registers nothing.',
    'Add at least one host, e.g. api.example.com.',
  ),
  admissionCode(
    'SE-02',
    'Host is the bare wildcard',
    'A ServiceEntry cannot register every host with "*".',
    'Use a scoped wildcard such as "*.example.com", or set the mesh to ALLOW_ANY.',
  ),
  admissionCode(
    'SE-03',
    'Wildcard outside the first label',
    'A "*" may only lead the first label of a host.',
    'Write the host as "*.example.com".',
  ),
  admissionCode(
    'SE-04',
    'Partial wildcard host',
    'A host like "*example.com" is accepted with a warning and matches less than it seems.',
    'Use "*.example.com" and list "example.com" separately.',
    'warning',
  ),
  admissionCode(
    'SE-05',
    'Host is an IP address',
    'ServiceEntry hosts are DNS names; an IP fails the name check.',
    'Put the IP in addresses or endpoints and give the service a name.',
  ),
  admissionCode(
    'SE-06',
    'Wildcard host with DNS resolution',
    'With DNS resolution and no endpoints there is no name to resolve for a wildcard.',
    'Use resolution NONE for wildcards, add endpoints, or use DYNAMIC_DNS (1.28+).',
  ),
  admissionCode(
    'SE-07',
    'DNS_ROUND_ROBIN with several endpoints',
    'DNS_ROUND_ROBIN connects to one name; it allows at most one endpoint.',
    'Use resolution DNS for several endpoints.',
  ),
  admissionCode(
    'SE-08',
    'Endpoints with NONE resolution',
    'NONE (the default when resolution is omitted) forwards to the original IP and takes no endpoints.',
    'Set resolution STATIC for IP endpoints or DNS for names.',
  ),
  admissionCode(
    'SE-09',
    'CIDR address with DNS resolution',
    'CIDR ranges only make sense when Envoy does not resolve the host.',
    'Use resolution NONE or STATIC, or a single IP.',
  ),
  admissionCode(
    'SE-10',
    'Invalid address',
    'addresses holds IPs or CIDR blocks of at most 64 characters.',
    'Write an IP such as 203.0.113.7 or a CIDR, or remove the entry.',
  ),
  admissionCode(
    'SE-11',
    'STATIC endpoint is not an IP',
    'With STATIC resolution Envoy does not resolve names, so each endpoint must be an IP or unix socket.',
    'Use resolution DNS for host names, or give the IP.',
  ),
  admissionCode(
    'SE-12',
    'DNS endpoint is not a name or IP',
    'With DNS resolution each endpoint must be an FQDN or an IP; wildcards and unix sockets are refused.',
    'Use an FQDN, or STATIC resolution for a unix socket.',
  ),
  admissionCode(
    'SE-13',
    'Endpoint port name not declared',
    'Keys of endpoints[].ports must be names of the ServiceEntry ports.',
    'Rename the key to one of the declared port names.',
  ),
  admissionCode(
    'SE-14',
    'Duplicate port number',
    'Each port number may appear once in a ServiceEntry.',
    'Keep one entry per port number.',
  ),
  admissionCode(
    'SE-15',
    'Duplicate port name',
    'Port names are the list key and must be unique.',
    'Give each port its own name, e.g. http and https.',
  ),
  admissionCode(
    'SE-16',
    'Invalid port name',
    'Port names are DNS-1123 labels: letters, digits and "-", at most 63 characters.',
    "Replace '_' and other characters with '-'.",
  ),
  admissionCode(
    'SE-17',
    'Unsupported protocol',
    'Istio knows HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, TCP, TLS, MONGO, REDIS, MYSQL, UDP and HTTP_PROXY.',
    'Use TLS for SNI pass-through, HTTPS, or another listed protocol.',
  ),
  admissionCode(
    'SE-18',
    'Port out of range',
    'Port numbers are 1 to 65535.',
    'Use a port between 1 and 65535.',
  ),
  admissionCode(
    'SE-19',
    'Several hosts with a non-HTTP, non-TLS port',
    'A plain TCP port cannot tell several resolved hosts apart.',
    'Use one ServiceEntry per host, or protocol TLS when the traffic carries SNI.',
  ),
  admissionCode(
    'SE-20',
    'TCP port without addresses',
    'Without addresses and without IP auto-allocation, a TCP port listens for every destination IP.',
    'Add addresses, or use DNS resolution so Istio allocates a VIP.',
    'warning',
  ),
  admissionCode(
    'SE-21',
    'workloadSelector with endpoints',
    'A ServiceEntry selects workloads or lists endpoints, not both.',
    'Keep only one of the two.',
  ),
  admissionCode(
    'SE-22',
    'Endpoint without address',
    'Each endpoint needs an address unless it names a network.',
    'Add address: <ip or name>.',
  ),
  admissionCode(
    'SE-23',
    'Invalid unix socket endpoint',
    'A unix socket endpoint is an absolute path or abstract socket, without ports, on a ServiceEntry with exactly one port.',
    'Fix the socket path and keep a single port.',
  ),
  admissionCode(
    'SE-24',
    'Invalid DYNAMIC_DNS ServiceEntry',
    'DYNAMIC_DNS needs wildcard hosts, no addresses or endpoints, and only HTTP, TLS, GRPC or HTTP2 ports.',
    'Use wildcard hosts and a TLS or HTTP port, and drop addresses and endpoints.',
  ),
  admissionCode(
    'SE-25',
    'Questionable ServiceEntry selector or address',
    'The cluster accepts this, but it does not do what it seems to.',
    'Follow the advice in the message.',
    'warning',
  ),
];
