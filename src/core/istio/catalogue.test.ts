import { describe, expect, it } from 'vitest';

import { childFields, fieldInfo } from './catalogue';

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
    expect(fieldInfo('ServiceEntry', 'ports[0].targetPort')?.doc?.since).toBe('1.17');
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
});
