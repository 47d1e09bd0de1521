/** NPS standard error against the formula √((P + D − (P − D)²)/n) × 100. */
import { describe, expect, it } from 'vitest';
import { npsStandardError } from '../../src/stats/nps.js';

describe('npsStandardError', () => {
  it('matches a hand computation: P = 0.5, D = 0.2, n = 100 → √0.0061 × 100 ≈ 7.81 points', () => {
    expect(npsStandardError(0.5, 0.2, 100)).toBeCloseTo(7.8102497, 6);
  });
  it('is largest for a half-and-half split: P = D = 0.5, n = 400 → 5 points', () => {
    expect(npsStandardError(0.5, 0.5, 400)).toBeCloseTo(5, 12);
  });
  it('is 0 when everyone answers the same', () => {
    expect(npsStandardError(1, 0, 50)).toBe(0);
    expect(npsStandardError(0, 1, 50)).toBe(0);
    expect(npsStandardError(0, 0, 50)).toBe(0);
  });
  it('is NaN without respondents', () => {
    expect(npsStandardError(0.4, 0.2, 0)).toBeNaN();
  });
});
