import type { FieldInfo } from './catalogue';
import { durationProblem, integerRange } from './values';

/**
 * What the validator says about one scalar value of a field, checked while a form field is typed
 * (before the value is written): enum membership, Go duration syntax and limits, integer width and
 * string length, with the same rules and words as the schema check. Undefined when the value is fine.
 */
export function fieldValueProblem(
  info: Pick<FieldInfo, 'type' | 'enum' | 'itemType' | 'maxLength' | 'doc'>,
  value: unknown,
): string | undefined {
  const type = info.type === 'array' ? info.itemType : info.type;
  const doc = info.doc;
  if (typeof value === 'string') {
    if (info.enum && !info.enum.includes(value)) return `must be one of ${info.enum.join(', ')}`;
    const maxLength = info.maxLength ?? doc?.maxLength;
    if (maxLength !== undefined && value.length > maxLength)
      return `must have at most ${maxLength} characters`;
    const problem = durationProblem(value, doc?.format);
    if (problem) return problem;
  }
  if (typeof value === 'number' && type === 'number' && doc?.format !== 'double') {
    if (!Number.isInteger(value)) return `must be an integer, got ${value}`;
    const [min, max] = integerRange(doc?.format);
    if (value < min || value > max)
      return `${value} does not fit in ${doc?.format === 'uint32' ? 'uint32' : 'int32'}`;
  }
  return undefined;
}
