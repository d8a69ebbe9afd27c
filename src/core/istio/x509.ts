/**
 * Just enough PEM and X.509 to tell whether a certificate is one, and when it is valid: what a
 * gateway checks before it serves a credential (Go's `pem.Decode`, `x509.ParseCertificates` and
 * the validity window). Keys and signatures are not checked.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((c, i) => [c, i]));

/**
 * Standard base64 with padding, as Go's `base64.StdEncoding` reads it (line breaks are skipped);
 * undefined when the text is not base64.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0) return undefined;
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((clean.length / 4) * 3 - padding);
  let bits = 0;
  let count = 0;
  let at = 0;
  for (let i = 0; i < clean.length - padding; i++) {
    const value = BASE64_VALUE.get(clean[i]!);
    if (value === undefined) return undefined;
    bits = (bits << 6) | value;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
    }
  }
  return out;
}

/**
 * The bytes of the first PEM block in `text` (any type), as Go's `pem.Decode` finds it: a
 * `-----BEGIN T-----` line, optional headers, base64 lines, and the matching `-----END T-----`.
 */
export function decodePem(text: string): Uint8Array | undefined {
  const block = /-----BEGIN ([^\n]*?)-----[ \t]*\r?\n([\s\S]*?)-----END \1-----/g;
  for (let match = block.exec(text); match; match = block.exec(text)) {
    let body = match[2]!;
    // Headers ("Proc-Type: ...") run to the first blank line.
    if (/^[^\n]*:/.test(body)) body = body.slice(body.search(/\r?\n\r?\n/) + 1);
    const bytes = decodeBase64(body.replace(/[ \t]/g, ''));
    if (bytes) return bytes;
  }
  return undefined;
}

/** The validity window of one certificate, in milliseconds since the epoch. */
export interface Validity {
  notBefore: number;
  notAfter: number;
}

/** One DER element: its tag and where its contents lie. */
interface Element {
  tag: number;
  start: number;
  end: number;
}

function readElement(bytes: Uint8Array, at: number, limit: number): Element | undefined {
  if (at + 2 > limit) return undefined;
  const tag = bytes[at]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // multi-byte tags do not occur in certificates
  let length = bytes[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const size = length & 0x7f;
    if (size === 0 || size > 4 || start + size > limit) return undefined;
    length = 0;
    for (let i = 0; i < size; i++) length = length * 256 + bytes[start++]!;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

/** The elements that exactly fill `parent`'s contents, or undefined when they do not. */
function childrenOf(bytes: Uint8Array, parent: Element): Element[] | undefined {
  const out: Element[] = [];
  for (let at = parent.start; at < parent.end;) {
    const child = readElement(bytes, at, parent.end);
    if (!child) return undefined;
    out.push(child);
    at = child.end;
  }
  return out;
}

const SEQUENCE = 0x30;
const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;

/** A UTCTime (`YYMMDDHHMMSSZ`, 1950–2049) or GeneralizedTime (`YYYYMMDDHHMMSSZ`) as Go's x509 accepts them. */
function readTime(bytes: Uint8Array, element: Element): number | undefined {
  const text = String.fromCharCode(...bytes.subarray(element.start, element.end));
  const match =
    element.tag === UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : element.tag === GENERALIZED_TIME
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
        : null;
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fullYear = element.tag === UTC_TIME ? (year < 50 ? 2000 + year : 1900 + year) : year;
  return Date.UTC(fullYear, month - 1, day, hour, minute, second);
}

/**
 * The validity of each certificate in a DER sequence of certificates (none for no bytes, as in
 * Go), or undefined when the bytes are not certificates (each a SEQUENCE of tbsCertificate, signature algorithm and signature, the
 * tbsCertificate holding version, serial, algorithm, issuer, validity, subject and key in order).
 */
export function certificateValidities(der: Uint8Array): Validity[] | undefined {
  const out: Validity[] = [];
  for (let at = 0; at < der.length;) {
    const certificate = readElement(der, at, der.length);
    if (!certificate || certificate.tag !== SEQUENCE) return undefined;
    at = certificate.end;
    const parts = childrenOf(der, certificate);
    if (
      parts?.length !== 3 ||
      parts[0]!.tag !== SEQUENCE ||
      parts[1]!.tag !== SEQUENCE ||
      parts[2]!.tag !== 0x03
    )
      return undefined;
    const fields = childrenOf(der, parts[0]!);
    const first = fields?.[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version is optional
    const expected = [0x02, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE];
    if (!fields || expected.some((tag, i) => fields[first + i]?.tag !== tag)) return undefined;
    const times = childrenOf(der, fields[first + 3]!);
    const notBefore = times?.length === 2 ? readTime(der, times[0]!) : undefined;
    const notAfter = times?.length === 2 ? readTime(der, times[1]!) : undefined;
    if (notBefore === undefined || notAfter === undefined) return undefined;
    out.push({ notBefore, notAfter });
  }
  return out;
}
