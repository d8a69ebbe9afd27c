import { OBJECT_META_FIELDS } from '../../istio/kinds';
import {
  isDns1123Subdomain,
  isKubernetesLabelName,
  validateLabelValue,
  validateQualifiedName,
} from '../../istio/values';
import { didYouMean } from './did-you-mean';
import type { SchemaReport } from './walk';

const NAME_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const NAMESPACE_RULE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

/**
 * Checks that an object has a name (or generateName): the basic object shape, all that is checked
 * on kinds the product does not model. Returns the metadata map when it is one.
 */
export function checkName(metadata: unknown, report: SchemaReport): Record<string, unknown> | undefined {
  if (metadata === undefined || metadata === null) {
    report('SCHEMA-REQUIRED', [], 'metadata.name: Required value: name or generateName is required', {
      target: 'key',
    });
    return undefined;
  }
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    report('SCHEMA-TYPE', ['metadata'], 'metadata must be of type object');
    return undefined;
  }
  const meta = metadata as Record<string, unknown>;
  const name = meta['name'];
  if ((name === undefined || name === null || name === '') && typeof meta['generateName'] !== 'string') {
    report(
      'SCHEMA-REQUIRED',
      ['metadata'],
      'metadata.name: Required value: name or generateName is required',
      {
        target: 'key',
      },
    );
  }
  return meta;
}

/** Checks `metadata` as the API server does for any object: fields, name, namespace, labels, annotations. */
export function checkMetadata(metadata: unknown, report: SchemaReport): void {
  const meta = checkName(metadata, report);
  if (!meta) return;
  for (const key of Object.keys(meta)) {
    if (!(OBJECT_META_FIELDS as readonly string[]).includes(key)) {
      const suggestion = didYouMean(key, OBJECT_META_FIELDS);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      report('SCHEMA-UNKNOWN-FIELD', ['metadata', key], `unknown field "metadata.${key}"${hint}`, {
        target: 'key',
      });
    }
  }
  const name = meta['name'];
  // A missing name was reported by checkName.
  if (typeof name === 'string' && name !== '' && !isDns1123Subdomain(name)) {
    report('SCHEMA-NAME', ['metadata', 'name'], `metadata.name: Invalid value: "${name}": ${NAME_RULE}`);
  } else if (name !== undefined && name !== null && typeof name !== 'string') {
    report('SCHEMA-TYPE', ['metadata', 'name'], 'metadata.name must be of type string');
  }
  const namespace = meta['namespace'];
  if (namespace !== undefined && namespace !== null) {
    if (typeof namespace !== 'string')
      report(
        'SCHEMA-TYPE',
        ['metadata', 'namespace'],
        `metadata.namespace must be of type string, got ${typeof namespace} ${String(namespace)} (quote the value: YAML reads y, yes and on as booleans)`,
      );
    else if (namespace !== '' && !isKubernetesLabelName(namespace)) {
      report(
        'SCHEMA-NAME',
        ['metadata', 'namespace'],
        `metadata.namespace: Invalid value: "${namespace}": ${NAMESPACE_RULE}`,
      );
    }
  }
  checkStringMap(meta['labels'], 'labels', report, true);
  checkStringMap(meta['annotations'], 'annotations', report, false);
}

function checkStringMap(
  value: unknown,
  field: 'labels' | 'annotations',
  report: SchemaReport,
  isLabels: boolean,
): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report('SCHEMA-TYPE', ['metadata', field], `metadata.${field} must be of type object`);
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const path = ['metadata', field, key];
    const keyProblem = validateQualifiedName(key);
    if (keyProblem)
      report('SCHEMA-METADATA', path, `metadata.${field}: Invalid value: "${key}": ${keyProblem}`, {
        target: 'key',
      });
    if (typeof item !== 'string') {
      report('SCHEMA-TYPE', path, `metadata.${field}.${key} must be a string (quote it: "${String(item)}")`);
      continue;
    }
    const valueProblem = isLabels ? validateLabelValue(item) : undefined;
    if (valueProblem)
      report('SCHEMA-METADATA', path, `metadata.labels: Invalid value: "${item}": ${valueProblem}`);
  }
}
