import type { FieldInfo } from './catalogue';
import { integerRange, validateDuration } from './values';

/**
 * What the validator says about one scalar value of a field, checked while a form field is typed
 * (before the value is written): enum membership, Go duration syntax and limits, integer width and
 * string length, with the same rules and words as the schema check. Undefined when the value is fine.
 */
export function fieldValueProblem(
  info: Pick<FieldInfo, 'type' | 'enum' | 'itemType' | 'doc'>,
  value: unknown,
): string | undefined {
  const type = info.type === 'array' ? info.itemType : info.type;
  const doc = info.doc;
  if (typeof value === 'string') {
    if (info.enum && !info.enum.includes(value)) return `must be one of ${info.enum.join(', ')}`;
    if (doc?.maxLength !== undefined && value.length > doc.maxLength)
      return `must have at most ${doc.maxLength} characters`;
    if (doc?.format === 'duration' || doc?.format === 'duration-or-zero')
      return validateDuration(value, doc.format === 'duration-or-zero');
  }
  if (typeof value === 'number' && type === 'number' && doc?.format !== 'double') {
    if (!Number.isInteger(value)) return `must be an integer, got ${value}`;
    const [min, max] = integerRange(doc?.format);
    if (value < min || value > max)
      return `${value} does not fit in ${doc?.format === 'uint32' ? 'uint32' : 'int32'}`;
  }
  return undefined;
}
