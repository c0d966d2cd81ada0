import { describe, expect, it } from 'vitest';
import { countText } from './count';

describe('countText', () => {
  it('prints an exact count as counted and an estimate as "about"', () => {
    expect(countText({ value: 9_999, exact: true })).toBe('9,999');
    expect(countText({ value: 52_310, exact: false })).toBe('about 52,310');
  });
});
