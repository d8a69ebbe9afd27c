import { describe, expect, it } from 'vitest';

import sample from '../../templates/sample-payments.yaml?raw';
import allowAny from '../../templates/scenarios/allow-any.yaml?raw';
import { source } from '../analysis/testing';
import { parseBundle } from '../bundle';
import { setOutboundTrafficMode } from '../istio/mesh-edit';
import { KUSTOMIZATION_PATH } from './files';
import {
  exportFiles,
  MESH_HELM_VALUES_PATH,
  MESH_OVERLAY_PATH,
  MESH_README_PATH,
  separateMeshSettings,
} from './mesh-settings';

/** The kinds of the resources a text holds, as kubectl would read them. */
const kindsOf = (text: string) => parseBundle(text).resources.map((r) => r.kind);

/** The paths a split export's kustomization.yaml lists. */
function listed(files: { path: string; text: string }[]): string[] {
  const kustomization = files.find((f) => f.path === KUSTOMIZATION_PATH)!;
  return (parseBundle(kustomization.text).resources[0]!.value as { resources: string[] }).resources;
}

describe('separateMeshSettings', () => {
  it('takes the IstioOperator that setting the policy adds to a blank design out of the kubectl bundle', () => {
    const set = setOutboundTrafficMode(parseBundle(''), 'REGISTRY_ONLY');
    const separated = separateMeshSettings(parseBundle(set.ok ? set.text : ''));
    expect(kindsOf(separated.bundle.text)).toEqual([]);
    expect(separated.mesh?.meshConfig).toEqual({ outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } });
    const files = exportFiles(separated);
    expect(listed(files)).toEqual([]);
    expect(files.map((f) => f.path).sort()).toEqual(
      [KUSTOMIZATION_PATH, MESH_HELM_VALUES_PATH, MESH_OVERLAY_PATH, MESH_README_PATH].sort(),
    );
  });

  it('never exports the istio ConfigMap: its mesh config comes back as an overlay, Helm values and a command', () => {
    const separated = separateMeshSettings(parseBundle(allowAny));
    expect(kindsOf(separated.bundle.text)).not.toContain('ConfigMap');
    expect(separated.bundle.text).not.toContain('outboundTrafficPolicy');
    const mesh = separated.mesh!;
    expect(mesh.sources).toEqual(['ConfigMap/istio-system/istio']);
    expect(parseBundle(mesh.istioOperator).resources[0]!.value).toEqual({
      apiVersion: 'install.istio.io/v1alpha1',
      kind: 'IstioOperator',
      spec: { meshConfig: { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } } },
    });
    expect(mesh.helmValues).toBe('meshConfig:\n  outboundTrafficPolicy:\n    mode: ALLOW_ANY\n');
    expect(mesh.setCommand).toBe('istioctl install --set meshConfig.outboundTrafficPolicy.mode=ALLOW_ANY');
    expect(mesh.explanation).toContain('would replace the whole live mesh config');
    // Every file of the split export is listed, except the mesh settings.
    const files = exportFiles(separated);
    const mine = [MESH_OVERLAY_PATH, MESH_HELM_VALUES_PATH, MESH_README_PATH];
    expect(listed(files).sort()).toEqual(
      files
        .map((f) => f.path)
        .filter((p) => p !== KUSTOMIZATION_PATH && !mine.includes(p))
        .sort(),
    );
    for (const path of mine) expect(listed(files)).not.toContain(path);
  });

  it('leaves every other document of the design exactly as written', () => {
    const separated = separateMeshSettings(parseBundle(sample));
    const operator = parseBundle(sample).resources.find((r) => r.kind === 'IstioOperator')!;
    const { start, end } = operator.document;
    const next = parseBundle(sample).documents[1]!.parsed.text.match(/^---[ \t]*\n/)?.[0].length ?? 0;
    expect(separated.bundle.text).toBe(sample.slice(0, start) + sample.slice(end + next));
    expect(separated.mesh?.sources).toEqual(['IstioOperator/istio-system/mesh-egress-policy']);
  });

  it('gives back a design without mesh settings unchanged', () => {
    const bundle = parseBundle('apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n');
    expect(separateMeshSettings(bundle)).toEqual({ bundle, mesh: undefined });
  });

  it('merges several sources in order, keeps the IstioOperator spec in the overlay and drops Helm values and bare MeshConfig', () => {
    const text = source`
      apiVersion: install.istio.io/v1alpha1
      kind: IstioOperator
      metadata: {name: install, namespace: istio-system}
      spec:
        profile: minimal
        meshConfig:
          accessLogFile: /dev/stdout
          outboundTrafficPolicy: {mode: ALLOW_ANY}
      ---
      meshConfig:
        outboundTrafficPolicy:
          mode: REGISTRY_ONLY
      ---
      extensionProviders:
        - name: otel
          opentelemetry: {service: otel.observability.svc.cluster.local, port: 4317}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop}
    `;
    const separated = separateMeshSettings(parseBundle(text));
    expect(kindsOf(separated.bundle.text)).toEqual(['Namespace']);
    const mesh = separated.mesh!;
    expect(mesh.meshConfig).toEqual({
      accessLogFile: '/dev/stdout',
      outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
      extensionProviders: [
        { name: 'otel', opentelemetry: { service: 'otel.observability.svc.cluster.local', port: 4317 } },
      ],
    });
    expect(parseBundle(mesh.istioOperator).resources[0]!.value).toMatchObject({
      spec: { profile: 'minimal', meshConfig: mesh.meshConfig },
    });
    // A list and a profile are more than --set flags say safely: the files are the way.
    expect(mesh.setCommand).toBeUndefined();
    expect(mesh.explanation).toContain('IstioOperator overlay');
  });

  it('writes a --set flag per setting, quoted for the shell where a value needs it', () => {
    const text = source`
      meshConfig:
        accessLogFormat: "[%START_TIME%] %REQ(:METHOD)%"
    `;
    expect(separateMeshSettings(parseBundle(text)).mesh?.setCommand).toBeUndefined();
    const plain = separateMeshSettings(
      parseBundle('meshConfig:\n  accessLogFile: /dev/stdout\n  enableTracing: true\n'),
    );
    expect(plain.mesh?.setCommand).toBe(
      'istioctl install --set meshConfig.accessLogFile=/dev/stdout --set meshConfig.enableTracing=true',
    );
    const spaced = separateMeshSettings(parseBundle('meshConfig:\n  accessLogEncoding: "TEXT $HOME"\n'));
    expect(spaced.mesh?.setCommand).toBe(`istioctl install --set 'meshConfig.accessLogEncoding=TEXT $HOME'`);
  });

  it('keeps a key named __proto__ a key when merging', () => {
    const text = 'meshConfig:\n  __proto__: {polluted: true}\n---\nmeshConfig:\n  __proto__: {also: 1}\n';
    const { mesh } = separateMeshSettings(parseBundle(text));
    expect(mesh?.helmValues).toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(mesh!.meshConfig)).toBe(Object.prototype);
  });
});
