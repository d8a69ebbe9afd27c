// kubectl reads YAML through sigs.k8s.io/yaml, which decodes with go-yaml v2 into interface{}
// values and then converts them to JSON. This file is go-yaml v2's scalar resolution
// (resolve.go, branch v2) with Go's strconv number syntax, re-stated so that every scalar reads
// exactly as the cluster reads it. Timestamps and !!binary decode to strings: go-yaml hands
// timestamps to interface{} as their text, and JSON has no bytes.

/** The YAML tags go-yaml v2 resolves a scalar to (`binary` only ever explicitly). */
export type GoYamlTag = 'null' | 'bool' | 'int' | 'float' | 'str' | 'merge' | 'timestamp' | 'binary';

/** A scalar as go-yaml v2 reads it into an interface{}: its tag and its value. */
export interface ResolvedScalar {
  tag: GoYamlTag;
  value: null | boolean | number | string;
  /** True for an int above int64's range, which go-yaml returns as a uint64. */
  unsigned?: true;
}

const FIXED = new Map<string, ResolvedScalar>();
for (const [tag, value, forms] of [
  ['bool', true, 'y Y yes Yes YES true True TRUE on On ON'],
  ['bool', false, 'n N no No NO false False FALSE off Off OFF'],
  ['null', null, '~ null Null NULL'],
  ['float', Number.NaN, '.nan .NaN .NAN'],
  ['float', Number.POSITIVE_INFINITY, '.inf .Inf .INF +.inf +.Inf +.INF'],
  ['float', Number.NEGATIVE_INFINITY, '-.inf -.Inf -.INF'],
] as const) {
  for (const form of forms.split(' ')) FIXED.set(form, { tag, value });
}
FIXED.set('', { tag: 'null', value: null });
// go-yaml's table also maps `<<` to !!merge, but `<` gives no hint, so resolve() never looks it up:
// the decoder recognises a plain `<<` key itself (isMerge), as the merge tag here does.

/** go-yaml's hint from a scalar's first character: what it may resolve to beyond a string. */
function hintOf(text: string): 'sign' | 'digit' | 'map' | 'dot' | undefined {
  if (text === '') return 'map';
  const c = text[0]!;
  if (c === '+' || c === '-') return 'sign';
  if (c >= '0' && c <= '9') return 'digit';
  if (c === '.') return 'dot';
  return 'yYnNtTfFoO~'.includes(c) ? 'map' : undefined;
}

const STRING = (text: string): ResolvedScalar => ({ tag: 'str', value: text });

/**
 * What go-yaml v2 makes of a plain scalar with no tag (`resolve("", text)`): a boolean
 * (`y`, `yes`, `on`, ...), null (`~`, `null`, empty), an int in Go's bases (`0x1F`, `0o17`,
 * `017`, `0b101`, with `_` anywhere), a float (`.5`, `1e3`, `.inf`), the merge key `<<`, or a
 * string. `1:30`, `.`, `0x` and numbers beyond float64 stay strings.
 */
export function resolvePlainScalar(text: string): ResolvedScalar {
  if (text === lastText) return lastResult;
  lastResult = resolveAs('', text);
  lastText = text;
  return lastResult;
}

// The yaml library tries each tag's test in turn on the same scalar: remember the last answer.
let lastText = '\u0000';
let lastResult: ResolvedScalar = STRING('\u0000');

/**
 * go-yaml v2's `resolve(tag, text)` for a scalar with an explicit tag (`!!int "8"`), or with
 * none (`''`). Throws what go-yaml fails with when the text is not of the tagged type
 * (`cannot decode !!str \`abc\` as a !!int`). An int tagged `!!float` becomes a float.
 */
export function resolveAs(tag: GoYamlTag | '', text: string): ResolvedScalar {
  if (tag === 'binary') return { tag, value: decodeBinary(text) };
  // Tags go-yaml does not resolve keep the text (`!!merge` only matters on a `<<` key).
  if (tag === 'merge') return { tag, value: text };
  const hint = hintOf(text);
  const resolved = tag === 'str' || hint === undefined ? STRING(text) : resolveHinted(tag, text, hint);
  if (tag === '' || tag === resolved.tag || tag === 'str') return resolved;
  if (tag === 'float' && resolved.tag === 'int') return { tag: 'float', value: resolved.value };
  throw new Error(`cannot decode !!${resolved.tag} \`${text}\` as a !!${tag}`);
}

