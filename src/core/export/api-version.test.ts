import { describe, expect, it } from 'vitest';

import sample from '../../templates/sample-payments.yaml?raw';
import { source } from '../analysis/testing';
import { parseBundle } from '../bundle';
import { withNetworkingVersion } from './api-version';

/** The lines that differ between two texts of the same line count. */
function changedLines(before: string, after: string): { before: string; after: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [{ before: line, after: b[i]! }]));
}

describe('withNetworkingVersion', () => {
  it('rewrites only the apiVersion lines of networking.istio.io resources', () => {
    const result = withNetworkingVersion(sample, 'v1beta1');
    const changes = changedLines(sample, result.text);
    expect(changes).toHaveLength(7);
    for (const change of changes) {
      expect(change.before).toBe('apiVersion: networking.istio.io/v1');
      expect(change.after).toBe('apiVersion: networking.istio.io/v1beta1');
    }
    expect(result.changed).toHaveLength(7);
    expect(result.unchanged).toEqual([]);
    expect(result.text).toContain('apiVersion: install.istio.io/v1alpha1');
  });

  it('is a no-op at the version already written', () => {
    const result = withNetworkingVersion(sample, 'v1');
    expect(result).toEqual({ text: sample, changed: [], unchanged: [] });
  });

  it('goes back and forth to the same text', () => {
    const there = withNetworkingVersion(sample, 'v1beta1').text;
    expect(withNetworkingVersion(there, 'v1').text).toBe(sample);
  });

  it('keeps quotes, comments, other groups, List items and JSON in place', () => {
    const text = source`
      apiVersion: "networking.istio.io/v1alpha3" # quoted
      kind: ServiceEntry
      metadata: { name: a }
      ---
      apiVersion: security.istio.io/v1beta1
      kind: PeerAuthentication
      metadata: { name: b }
      ---
      apiVersion: v1
      kind: List
      items:
        - kind: Gateway
          apiVersion: 'networking.istio.io/v1beta1'
          metadata: { name: c }
      ---
      {"apiVersion": "networking.istio.io/v1beta1", "kind": "Sidecar", "metadata": {"name": "d"}}
    `;
    const result = withNetworkingVersion(text, 'v1');
    expect(result.text).toBe(
      text
        .replace('"networking.istio.io/v1alpha3"', '"networking.istio.io/v1"')
        .replace("'networking.istio.io/v1beta1'", "'networking.istio.io/v1'")
        .replace('"networking.istio.io/v1beta1"', '"networking.istio.io/v1"'),
    );
    expect(result.changed).toEqual(['ServiceEntry/default/a', 'Gateway/default/c', 'Sidecar/default/d']);
  });

  it('leaves kinds the chosen version does not serve, and reports them', () => {
    const text = source`
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata:
        name: lua
        namespace: istio-system
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: ProxyConfig
      metadata:
        name: pc
        namespace: istio-system
    `;
    expect(withNetworkingVersion(text, 'v1')).toEqual({
      text,
      changed: [],
      unchanged: ['EnvoyFilter/istio-system/lua', 'ProxyConfig/istio-system/pc'],
    });
    expect(withNetworkingVersion(text, 'v1beta1').unchanged).toEqual(['EnvoyFilter/istio-system/lua']);
  });

  it('accepts a parsed bundle', () => {
    expect(withNetworkingVersion(parseBundle(sample), 'v1beta1').text).toBe(
      withNetworkingVersion(sample, 'v1beta1').text,
    );
  });
});
