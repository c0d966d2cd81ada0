import { describe, expect, it } from 'vitest';
import { knownDate } from './dates';

describe('knownDate', () => {
  it('shows a date only as exactly as it is known', () => {
    expect(knownDate('1979-01-01T00:00:00.000Z', 'YEAR')).toBe('1979');
    expect(knownDate('2003-03-01T00:00:00.000Z', 'MONTH')).toBe('2003-03');
    expect(knownDate('2019-12-29T00:00:00.000Z', 'DAY')).toBe('2019-12-29');
    expect(knownDate('2019-12-29T14:05:00.000Z', 'EXACT')).toBe('2019-12-29');
    expect(knownDate('2019-12-29T00:00:00.000Z', 'APPROXIMATE')).toBe('about 2019-12-29');
  });
});
