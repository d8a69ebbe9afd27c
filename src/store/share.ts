/**
 * Share links: the design (text, target release and positions) compressed into the URL fragment, so it never
 * reaches a server. Reading a link is as careful as reading storage: anything that is not a
 * design gives a reason, never a crash.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';

import { upgrade, type SavedDesign } from './persistence';

/** The fragment key of a shared design: `#design=<compressed>`. */
export const SHARE_KEY = 'design';

/**
 * The longest fragment a link may carry. Browsers take far longer URLs, but chat tools, issue
 * trackers and mail clients cut or refuse links well before that; past this, export a file.
 */
export const MAX_SHARE_CHARS = 32_000;

/** Inflated designs larger than this are refused (a tiny link must not expand into gigabytes). */
const MAX_DESIGN_BYTES = 16 * 1024 * 1024;

/** A link for the design, or why there is none (too large). */
export type ShareLink =
  { ok: true; url: string; chars: number } | { ok: false; chars: number; reason: string };

/** Makes a share link to `base` (the app's URL without fragment) carrying the design. */
export function shareLink(
  base: string,
  design: Pick<SavedDesign, 'text' | 'positions' | 'istioVersion' | 'direction'>,
): ShareLink {
  const json = JSON.stringify({
    version: 1,
    text: design.text,
    positions: design.positions,
    ...(design.direction ? { direction: design.direction } : {}),
    ...(design.istioVersion ? { istioVersion: design.istioVersion } : {}),
  });
  const encoded = toBase64Url(deflateSync(strToU8(json), { level: 9 }));
  const chars = encoded.length;
  if (chars > MAX_SHARE_CHARS) {
    return {
      ok: false,
      chars,
      reason: `This design needs ${chars.toLocaleString('en')} characters in a link; links are kept under ${MAX_SHARE_CHARS.toLocaleString('en')}. Export it as a file instead.`,
    };
  }
  return { ok: true, url: `${base}#${SHARE_KEY}=${encoded}`, chars };
}

/** The shared design in a URL fragment (`#design=…`): none, a design, or why it cannot be read. */
export function readShareFragment(
  hash: string,
): { kind: 'none' } | { kind: 'design'; design: SavedDesign } | { kind: 'unreadable'; reason: string } {
  const prefix = `#${SHARE_KEY}=`;
  if (!hash.startsWith(prefix)) return { kind: 'none' };
  try {
    const bytes = fromBase64Url(hash.slice(prefix.length));
    const design = upgrade(JSON.parse(inflateBounded(bytes)));
    if (!design) return { kind: 'unreadable', reason: 'the link does not hold a design' };
    return { kind: 'design', design: { ...design, selection: undefined } };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}

function inflateBounded(bytes: Uint8Array): string {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > MAX_DESIGN_BYTES) throw new Error('the design in the link is larger than 16 MiB');
    chunks.push(chunk);
    finished ||= final;
  });
  inflate.push(bytes, true);
  if (!finished) throw new Error('the link is cut short');
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return strFromU8(all);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link has characters a design link never has');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
