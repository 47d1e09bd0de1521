/** Hand-computed checks of mean, sd and the Student-t interval, plus edge cases. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finite, mean, sd, tCritical, tInterval } from '../../src/stats/summary.js';

describe('mean and sd', () => {
  it('match the textbook formulas', () => {
    expect(mean([1, 2, 3, 4, 5])).toBe(3);
    expect(sd([1, 2, 3, 4, 5])).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });
  it('handle one and no values', () => {
    expect(mean([4])).toBe(4);
    expect(sd([4])).toBe(0);
    expect(mean([])).toBeNaN();
    expect(sd([])).toBeNaN();
  });
  it('give identical values back exactly, with zero spread', () => {
    expect(mean([0.1, 0.1, 0.1])).toBe(0.1);
    expect(sd([0.1, 0.1, 0.1])).toBe(0);
  });
});

describe('tCritical', () => {
  it('is 2.776 for 95% and 4 df, 12.706 for 1 df, 2.132 for 90% and 4 df', () => {
    expect(tCritical(0.95, 4)).toBeCloseTo(2.776445, 5);
    expect(tCritical(0.95, 1)).toBeCloseTo(12.7062, 3);
    expect(tCritical(0.9, 4)).toBeCloseTo(2.131847, 5);
  });
});

describe('tInterval', () => {
  it('is mean ± t·sd/√n', () => {
    const ci = tInterval([1, 2, 3, 4, 5]);
    const half = (2.776445 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(ci.mean).toBe(3);
    expect(ci.n).toBe(5);
    expect(ci.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(ci.lo).toBeCloseTo(3 - half, 5);
    expect(ci.hi).toBeCloseTo(3 + half, 5);
  });
  it('uses the requested level', () => {
    const ci = tInterval([1, 2, 3, 4, 5], 0.9);
    expect(ci.hi - ci.mean).toBeCloseTo((2.131847 * Math.sqrt(2.5)) / Math.sqrt(5), 5);
  });
  it('collapses to the value for n = 1', () => {
    expect(tInterval([42])).toEqual({ mean: 42, lo: 42, hi: 42, sd: 0, n: 1 });
  });
  it('has zero width for identical values', () => {
    const ci = tInterval([7.3, 7.3, 7.3, 7.3]);
    expect(ci.lo).toBe(7.3);
    expect(ci.hi).toBe(7.3);
  });
  it('is NaN (n = 0) for no values', () => {
    const ci = tInterval([]);
    expect(ci.n).toBe(0);
    expect(ci.mean).toBeNaN();
  });
  it('is never NaN and brackets the mean for n ≥ 1 finite values', () => {
    const value = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 30 }), (xs) => {
        const ci = tInterval(xs);
        return [ci.mean, ci.lo, ci.hi, ci.sd].every(Number.isFinite) && ci.lo <= ci.mean && ci.mean <= ci.hi && ci.n === xs.length;
      }),
    );
  });
});

describe('finite', () => {
  it('drops NaN and infinities', () => {
    expect(finite([1, NaN, 2, Infinity, -Infinity, 3])).toEqual([1, 2, 3]);
  });
});
