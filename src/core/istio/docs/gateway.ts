/** Docs and limits for Gateway fields (ISTIO.md §1.6, §2.5, §4.3). */
import { LISTENER_PORT, serverTlsDocs } from './shared';
import type { FieldDocTable } from './types';

/** Gateway field docs, keyed by spec-relative path suffix. */
export const gatewayDocs: FieldDocTable = {
  selector: {
    help: 'Labels of the gateway pods that get these servers, e.g. istio: egressgateway (any namespace).',
  },
  servers: { help: 'Listeners on the gateway pods: port, hosts and TLS; at least one is required.' },
  'servers.name': { help: 'Optional server name, used for example as a stats prefix.' },
  hosts: {
    help: "Hosts served, as [namespace/]host; the namespace picks which VirtualServices may bind ('*/' if omitted).",
  },
  bind: { help: 'Listen only on this IP or unix:// socket instead of every address.' },
  defaultEndpoint: {
    help: 'Hidden setting: local address or unix socket traffic is forwarded to by default.',
  },
  port: { help: 'Port the server listens on, with a protocol and a name unique in this Gateway.' },
  'port.number': {
    help: 'Port the clients reach; the listener binds the matching Service targetPort. 0 only with a unix bind.',
    ...LISTENER_PORT,
  },
  'port.name': { help: 'Port name; must be unique across the servers of this Gateway.' },
  'port.protocol': {
    help: 'Required; the ServiceEntry protocol names (HTTP, HTTPS, TLS, TCP, ...). HTTPS and TLS need a tls block.',
  },
  'port.targetPort': {
    help: 'Not used by Gateways; setting it is an error.',
    deprecated: 'Remove it; the listener port comes from the gateway Service.',
  },
  ...serverTlsDocs,
};
