import { describe, expect, it } from 'vitest';

import { findMeshConfig, meshAllocatesAddresses } from './mesh';

const bare = (value: Record<string, unknown>) => findMeshConfig({ group: '', kind: '', name: '', value });

describe('findMeshConfig', () => {
  it('reads a bare MeshConfig with only proxy defaults, as istioctl --meshConfigFile does', () => {
    const value = { defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true' } } };
    expect(bare(value)).toEqual({ config: value, path: [], embeddedText: false, form: 'MeshConfig' });
  });

  it('reads a bare MeshConfig with an outbound policy, whatever else it holds', () => {
    expect(bare({ outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' }, typo: 1 })?.form).toBe('MeshConfig');
  });

  it('leaves other kind-less documents alone', () => {
    expect(bare({ defaultConfig: {}, hosts: ['a.example.com'] })).toBeUndefined();
    expect(bare({})).toBeUndefined();
  });
});

describe('meshAllocatesAddresses', () => {
  const config = (proxyMetadata: Record<string, unknown>) => ({ defaultConfig: { proxyMetadata } });

  it('needs DNS capture and one of the allocation switches', () => {
    expect(meshAllocatesAddresses(config({ ISTIO_META_DNS_CAPTURE: 'true' }))).toBe(false);
    expect(
      meshAllocatesAddresses(
        config({ ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' }),
      ),
    ).toBe(true);
    expect(
      meshAllocatesAddresses(
        config({ ISTIO_META_DNS_CAPTURE: 'true', PILOT_ENABLE_IP_AUTOALLOCATE: 'true' }),
      ),
    ).toBe(true);
    expect(meshAllocatesAddresses(config({ ISTIO_META_DNS_AUTO_ALLOCATE: 'true' }))).toBe(false);
    expect(meshAllocatesAddresses({})).toBe(false);
  });
});