function resolveHinted(
  tag: GoYamlTag | '',
  text: string,
  hint: 'sign' | 'digit' | 'map' | 'dot',
): ResolvedScalar {
  const fixed = FIXED.get(text);
  if (fixed) return fixed;
  if (hint === 'dot') {
    const float = goParseFloat(text);
    return float === undefined ? STRING(text) : { tag: 'float', value: float };
  }
  if (hint === 'map') return STRING(text);
  if ((tag === '' || tag === 'timestamp') && isGoTimestamp(text)) return { tag: 'timestamp', value: text };
  const plain = text.replace(/_/g, '');
  const int = goParseInt(plain);
  if (int !== undefined) return int;
  if (YAML_STYLE_FLOAT.test(plain)) {
    const float = goParseFloat(plain);
    if (float !== undefined) return { tag: 'float', value: float };
  }
  // go-yaml retries 0b and -0b prefixes in base 2 here; Go's ParseInt(s, 0, 64) above already
  // reads both, so that retry never finds anything more.
  return STRING(text);
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/**
 * Go's `strconv.ParseInt(s, 0, 64)`, falling back to `ParseUint(s, 0, 64)` as go-yaml does: a
 * sign, then `0x`/`0o`/`0b` or a leading `0` (octal), or decimal digits. Undefined when Go refuses
 * the syntax or the value does not fit in 64 bits.
 */
function goParseInt(s: string): ResolvedScalar | undefined {
  const negative = s[0] === '-';
  const signed = negative || s[0] === '+';
  const magnitude = parseUnsigned(signed ? s.slice(1) : s);
  if (magnitude === undefined) return undefined;
  if (negative) return magnitude <= INT64_MAX + 1n ? { tag: 'int', value: -Number(magnitude) } : undefined;
  if (magnitude <= INT64_MAX) return { tag: 'int', value: Number(magnitude) };
  // Without a sign, ParseUint takes what ParseInt cannot (up to 2^64 - 1); with one it does not.
  return !signed && magnitude <= UINT64_MAX
    ? { tag: 'int', value: Number(magnitude), unsigned: true }
    : undefined;
}

const DIGITS: Record<number, RegExp> = {
  2: /^[01]+$/,
  8: /^[0-7]*$/,
  10: /^[0-9]+$/,
  16: /^[0-9a-fA-F]+$/,
};

/** Go's base-0 unsigned syntax: prefix and digits, no sign. */
function parseUnsigned(s: string): bigint | undefined {
  if (s === '') return undefined;
  let base = 10;
  let digits = s;
  if (s[0] === '0') {
    const prefix = s.length >= 3 ? s[1]!.toLowerCase() : '';
    base = prefix === 'b' ? 2 : prefix === 'o' ? 8 : prefix === 'x' ? 16 : 8;
    digits = base === 8 && prefix !== 'o' ? s.slice(1) : s.slice(2);
  }
  if (!DIGITS[base]!.test(digits)) return undefined;
  if (digits === '') return 0n;
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : base === 16 ? '0x' : '';
  return BigInt(prefix + digits);
}

// A decimal float as Go's ParseFloat reads it, underscores allowed only between digits.
const DIGIT_RUN = '[0-9](?:_?[0-9])*';
const GO_DECIMAL_FLOAT = new RegExp(
  `^[-+]?(?:${DIGIT_RUN}(?:\\.(?:${DIGIT_RUN})?)?|\\.${DIGIT_RUN})(?:[eE][-+]?${DIGIT_RUN})?$`,
);

/**
 * Go's `strconv.ParseFloat(s, 64)` for the decimal forms go-yaml passes it (the `inf`/`nan`
 * words and hex floats never reach it). Undefined on a syntax error or when the value is beyond
 * float64, which Go reports as a range error.
 */
function goParseFloat(s: string): number | undefined {
  if (!GO_DECIMAL_FLOAT.test(s)) return undefined;
  const value = Number(s.replace(/_/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

// go-yaml's timestamp formats (Go layouts "2006-1-2T15:4:5.999999999Z07:00", the same with "t",
// "2006-1-2 15:4:5.999999999" and "2006-1-2"), read as Go's time.Parse reads them.
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[-+]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/;

/** True when go-yaml v2's parseTimestamp accepts the text. */
function isGoTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  const hour = Number(match[4] ?? match[7] ?? 0);
  const minute = Number(match[5] ?? match[8] ?? 0);
  const second = Number(match[6] ?? match[9] ?? 0);
  return hour < 24 && minute < 60 && second < 60;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A `!!binary` scalar as kubectl passes it on: Go's standard base64 (line breaks ignored), as
 * text, where JSON encoding turns bytes that are not UTF-8 into U+FFFD.
 */
function decodeBinary(text: string): string {
  const compact = text.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw new Error('!!binary value contains invalid base64 data');
  }
  const bytes = Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * A map key as sigs.k8s.io/yaml turns it into a JSON object key: booleans and numbers as text
 * (floats as Go's `FormatFloat(k, 'g', -1, 32)`), strings as they are. Throws for the keys it
 * refuses: null and integers beyond int64.
 */
export function jsonKeyOf(resolved: ResolvedScalar): string {
  const { tag, value } = resolved;
  if (value === null) throw new Error('unsupported map key of type: <nil> (JSON keys are strings)');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (resolved.unsigned) throw new Error(`unsupported map key of type: uint64, key: ${value}`);
  if (tag === 'int') return BigInt(value).toString();
  return formatFloat32(value);
}

/** Go's `strconv.FormatFloat(v, 'g', -1, 32)`, with go-yaml's names for the infinities and NaN. */
function formatFloat32(v: number): string {
  const f = Math.fround(v);
  if (Number.isNaN(f)) return '.nan';
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // The shortest digits that read back as the same float32.
  let digits = '';
  let exponent = 0;
  for (let precision = 1; precision <= 9; precision++) {
    const [mantissa, exp] = Math.abs(f)
      .toExponential(precision - 1)
      .split('e') as [string, string];
    if (Math.fround(Number(`${mantissa}e${exp}`)) === Math.abs(f)) {
      digits = mantissa.replace('.', '');
      exponent = Number(exp);
      break;
    }
  }
  const sign = f < 0 ? '-' : '';
  // %g with the shortest precision switches to %e below 1e-4 and from 1e+06 (Go's eprec of 6).
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exponent);
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
