import { describe, expect, it } from 'vitest';

import { childFields, fieldInfo, fieldInRelease } from './catalogue';

describe('the field catalogue', () => {
  it('describes a field with its structure and our docs', () => {
    const info = fieldInfo('ServiceEntry', 'resolution')!;
    expect(info).toMatchObject({
      type: 'string',
      required: false,
      enum: ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'],
    });
    expect(info.doc?.default).toBe('NONE');
    expect(info.doc?.help.length).toBeGreaterThan(10);
  });

  it('addresses list items by index or by []', () => {
    expect(fieldInfo('ServiceEntry', 'ports[0].targetPort')?.doc?.help).toContain('port');
    expect(fieldInfo('ServiceEntry', 'spec.ports[].name')?.required).toBe(true);
  });

  it('finds deep fields, including ones shared by subsets and port-level settings', () => {
    expect(
      fieldInfo('DestinationRule', 'subsets[0].trafficPolicy.portLevelSettings[1].tls.mode')?.enum,
    ).toContain('MUTUAL');
    expect(fieldInfo('DestinationRule', 'trafficPolicy.connectionPool.tcp.idleTimeout')?.doc?.format).toBe(
      'duration-or-zero',
    );
    expect(fieldInfo('VirtualService', 'http[].timeout')?.doc?.format).toBe('duration');
  });

  it('lists the fields under an object or a list of objects', () => {
    expect(childFields('Gateway', 'servers').map((f) => f.name)).toEqual(
      expect.arrayContaining(['port', 'hosts', 'tls', 'bind']),
    );
    expect(childFields('Sidecar').map((f) => f.name)).toContain('outboundTrafficPolicy');
  });

  it('knows nothing about fields the CRD does not define', () => {
    expect(fieldInfo('ServiceEntry', 'resolutoin')).toBeUndefined();
    expect(fieldInfo('Pod', 'containers')).toBeUndefined();
  });

  it('knows the release that added a field, inherited by the fields below it', () => {
    expect(fieldInfo('DestinationRule', 'trafficPolicy.connectionPool.http.http2KeepAlive')?.since).toBe(
      '1.31',
    );
    expect(
      fieldInfo('DestinationRule', 'trafficPolicy.connectionPool.http.http2KeepAlive.interval')?.since,
    ).toBe('1.31');
    expect(fieldInfo('DestinationRule', 'subsets[0].trafficPolicy.loadBalancer.warmup')?.since).toBe('1.24');
    expect(fieldInfo('ServiceEntry', 'hosts')?.since).toBeUndefined();
  });

  it('offers the enum values of the target release, and tells when the others came', () => {
    expect(fieldInfo('ServiceEntry', 'resolution', '1.27')?.enum).toEqual([
      'NONE',
      'STATIC',
      'DNS',
      'DNS_ROUND_ROBIN',
    ]);
    expect(fieldInfo('ServiceEntry', 'resolution', '1.28')?.enum).toContain('DYNAMIC_DNS');
    expect(fieldInfo('ServiceEntry', 'resolution')?.enumSpans).toEqual({ DYNAMIC_DNS: { since: '1.28' } });
  });

  it('lists every field some release has, to be checked against the target', () => {
    const http = childFields('DestinationRule', 'trafficPolicy.connectionPool.http');
    const keepalive = http.find((f) => f.name === 'http2KeepAlive')!;
    expect(fieldInRelease(keepalive, '1.30')).toBe(false);
    expect(fieldInRelease(keepalive, '1.31')).toBe(true);
    expect(
      fieldInRelease(
        http.find((f) => f.name === 'maxRetries')!,
        '1.22',
      ),
    ).toBe(true);
  });

  it('carries the CRD string limits of the target release', () => {
    expect(fieldInfo('ServiceEntry', 'addresses')?.maxLength).toBe(64);
    expect(fieldInfo('ServiceEntry', 'addresses', '1.23')?.maxLength).toBeUndefined();
  });
});
