import { describe, expect, it } from 'vitest';

import { parseBundle } from '../bundle';
import { buildModel } from './model';
import { setOutboundTrafficMode } from './mesh-edit';

function modeAfter(text: string, mode: 'ALLOW_ANY' | 'REGISTRY_ONLY'): { text: string; mode: string } {
  const result = setOutboundTrafficMode(parseBundle(text), mode);
  if (!result.ok) throw new Error(result.error);
  return { text: result.text, mode: buildModel(parseBundle(result.text)).meshMode };
}

describe('setOutboundTrafficMode', () => {
  it('edits an IstioOperator in place, keeping its comments', () => {
    const text = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata: {name: mesh, namespace: istio-system}
spec:
  meshConfig:
    outboundTrafficPolicy:
      mode: ALLOW_ANY # for now
`;
    const after = modeAfter(text, 'REGISTRY_ONLY');
    expect(after.mode).toBe('REGISTRY_ONLY');
    expect(after.text).toBe(text.replace('ALLOW_ANY', 'REGISTRY_ONLY'));
  });

  it('edits the YAML embedded in the istio ConfigMap', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: istio, namespace: istio-system}
data:
  mesh: |-
    # mesh-wide defaults
    accessLogFile: /dev/stdout
`;
    const after = modeAfter(text, 'REGISTRY_ONLY');
    expect(after.mode).toBe('REGISTRY_ONLY');
    expect(after.text).toContain(
      '  mesh: |-\n    # mesh-wide defaults\n    accessLogFile: /dev/stdout\n    outboundTrafficPolicy:\n      mode: REGISTRY_ONLY',
    );
  });

  it('adds an IstioOperator overlay when the bundle has no mesh config', () => {
    const after = modeAfter('', 'REGISTRY_ONLY');
    expect(after.mode).toBe('REGISTRY_ONLY');
    expect(after.text).toContain('kind: IstioOperator');
  });
});
