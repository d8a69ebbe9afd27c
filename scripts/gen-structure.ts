/**
 * Generates src/core/istio/generated/structure.ts: the field structure (names, nesting, types,
 * enum values, required) of every Istio kind we edit, read from the type declarations that
 * @kubernetes-models/istio generates from Istio's own CRDs. Help text, defaults, limits and
 * release data are ours and live in the hand-written catalogue beside it.
 *
 * Run with `npm run gen:structure` after upgrading @kubernetes-models/istio.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

import type { Shape } from '../src/core/istio/structure-types';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@kubernetes-models/istio/package.json'));

const kinds: Record<string, string> = {
  ServiceEntry: 'networking.istio.io/v1/ServiceEntry.d.ts',
  DestinationRule: 'networking.istio.io/v1/DestinationRule.d.ts',
  VirtualService: 'networking.istio.io/v1/VirtualService.d.ts',
  Gateway: 'networking.istio.io/v1/Gateway.d.ts',
  Sidecar: 'networking.istio.io/v1/Sidecar.d.ts',
};

const files = Object.values(kinds).map((f) => join(pkgDir, f));
const program = ts.createProgram(files, { strict: true, skipLibCheck: true });
const checker = program.getTypeChecker();

const shapes = new Map<string, Shape>();
const ids = new Map<string, string>();
let counter = 0;

function intern(shape: Shape): string {
  const key = JSON.stringify(shape);
  const found = ids.get(key);
  if (found) return found;
  const hashPrefix = shape.t === 'object' ? 'o' : shape.t[0];
  const id = `${hashPrefix}${counter++}`;
  ids.set(key, id);
  shapes.set(id, shape);
  return id;
}

function shapeOf(type: ts.Type, depth = 0): string {
  if (depth > 40) throw new Error('structure too deep');
  const flags = type.getFlags();
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (parts.every((p) => p.isStringLiteral())) {
      return intern({ t: 'string', enum: parts.map((p) => (p as ts.StringLiteralType).value) });
    }
    if (parts.every((p) => p.getFlags() & ts.TypeFlags.BooleanLiteral)) return intern({ t: 'boolean' });
    if (parts.length === 1) return shapeOf(parts[0]!, depth);
    // A proto oneOf is emitted as a union of object types: merge their fields.
    const elements = parts.map(arrayElement);
    if (elements.every((e) => e !== undefined)) {
      const items = elements as ts.Type[];
      const itemShape = items.every(isRecordLike)
        ? objectShape(items, depth + 1)
        : shapeOf(items[0]!, depth + 1);
      return intern({ t: 'array', items: itemShape });
    }
    if (parts.every(isRecordLike)) {
      return objectShape(parts, depth);
    }
    return intern({ t: 'any' });
  }
  if (flags & ts.TypeFlags.StringLike) return intern({ t: 'string' });
  if (flags & ts.TypeFlags.NumberLike) return intern({ t: 'number' });
  if (flags & ts.TypeFlags.BooleanLike) return intern({ t: 'boolean' });
  const element = arrayElement(type);
  if (element) return intern({ t: 'array', items: shapeOf(element, depth + 1) });
  if (type.isIntersection()) return objectShape([type], depth);
  if (flags & ts.TypeFlags.Object) {
    const index = checker.getIndexInfosOfType(type)[0];
    if (index && type.getProperties().length === 0) {
      return intern({ t: 'map', values: shapeOf(index.type, depth + 1) });
    }
    return objectShape([type], depth);
  }
  return intern({ t: 'any' });
}

/** The element type when `type` is an array, or an intersection that contains one. */
function arrayElement(type: ts.Type): ts.Type | undefined {
  if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference)[0];
  if (type.isIntersection()) {
    const array = type.types.find((t) => checker.isArrayType(t));
    if (array) return checker.getTypeArguments(array as ts.TypeReference)[0];
  }
  return undefined;
}

function isRecordLike(type: ts.Type): boolean {
  if (arrayElement(type)) return false;
  if (type.isIntersection()) return true;
  return (type.getFlags() & ts.TypeFlags.Object) !== 0 && !checker.isArrayType(type);
}

function objectShape(variants: ts.Type[], depth: number): string {
  const fields: Record<string, { shape: string; required?: true }> = {};
  const requiredEverywhere = new Map<string, number>();
  for (const variant of variants) {
    for (const prop of variant.getProperties()) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = checker.getTypeOfSymbolAtLocation(prop, decl!);
      const optional = (prop.getFlags() & ts.SymbolFlags.Optional) !== 0;
      fields[prop.name] ??= { shape: shapeOf(propType, depth + 1) };
      if (!optional) requiredEverywhere.set(prop.name, (requiredEverywhere.get(prop.name) ?? 0) + 1);
    }
  }
  // In a merged oneOf only a field required by every variant is truly required.
  for (const [name, count] of requiredEverywhere)
    if (count === variants.length) fields[name]!.required = true;
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
  return intern({ t: 'object', fields: sorted });
}

const roots: Record<string, string> = {};
for (const [kind, file] of Object.entries(kinds)) {
  const source = program.getSourceFile(join(pkgDir, file))!;
  const iface = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `I${kind}`,
  )!;
  const specProp = checker.getTypeAtLocation(iface).getProperty('spec')!;
  roots[kind] = shapeOf(checker.getTypeOfSymbolAtLocation(specProp, iface));
}

const version = (require('@kubernetes-models/istio/package.json') as { version: string }).version;
const body = JSON.stringify({ roots, shapes: Object.fromEntries(shapes) });
const digest = createHash('sha256').update(body).digest('hex').slice(0, 12);
const out = `// Generated by scripts/gen-structure.ts from @kubernetes-models/istio ${version} (Istio CRDs). Do not edit.
// digest ${digest}
import type { StructureTable } from '../structure-types';

export const structure: StructureTable = ${body};
`;
writeFileSync(join(import.meta.dirname, '../src/core/istio/generated/structure.ts'), out);
console.log(`wrote ${shapes.size} shapes for ${Object.keys(roots).join(', ')}`);
