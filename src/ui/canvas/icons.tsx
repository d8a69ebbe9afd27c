/**
 * Small line icons for what happens on an edge. Each is drawn on a 12×12 grid in the current text
 * colour, and always sits next to its meaning in words (the tooltip and the edge's accessible name).
 */
import type { ReactNode } from 'react';

import type { TlsBehaviour } from '../../core';

function Icon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <span className="edge-icon" title={title}>
      <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" fill="none" stroke="currentColor">
        {children}
      </svg>
    </span>
  );
}

const LOCK = (
  <>
    <rect x="2.5" y="5.5" width="7" height="5" rx="1" />
    <path d="M4 5.5V4a2 2 0 0 1 4 0v1.5" />
  </>
);

/** The icon for each way TLS is handled; plain and unknown traffic has none. */
export function TlsIcon({ tls }: { tls: TlsBehaviour | undefined }) {
  switch (tls) {
    case 'origination':
      return <Icon title="TLS origination: the sidecar or gateway encrypts">{LOCK}</Icon>;
    case 'pass-through':
      return (
        <Icon title="TLS pass-through: the application's own TLS, untouched">
          <path d="M1 6h9M7.5 3.5 10 6 7.5 8.5M3.5 2v8" />
        </Icon>
      );
    case 'mutual':
      return (
        <Icon title="Mutual TLS with client certificates">
          <path d="M6 1 10.5 3v3c0 2.5-2 4.3-4.5 5C3.5 10.3 1.5 8.5 1.5 6V3Z" />
          <path d="M4 6l1.5 1.5L8.5 4.5" />
        </Icon>
      );
    case 'istio-mutual':
      return (
        <Icon title="Istio mutual TLS (mesh certificates)">
          <path d="M6 1 10.5 3v3c0 2.5-2 4.3-4.5 5C3.5 10.3 1.5 8.5 1.5 6V3Z" />
        </Icon>
      );
    case 'double':
      return (
        <Icon title="TLS inside TLS: the application already encrypts, so this breaks">
          <path d="M6 1.5 11 10.5H1Z" />
          <path d="M6 5v2.5M6 8.8v.2" />
        </Icon>
      );
    default:
      return null;
  }
}

export function TimeoutIcon({ timeout }: { timeout: string }) {
  return (
    <Icon title={`Timeout ${timeout}`}>
      <circle cx="6" cy="6" r="4.5" />
      <path d="M6 3.5V6l1.8 1.2" />
    </Icon>
  );
}

export function RetriesIcon({ retries }: { retries: number }) {
  return (
    <Icon title={`${retries} retries`}>
      <path d="M10 6a4 4 0 1 1-1.2-2.8" />
      <path d="M9.2 1.2v2.4H6.8" />
    </Icon>
  );
}

export function BreakerIcon() {
  return (
    <Icon title="Circuit breaker (outlier detection)">
      <path d="M7 1 3 6.5h3L5 11l4-5.5H6Z" />
    </Icon>
  );
}
