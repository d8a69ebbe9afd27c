import { describe, expect, it } from 'vitest';

import { fieldInfo } from './catalogue';
import { fieldValueProblem } from './field-value';

describe('fieldValueProblem', () => {
  const timeout = fieldInfo('VirtualService', ['http', '[]', 'timeout'])!;
  const port = fieldInfo('ServiceEntry', ['ports', '[]', 'number'])!;

  it('checks durations as Istio does', () => {
    expect(fieldValueProblem(timeout, '5s')).toBeUndefined();
    expect(fieldValueProblem(timeout, '1h30m')).toBeUndefined();
    expect(fieldValueProblem(timeout, '5')).toBe('bad Duration: time: invalid duration "5"');
    expect(fieldValueProblem(timeout, '500us')).toBe('duration must be greater than 1ms');
    expect(fieldValueProblem(timeout, '1.5ms')).toBe('only durations to ms precision are supported');
  });

  it('checks integers and their width', () => {
    expect(fieldValueProblem(port, 443)).toBeUndefined();
    expect(fieldValueProblem(port, 44.3)).toBe('must be an integer, got 44.3');
    expect(fieldValueProblem(port, 2 ** 32)).toMatch(/does not fit/);
  });

  it('checks enum values', () => {
    const resolution = fieldInfo('ServiceEntry', ['resolution'])!;
    expect(fieldValueProblem(resolution, 'DNS')).toBeUndefined();
    expect(fieldValueProblem(resolution, 'dns')).toMatch(/^must be one of NONE, STATIC, DNS/);
  });
});
