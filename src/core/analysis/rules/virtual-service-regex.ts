/**
 * An approximation of Go's `regexp.Compile` (RE2 syntax) for Istio's string-match checks. It flags
 * the Perl features RE2 lacks (look-around, backreferences, atomic groups, possessive quantifiers,
 * unknown escapes, repeat counts over 1000), then lets JavaScript's parser catch plain syntax errors
 * on a copy rewritten to drop RE2-only syntax JavaScript does not know.
 */
import { byteLength } from './virtual-service-shared';

const MAX_REGEX_LENGTH = 1024;
const RE2_LINK = 'Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)';

/** Escapes Go accepts after a backslash (besides punctuation and octal digits). */
const GO_ESCAPE_LETTERS = new Set('afnrtvxdDsSwWpPbBAzQE');

/** Whether `c` is an ASCII letter or digit. */
function isAlnum(c: string): boolean {
  return /^[A-Za-z0-9]$/.test(c);
}

/** Go's error text for a construct RE2 does not support, or undefined. */
function unsupportedConstruct(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return 'trailing backslash at end of expression: ``';
      if (next === 'Q') {
        // \Q...\E is a literal span.
        const end = pattern.indexOf('\\E', i + 2);
        i = end === -1 ? pattern.length : end + 1;
        continue;
      }
      if (next >= '1' && next <= '7') {
        // A lone non-zero digit is a backreference; followed by an octal digit it is an octal escape.
        const after = pattern[i + 2];
        if (after === undefined || after < '0' || after > '7')
          return `invalid escape sequence: \`\\${next}\``;
      } else if (next === '8' || next === '9') {
        return `invalid escape sequence: \`\\${next}\``;
      } else if (isAlnum(next) && next !== '0' && !GO_ESCAPE_LETTERS.has(next)) {
        return `invalid escape sequence: \`\\${next}\``;
      }
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      // A leading ']' (after an optional '^') is a literal member of the class.
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2);
      for (const perl of ['=', '!', '<=', '<!', '>']) {
        if (rest.startsWith(perl)) return `invalid or unsupported Perl syntax: \`(?${perl.slice(0, 1)}\``;
      }
    }
    if (pattern[i + 1] === '+') {
      // A '}' only repeats when it closes a valid {n,m}; otherwise it is a literal.
      const repeats =
        c === '}' ? /\{\d+(?:,\d*)?\}$/.test(pattern.slice(0, i + 1)) : c === '*' || c === '+' || c === '?';
      if (repeats) return `invalid nested repetition operator: \`${c}+\``;
    }
    if (c === '{') {
      const repeat = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i));
      if (repeat && (Number(repeat[1]) > 1000 || Number(repeat[2] || 0) > 1000)) {
        return `invalid repeat count: \`${repeat[0]}\``;
      }
    }
  }
  return undefined;
}

/** Rewrites RE2-only syntax that JavaScript would reject into an equivalent JavaScript form. */
function toJavaScript(pattern: string): string {
  return (
    pattern
      // \Q...\E quotes a literal span.
      .replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_m, literal: string) =>
        literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'),
      )
      // Inline flags: (?i) has no JavaScript form; (?i:...) becomes a plain group.
      .replace(/\(\?[imsU-]+\)/g, '')
      .replace(/\(\?[imsU-]+:/g, '(?:')
      .replace(/\(\?P</g, '(?<')
      .replace(/\\A/g, '^')
      .replace(/\\z/g, '$')
  );
}

/** Go's `regexp.Compile` error text (without the prefix), or undefined when RE2 accepts the pattern. */
export function re2Error(pattern: string): string | undefined {
  const unsupported = unsupportedConstruct(pattern);
  if (unsupported) return `error parsing regexp: ${unsupported}`;
  try {
    new RegExp(toJavaScript(pattern));
    return undefined;
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return `error parsing regexp: ${detail}`;
  }
}

/**
 * Istio's `validateStringRegexp`: the message for a regex that is too long or that RE2 refuses,
 * with `where` naming the field as Istio does (`"uri"`, `"headers"`).
 */
export function regexProblem(pattern: string, where: string): string | undefined {
  const quoted = JSON.stringify(where);
  if (byteLength(pattern) > MAX_REGEX_LENGTH)
    return `${quoted}: regex is too large, max length allowed is ${MAX_REGEX_LENGTH}`;
  const error = re2Error(pattern);
  return error ? `${quoted}: ${error}; ${RE2_LINK}` : undefined;
}
