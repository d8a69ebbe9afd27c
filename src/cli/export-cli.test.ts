import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseBundle } from '../core/bundle';
import { exportFiles, separateMeshSettings } from '../core/export';
import { runCli } from './main';

const sample = join(import.meta.dirname, '../templates/sample-payments.yaml');
const sampleText = readFileSync(sample, 'utf8');
const tempDir = () => mkdtempSync(join(tmpdir(), 'egress-export-'));

describe('egress-studio export --split', () => {
  it('writes the zip layout to DIR, creating folders, and prints each path written', () => {
    const out = join(tempDir(), 'out');
    const result = runCli(['export', '--split', out, sample]);
    expect(result.status).toBe(0);
    const expected = exportFiles(separateMeshSettings(parseBundle(sampleText)));
    expect(result.stdout).toBe(expected.map((f) => `${join(out, f.path)}\n`).join(''));
    for (const file of expected) expect(readFileSync(join(out, file.path), 'utf8')).toBe(file.text);
    expect(readFileSync(join(out, 'kustomization.yaml'), 'utf8')).toContain(
      '  - payments/service-entry-payment-gateway.yaml\n',
    );
  });

  it('rewrites networking.istio.io apiVersions with --api-version', () => {
    const out = tempDir();
    const result = runCli(['export', '--split', out, '--api-version', 'v1beta1', sample]);
    expect(result.status).toBe(0);
    const serviceEntry = readFileSync(join(out, 'payments/service-entry-payment-gateway.yaml'), 'utf8');
    expect(serviceEntry).toContain('apiVersion: networking.istio.io/v1beta1\n');
    expect(serviceEntry).toContain('# originates mutual TLS to port 443');
    const operator = readFileSync(join(out, 'mesh-config.istioctl.yaml'), 'utf8');
    expect(operator).toContain('apiVersion: install.istio.io/v1alpha1\n');
  });

  it('writes the mesh-wide settings apart, outside the kustomization, and says so on stderr', () => {
    const out = join(tempDir(), 'out');
    const result = runCli(['export', '--split', out, sample]);
    expect(existsSync(join(out, 'istio-system/istio-operator-mesh-egress-policy.yaml'))).toBe(false);
    const kustomization = readFileSync(join(out, 'kustomization.yaml'), 'utf8');
    expect(kustomization).not.toMatch(/istio-operator|mesh-config/);
    expect(readFileSync(join(out, 'mesh-config.istioctl.yaml'), 'utf8')).toContain(
      'kind: IstioOperator\nspec:\n  meshConfig:\n    outboundTrafficPolicy:\n      mode: REGISTRY_ONLY\n',
    );
    expect(readFileSync(join(out, 'mesh-config.helm-values.yaml'), 'utf8')).toContain(
      'meshConfig:\n  outboundTrafficPolicy:\n    mode: REGISTRY_ONLY\n',
    );
    expect(result.stdout).toContain(`${join(out, 'mesh-config.istioctl.yaml')}\n`);
    expect(result.stderr).toContain(
      'egress-studio: left the mesh-wide settings of IstioOperator/istio-system/mesh-egress-policy out of the kubectl bundle',
    );
    expect(result.stderr).toContain(
      `wrote them apart, outside kustomization.yaml: ${join(out, 'mesh-config.istioctl.yaml')} and ${join(out, 'mesh-config.helm-values.yaml')}`,
    );
    expect(result.stderr).toContain(
      `helm upgrade istiod istio/istiod -n istio-system --reuse-values -f ${join(out, 'mesh-config.helm-values.yaml')}`,
    );
  });

  it('never exports the istio ConfigMap of the ALLOW_ANY scenario to stdout either', () => {
    const allowAny = join(import.meta.dirname, '../templates/scenarios/allow-any.yaml');
    const result = runCli(['export', allowAny]);
    expect(result.status).toBe(0);
    expect(parseBundle(result.stdout).resources.map((r) => r.kind)).not.toContain('ConfigMap');
    expect(result.stdout).not.toContain('outboundTrafficPolicy');
    expect(result.stderr).toContain('left the mesh-wide settings of ConfigMap/istio-system/istio out');
    expect(result.stderr).toContain(
      'or run: istioctl install --set meshConfig.outboundTrafficPolicy.mode=ALLOW_ANY',
    );
  });

  it('says which resources keep their version', () => {
    const dir = tempDir();
    const input = join(dir, 'filter.yaml');
    writeFileSync(
      input,
      'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: lua\n  namespace: istio-system\nspec: {}\n',
    );
    const result = runCli(['export', '--split', join(dir, 'out'), '--api-version=v1', input]);
    expect(result.stderr).toContain(
      'kept the apiVersion of EnvoyFilter/istio-system/lua: its kind is not served at networking.istio.io/v1',
    );
    expect(readFileSync(join(dir, 'out/istio-system/envoy-filter-lua.yaml'), 'utf8')).toContain(
      'networking.istio.io/v1alpha3',
    );
  });

  it('still writes a bundle with errors, says so, and exits 1', () => {
    const dir = tempDir();
    const input = join(dir, 'broken.yaml');
    writeFileSync(
      input,
      'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec: {}\n---\n[oops\n',
    );
    const result = runCli(['export', '--split', join(dir, 'out'), input]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/the bundle has \d+ errors? .*exported anyway/);
    expect(existsSync(join(dir, 'out/default/service-entry-x.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'out/unparsed/document-2.yaml'), 'utf8')).toBe('[oops\n');
  });

  it('writes nothing and exits 2 when an input cannot be read', () => {
    const out = join(tempDir(), 'out');
    const result = runCli(['export', '--split', out, sample, join(tempDir(), 'missing.yaml')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot read .*missing\.yaml/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 when DIR cannot be written', () => {
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const result = runCli(['export', '--split', file, sample]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot write /);
  });

  it('rejects an unknown API version as a usage error', () => {
    const result = runCli(['export', '--split', tempDir(), '--api-version', 'v1alpha3', sample]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown API version "v1alpha3"');
  });

  it('prints the bundle as one YAML without --split', () => {
    const result = runCli(['export', '--api-version', 'v1beta1', sample]);
    expect(result.status).toBe(0);
    const withoutMesh = separateMeshSettings(parseBundle(sampleText)).bundle.text;
    expect(result.stdout).toBe(
      withoutMesh.replaceAll('networking.istio.io/v1\n', 'networking.istio.io/v1beta1\n'),
    );
  });
});

describe('egress-studio mermaid', () => {
  it('prints the flowchart of the bundle', () => {
    const result = runCli(['mermaid', sample]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^flowchart LR\n {4}subgraph cluster\["Kubernetes Cluster"\]\n/);
    expect(result.stdout).toContain(
      'external_api_payment_gateway_com["External service: api.payment-gateway.com"]',
    );
    expect(result.stdout).toContain(
      'sidecar_orders -->|"HTTP:80 · mTLS origination"| external_api_payment_gateway_com',
    );
  });

  it('reads stdin and exits 1 when the bundle has errors', () => {
    const result = runCli(
      ['mermaid', '-'],
      () => 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec: {}\n',
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^flowchart LR\n/);
  });

  it('exits 2 when a file cannot be read', () => {
    const result = runCli(['mermaid', join(tempDir(), 'missing.yaml')]);
    expect(result.status).toBe(2);
  });

  it('is listed in --help with export', () => {
    const { stdout } = runCli(['--help']);
    expect(stdout).toContain('  mermaid FILE...');
    expect(stdout).toContain('  export --split DIR [--api-version V] FILE...');
  });
});
