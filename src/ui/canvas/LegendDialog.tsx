import { Modal } from '../shared/Modal';
import { edgeClassName } from './drawing';
import { BreakerIcon, RetriesIcon, TimeoutIcon, TlsIcon } from './icons';

/** The edge styles, as the canvas draws them (the same classes), and what each means. */
const LINES = [
  { className: edgeClassName({ kind: 'direct' }), words: 'Direct: the sidecar calls the external service' },
  { className: edgeClassName({ kind: 'to-gateway' }), words: 'To or via the egress gateway (two hops)' },
  { className: edgeClassName({ kind: 'blocked' }), words: 'Blocked: the request does not leave' },
  {
    className: edgeClassName({ kind: 'passthrough' }),
    words: 'Passthrough: leaves unmanaged, with no routing, TLS or policy',
  },
  { className: edgeClassName({ kind: 'direct', tls: 'double' }), words: 'Broken: TLS inside TLS' },
  { className: edgeClassName({ kind: 'workload' }), words: 'A workload hands its traffic to its sidecar' },
];

/** The icons on edge labels (each also says its meaning on hover), and what each means. */
const ICONS = [
  { icon: <TlsIcon tls="origination" />, words: 'Lock: TLS origination (the proxy encrypts)' },
  { icon: <TlsIcon tls="pass-through" />, words: "Arrow: TLS pass-through (the application's own TLS)" },
  { icon: <TlsIcon tls="mutual" />, words: 'Shield with a tick: mutual TLS with a client certificate' },
  { icon: <TlsIcon tls="istio-mutual" />, words: 'Shield: Istio mutual TLS (mesh certificates)' },
  { icon: <TlsIcon tls="double" />, words: 'Warning: TLS inside TLS, which breaks the call' },
  { icon: <TimeoutIcon timeout="" />, words: 'Clock: a timeout, with its duration' },
  { icon: <RetriesIcon retries={0} />, words: 'Circling arrow: retries, with their number' },
  { icon: <BreakerIcon />, words: 'Bolt: a circuit breaker (outlier detection)' },
];

/** What the edges' styles and icons mean: loaded when the legend is first opened. */
export function LegendDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Legend" onClose={onClose} className="legend">
      <h3>Edges</h3>
      <ul>
        {LINES.map(({ className, words }) => (
          <li key={words}>
            <svg className="egress-edges legend-line" viewBox="0 0 40 12" aria-hidden="true">
              <path className={className} d="M0,6 L40,6" />
            </svg>
            {words}
          </li>
        ))}
      </ul>
      <h3>Icons on edge labels</h3>
      <ul>
        {ICONS.map(({ icon, words }) => (
          <li key={words}>
            <span className="legend-icon" aria-hidden="true">
              {icon}
            </span>
            {words}
          </li>
        ))}
      </ul>
      <p className="muted">
        Each label stands for every hop between its two nodes; select it, or click a line (a line without a
        label too), to see them in the inspector. A node's connections there select each hop by keyboard.
      </p>
      <p className="muted">
        The path runs left to right when the whole of it fits the pane at a readable size, else top to bottom;
        the arrow button beside the zoom turns it, and Auto-layout gives the choice back.
      </p>
    </Modal>
  );
}
