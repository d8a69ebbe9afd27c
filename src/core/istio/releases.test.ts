import { describe, expect, it } from 'vitest';

import { structure } from './generated/structure';
import { NETWORKING_KINDS, NETWORKING_VERSIONS } from './kinds';
import {
  inRelease,
  isIstioVersion,
  ISTIO_VERSIONS,
  LATEST_ISTIO_VERSION,
  limitsAt,
  narrowSpan,
  OLDEST_ISTIO_VERSION,
  releaseAtLeast,
  releaseGap,
} from './releases';

describe('the supported Istio releases', () => {
  it('run from 1.22 (the first to serve networking.istio.io/v1) to the newest, every minor release', () => {
    expect(OLDEST_ISTIO_VERSION).toBe('1.22');
    expect(LATEST_ISTIO_VERSION).toBe('1.31');
    expect(ISTIO_VERSIONS).toEqual(Array.from({ length: 10 }, (_, i) => `1.${22 + i}`));
  });

  it('knows which names are supported releases', () => {
    expect(isIstioVersion('1.30')).toBe(true);
    expect(isIstioVersion('1.21')).toBe(false);
    expect(isIstioVersion('1.3')).toBe(false);
    expect(isIstioVersion(1.3)).toBe(false);
  });

  it('places a release within a span, open ends meaning every release', () => {
    expect(inRelease(undefined, '1.22')).toBe(true);
    expect(inRelease({ since: '1.24' }, '1.23')).toBe(false);
    expect(inRelease({ since: '1.24' }, '1.24')).toBe(true);
    expect(inRelease({ until: '1.25' }, '1.26')).toBe(false);
    expect(releaseAtLeast('1.31', '1.30')).toBe(true);
    expect(releaseAtLeast('1.29', '1.30')).toBe(false);
    expect(() => inRelease({}, '1.21')).toThrow('unsupported Istio release 1.21');
  });

  it('narrows a field within its parent, and says why a release lacks something', () => {
    expect(narrowSpan({ since: '1.24' }, { since: '1.28', until: '1.30' })).toEqual({
      since: '1.28',
      until: '1.30',
    });
    expect(narrowSpan({ since: '1.28' }, { since: '1.24' })).toEqual({ since: '1.28' });
    expect(releaseGap({ since: '1.31' }, '1.30')).toBe('added in Istio 1.31; this design targets Istio 1.30');
    expect(releaseGap({ until: '1.25' }, '1.26')).toBe(
      'removed after Istio 1.25; this design targets Istio 1.26',
    );
    expect(releaseGap({ since: '1.31' }, '1.31')).toBeUndefined();
  });

  it('gives the size limits of the release asked for', () => {
    const limits = { maxItems: 256, older: [{ until: '1.23' }, { until: '1.26', maxItems: 100 }] };
    expect(limitsAt(limits, '1.22').maxItems).toBeUndefined();
    expect(limitsAt(limits, '1.23').maxItems).toBeUndefined();
    expect(limitsAt(limits, '1.24').maxItems).toBe(100);
    expect(limitsAt(limits, '1.27').maxItems).toBe(256);
  });
});

describe('the generated structure', () => {
  it('covers the networking kinds, each served at the versions we know', () => {
    expect(Object.keys(structure.kinds).sort()).toEqual([...NETWORKING_KINDS].sort());
    for (const kind of NETWORKING_KINDS) {
      expect(Object.keys(structure.kinds[kind]!.served).sort(), kind).toEqual(
        [...NETWORKING_VERSIONS].sort(),
      );
    }
  });

  it('records what newer releases added, as their CRDs and MeshConfig have it', () => {
    const mesh = structure.mesh;
    expect(mesh.modes['ALLOW_ANY_DYNAMIC_DNS']).toEqual({ since: '1.30' });
    expect(mesh.outboundTrafficPolicy['tls']).toEqual({ since: '1.30' });
    expect(mesh.fields['zoneAwareLbSetting']).toEqual({ since: '1.31' });
    // MeshConfig's outbound policy has no egressProxy (that is the Sidecar's).
    expect(Object.keys(mesh.outboundTrafficPolicy)).toEqual(['mode', 'tls']);
  });
});
