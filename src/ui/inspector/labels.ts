const ACRONYMS: Record<string, string> = {
  tls: 'TLS',
  dns: 'DNS',
  sni: 'SNI',
  http: 'HTTP',
  https: 'HTTPS',
  tcp: 'TCP',
  ca: 'CA',
  crl: 'CRL',
  uri: 'URI',
  ip: 'IP',
  ttl: 'TTL',
  sds: 'SDS',
  san: 'SAN',
  cors: 'CORS',
  id: 'ID',
};

/** A field name as a form label: `resolution` → `Resolution`, `subjectAltNames` → `Subject alt names`. */
export function fieldLabel(name: string, parent?: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // A status class is a word of its own: `consecutive5xxErrors` → `Consecutive 5xx errors`.
    .replace(/([a-z])(\dxx)/g, '$1 $2')
    .split(/[\s_]+/)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  const text = words.join(' ');
  const label = text.charAt(0).toUpperCase() + text.slice(1);
  // A bare `mode` says little: name it after its block (`TLS mode`, `Outbound traffic policy mode`).
  return name === 'mode' && parent ? `${fieldLabel(parent)} mode` : label;
}
