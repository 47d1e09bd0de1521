/** Paired differences against the baseline: hand computation and the zero-variance rule. */
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/stats/paired.js';

describe('pairedDifference', () => {
  it('matches a hand computation: diffs 1, 2, 3 → 2 ± 4.303/√3', () => {
    const d = pairedDifference([10, 12, 14], [9, 10, 11]);
    const half = 4.302653 / Math.sqrt(3);
    expect(d.meanDiff).toBe(2);
    expect(d.n).toBe(3);
    expect(d.lo).toBeCloseTo(2 - half, 5);
    expect(d.hi).toBeCloseTo(2 + half, 5);
    expect(d.distinguishable).toBe(false); // the interval (−0.48, 4.48) contains 0
  });
  it('calls a clear shift distinguishable', () => {
    const d = pairedDifference([110, 121, 131], [100, 110, 121]);
    expect(d.lo).toBeGreaterThan(0);
    expect(d.distinguishable).toBe(true);
  });
  it('with zero variance: distinguishable iff the difference is non-zero', () => {
    expect(pairedDifference([1.5, 2.5, 3.5], [1, 2, 3]).distinguishable).toBe(true);
    expect(pairedDifference([0.5, 1.5, 2.5], [1, 2, 3]).distinguishable).toBe(true);
    const zero = pairedDifference([1, 2, 3], [1, 2, 3]);
    expect(zero).toEqual({ meanDiff: 0, lo: 0, hi: 0, n: 3, distinguishable: false, p: 1 });
  });
  it('never calls a single pair distinguishable, though lo = hi = the difference', () => {
    expect(pairedDifference([5], [3])).toEqual({ meanDiff: 2, lo: 2, hi: 2, n: 1, distinguishable: false, p: NaN });
  });
  it('skips pairs with a non-finite side', () => {
    const d = pairedDifference([NaN, 2, 3, 4], [1, 1, 2, 3]);
    expect(d.n).toBe(3);
    expect(d.meanDiff).toBe(1);
  });
  it('rejects unequal lengths', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/equal lengths/);
  });
});
