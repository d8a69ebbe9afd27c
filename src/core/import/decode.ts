import type { ImportInput } from './types';

/** The largest input accepted: 10 MiB. A design that size is already far beyond any real mesh. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const MIB = 1024 * 1024;
const MAX_NAME_LENGTH = 120;

/** Why an input cannot be read as text, and on which line when that is known. */
export interface DecodeFailure {
  message: string;
  /** 1-based line of the offending byte, when there is one. */
  line?: number;
}

/** Who reads an input, for the limit and the words of a refusal. */
export interface InputReader {
  /** The most bytes an input may hold. */
  limitBytes: number;
  /** What the reader does with the text: the app imports it, the CLI reads it. */
  verb: 'import' | 'read';
}

/** The app's import: up to {@link MAX_IMPORT_BYTES}. */
const IMPORT: InputReader = { limitBytes: MAX_IMPORT_BYTES, verb: 'import' };

/**
 * Turns an input into text: refuses inputs over the reader's limit ({@link MAX_IMPORT_BYTES} for
 * the app's import), binary data (NUL bytes) and bytes that are not UTF-8, decodes UTF-16 that
 * starts with its byte order mark (as kubectl does), and strips a byte order mark. `file` is the
 * display name the message starts with.
 */
export function decodeInput(
  input: ImportInput,
  file: string,
  reader: InputReader = IMPORT,
): { text: string } | DecodeFailure {
  const { limitBytes, verb } = reader;
  // A refusal's advice: the app's user imports the file again; the CLI's runs the command again.
  const again = verb === 'import' ? ' and import it again' : '';
  if ('text' in input) {
    const size = utf8Length(input.text);
    if (size > limitBytes) return tooLarge(file, size, limitBytes);
    return checkedText(input.text, file, verb);
  }
  const { bytes } = input;
  const size = Math.max(bytes.length, input.size ?? 0);
  if (size > limitBytes) return tooLarge(file, size, limitBytes);
  // UTF-16 with its byte order mark, as Windows PowerShell's `>` writes `kubectl get -o yaml`: kubectl
  // reads every file through a decoder that turns it into UTF-8 (its file visitor's `BOMOverride`),
  // a malformed pair of bytes as U+FFFD. So does this one, which drops the mark itself.
  if (isUtf16Bom(bytes)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return checkedText(new TextDecoder(encoding).decode(bytes), file, verb);
  }
  if (bytes.includes(0)) return { message: binaryMessage(file, verb) };
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return {
      message:
        `${file} is not UTF-8 text (byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase()} cannot start ` +
        `or continue a character); save it as UTF-8${again}`,
      line: lineOfByte(bytes, bad),
    };
  }
}

/**
 * The name to show for an input: one line, no control or direction-changing characters, at
 * most {@link MAX_NAME_LENGTH} characters, so it is safe in a YAML comment and in messages.
 */
export function sanitizeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return 'unnamed input';
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  // Keep both ends: the start says where it came from, the end carries the extension.
  const half = Math.floor((MAX_NAME_LENGTH - 1) / 2);
  return `${cleaned.slice(0, half)}…${cleaned.slice(-half)}`;
}

function tooLarge(file: string, size: number, limit: number): DecodeFailure {
  return { message: `${file} is ${formatSize(size, limit)}; the limit is ${limit / MIB} MiB` };
}

/** `12.3 MiB`, or the exact byte count when one decimal would round down to the limit itself. */
function formatSize(size: number, limit: number): string {
  const mib = size / MIB;
  return mib >= limit / MIB + 0.05 ? `${mib.toFixed(1)} MiB` : `${size} bytes`;
}

function binaryMessage(file: string, verb: InputReader['verb']): string {
  return `${file} looks like a binary file (it contains NUL bytes); only YAML or JSON text can be ${verb === 'import' ? 'imported' : 'read'}`;
}

/** A decoded text without its byte order mark; refused, with the line, when it holds NUL characters. */
function checkedText(
  text: string,
  file: string,
  verb: InputReader['verb'],
): { text: string } | DecodeFailure {
  const nul = text.indexOf('\0');
  if (nul !== -1) return { message: binaryMessage(file, verb), line: lineOfCharacter(text, nul) };
  return { text: stripBom(text) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The UTF-8 size of a string, without encoding it. */
function utf8Length(text: string): number {
  let size = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) size += 1;
    else if (code < 0x800) size += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      size += 4; // a surrogate pair is one 4-byte character
      i++;
    } else size += 3;
  }
  return size;
}

/** Offset of the first byte that breaks UTF-8 (called only once the decoder has refused the input). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : 4;
    if (lead >= 0x80 && (lead < 0xc2 || lead > 0xf4)) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
    const second = bytes[i + 1] ?? 0;
    if (lead === 0xe0 && second < 0xa0) return i;
    if (lead === 0xed && second > 0x9f) return i;
    if (lead === 0xf0 && second < 0x90) return i;
    if (lead === 0xf4 && second > 0x8f) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineOfCharacter(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
