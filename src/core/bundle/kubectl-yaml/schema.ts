import {
  isAlias,
  isMap,
  isSeq,
  Scalar,
  type DocumentOptions,
  type ParseOptions,
  type ScalarTag,
  type SchemaOptions,
} from 'yaml';

import { jsonKeyOf, resolveAs, resolvePlainScalar, type GoYamlTag, type ResolvedScalar } from './resolve';

// The yaml library picks the tag of a plain scalar by calling `tag.test.test(text)` on each
// default tag in turn, and quotes a string when writing if any of those tests accepts it. Making
// that test go-yaml's own resolve() gives reading and writing one rule, exact to the last case.
class ResolvesTo extends RegExp {
  constructor(private readonly accepts: (resolved: ResolvedScalar) => boolean) {
    super('(?:)');
  }

  override test(text: string): boolean {
    return this.accepts(resolvePlainScalar(text));
  }
}

const TAG = (name: GoYamlTag) => `tag:yaml.org,2002:${name}`;

/** A plain scalar that go-yaml resolves to `tag`, read as a value (outside keys). */
function implicitTag(
  tag: 'null' | 'bool' | 'int' | 'float',
  identify: (value: unknown) => boolean,
  print: (value: never) => string,
): ScalarTag {
  return {
    tag: TAG(tag),
    default: true,
    test: new ResolvesTo((resolved) => resolved.tag === tag),
    identify,
    resolve: (text) => resolvePlainScalar(text).value,
    // Keep the author's spelling (`0x1F`, `yes`, `~`) when it still reads as the same value.
    stringify: ({ source, value }, ctx) => {
      if (typeof source === 'string' && Object.is(resolvePlainScalar(source).value, value)) return source;
      return value === null ? ctx.options.nullStr : print(value as never);
    },
  };
}

function printNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/**
 * A plain map key that go-yaml resolves to a boolean, number or null: JSON keys are strings, so
 * sigs.k8s.io/yaml turns it into the text kubectl sends (`on` → `"true"`, `0x10` → `"16"`), and
 * refuses a null key. Listed before the value tags, which it shadows at keys only.
 */
const keyTag: ScalarTag = {
  tag: TAG('str'),
  default: 'key',
  test: new ResolvesTo((resolved) => resolved.tag !== 'str' && resolved.tag !== 'timestamp'),
  resolve(text, onError) {
    try {
      return jsonKeyOf(resolvePlainScalar(text));
    } catch (error) {
      onError(errorMessage(error));
      return text;
    }
  },
};

type AddToJSMap = NonNullable<Scalar['addToJSMap']>;

/**
 * go-yaml v2's merge (decode.go `merge`): the merged maps are decoded into the map where the
 * `<<` key stands, overwriting keys set before it (keys after it overwrite in turn); of a list of
 * maps, earlier ones win. Anything but a map or a list of maps is refused.
 */
const mergeInto: AddToJSMap = (ctx, map, value) => {
  const sourceOf = (node: unknown) => (ctx && isAlias(node) ? node.resolve(ctx.doc, ctx) : node);
  const source = sourceOf(value);
  const maps = isSeq(source) ? [...source.items].reverse().map(sourceOf) : [source];
  for (const item of maps) {
    if (!isMap(item)) throw new MergeError('map merge requires map or sequence of maps as the value');
    for (const [key, merged] of item.toJSON(null, ctx, Map) as Map<unknown, unknown>) {
      if (map instanceof Map) map.set(key, merged);
      else if (map instanceof Set) map.add(key);
      else
        Object.defineProperty(map, String(key), {
          value: merged,
          writable: true,
          enumerable: true,
          configurable: true,
        });
    }
  }
};

/** Thrown while converting a document whose `<<` merges something other than maps. */
export class MergeError extends Error {}

const mergeKey = (): Scalar => Object.assign(new Scalar(Symbol('<<')), { addToJSMap: mergeInto });

/** The merge key `<<` (plain, or tagged `!!merge`); go-yaml merges nothing else. */
const mergeTag: ScalarTag = {
  tag: TAG('merge'),
  default: 'key',
  test: /^<<$/,
  identify: (value) => typeof value === 'symbol' && value.description === '<<',
  resolve: () => mergeKey(),
  stringify: () => '<<',
};

/** `!!tag value` for the tags go-yaml resolves: the value must be of that type. */
function explicitTag(tag: GoYamlTag): ScalarTag {
  return {
    tag: TAG(tag),
    default: false,
    resolve(text, onError) {
      if (tag === 'merge') return text === '<<' ? mergeKey() : text;
      try {
        return resolveAs(tag, text).value;
      } catch (error) {
        onError(errorMessage(error));
        return text;
      }
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// The scalar tags, in the order the yaml library tries them, on top of its failsafe schema.
const KUBECTL_TAGS: ScalarTag[] = [
  mergeTag,
  keyTag,
  implicitTag(
    'null',
    (value) => value === null || value === undefined,
    () => 'null',
  ),
  implicitTag(
    'bool',
    (value) => typeof value === 'boolean',
    (value: boolean) => String(value),
  ),
  implicitTag('int', (value) => Number.isInteger(value), printNumber),
  implicitTag('float', (value) => typeof value === 'number', printNumber),
  ...(['null', 'bool', 'int', 'float', 'timestamp', 'binary', 'merge'] as const).map(explicitTag),
];

/**
 * Options that make the yaml library read and write scalars as kubectl does: go-yaml v2's
 * resolution, map keys as sigs.k8s.io/yaml turns them into JSON keys, and no YAML 1.1 types
 * go-yaml does not know (`!!set`, `!!omap` are plain maps and lists). Duplicate keys are refused,
 * as the API server's strict field validation does.
 */
export const KUBECTL_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'failsafe',
  customTags: KUBECTL_TAGS,
  merge: false,
  resolveKnownTags: false,
  prettyErrors: false,
  uniqueKeys: true,
  strict: true,
};
