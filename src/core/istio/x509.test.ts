import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { certificateValidities, decodeBase64, decodePem } from './x509';

/** The PEM certificates (base64 in `tls.crt`) of Istio's gateway Secret test data. */
function fixtureCertificates(): string[] {
  const dir = join(import.meta.dirname, '../../../test/conformance/fixtures/istio-analyzers');
  return ['gateway-secrets.yaml', 'gateway-secrets-validation.yaml'].flatMap((file) =>
    [...readFileSync(join(dir, file), 'utf8').matchAll(/tls\.crt: (\S+)/g)].map((m) =>
      Buffer.from(m[1]!, 'base64').toString(),
    ),
  );
}

describe('decodeBase64', () => {
  it('decodes what Node encodes, padding included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(decodeBase64(text)).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('skips line breaks, as Go does', () => {
    expect(decodeBase64('aGVs\nbG8=\r\n')).toEqual(new TextEncoder().encode('hello'));
  });

  it.each(['aGVsbG8', 'aGV$bG8=', 'aG=sbG8=', 'aGVs bG8='])('refuses %j', (text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });
});

describe('decodePem', () => {
  it('reads the first block, of any type', () => {
    const pem =
      '-----BEGIN THING-----\naGVs\nbG8=\n-----END THING-----\n-----BEGIN CERTIFICATE-----\nYQ==\n-----END CERTIFICATE-----\n';
    expect(decodePem(`garbage before\n${pem}`)).toEqual(new TextEncoder().encode('hello'));
  });

  it('needs the matching END line', () => {
    expect(decodePem('-----BEGIN CERTIFICATE-----\nYQ==\n-----END KEY-----\n')).toBeUndefined();
    expect(decodePem('hush hush hush')).toBeUndefined();
  });
});

describe('certificateValidities', () => {
  it.each(fixtureCertificates().map((pem, i) => [i, pem] as const))(
    'reads the validity Node reads (certificate %i)',
    (_i, pem) => {
      const node = new X509Certificate(pem);
      expect(certificateValidities(decodePem(pem)!)).toEqual([
        { notBefore: Date.parse(node.validFrom), notAfter: Date.parse(node.validTo) },
      ]);
    },
  );

  it('refuses what is not a certificate', () => {
    const der = decodePem(fixtureCertificates()[0]!)!;
    expect(certificateValidities(der.subarray(0, der.length - 10))).toBeUndefined();
    expect(certificateValidities(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toBeUndefined();
    const key = readFileSync(
      join(import.meta.dirname, '../../../test/conformance/fixtures/istio-analyzers/gateway-secrets.yaml'),
      'utf8',
    );
    const keyPem = Buffer.from(/tls\.key: (\S+)/.exec(key)![1]!, 'base64').toString();
    expect(certificateValidities(decodePem(keyPem)!)).toBeUndefined();
  });

  it('finds no certificate in no bytes, as Go does', () => {
    expect(certificateValidities(new Uint8Array())).toEqual([]);
  });
});
