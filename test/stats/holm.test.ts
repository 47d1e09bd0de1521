/** Holm's adjustment and the paired t-test p-value behind the "distinguishable" verdicts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/stats/holm.js';
import { pairedDifference, tTestP } from '../../src/stats/paired.js';
import { normal } from '../../src/random/normal.js';
import { stream } from '../../src/random/streams.js';

describe('holmAdjust', () => {
  it('matches a hand computation: ×4, ×3, ×2, ×1 in ascending order, never below the previous', () => {
    // sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → 0.06
    const adj = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => expect(adj[i]).toBeCloseTo(v, 12));
  });

  it('leaves untested comparisons (NaN) out of the count', () => {
    const adj = holmAdjust([0.02, NaN, 0.01]);
    expect(adj[1]).toBeNaN();
    expect(adj[0]).toBeCloseTo(0.02, 12); // m = 2: 0.01·2 = 0.02, then max(0.02, 0.02·1)
    expect(adj[2]).toBeCloseTo(0.02, 12);
  });

  it('caps at 1; one test is left as it is', () => {
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(holmAdjust([0.03])).toEqual([0.03]);
  });

  it('property: adjusted ≥ raw, ≤ 1, in the same order as the raw values, and ≤ Bonferroni', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (p) => {
        const adj = holmAdjust(p);
        p.forEach((v, i) => {
          expect(adj[i]).toBeGreaterThanOrEqual(v);
          expect(adj[i]).toBeLessThanOrEqual(1);
          expect(adj[i]).toBeLessThanOrEqual(Math.min(1, p.length * v) + 1e-15);
          p.forEach((w, j) => { if (v < w) expect(adj[i]).toBeLessThanOrEqual(adj[j]); });
        });
      }),
    );
  });

  it('keeps the family-wise error rate at 5 %: 2,000 families of 12 true-null paired comparisons', () => {
    // Every comparison is pure noise (no difference), n = 6 pairs. Unadjusted, a family holds at
    // least one false "distinguishable" with probability 1 − 0.95¹² ≈ 0.46; Holm keeps it ≤ 0.05.
    // With 2,000 families the estimate's standard error at 0.05 is √(0.05·0.95/2000) ≈ 0.0049:
    // the bound 0.05 + 3.1·0.0049 ≈ 0.065 fails a correct method with probability < 0.1 % (one-sided).
    const rng = stream(7, 'holm-test');
    const families = 2000, m = 12, n = 6;
    let holmFamilies = 0, rawFamilies = 0;
    for (let f = 0; f < families; f++) {
      const p = Array.from({ length: m }, () => {
        const a = Array.from({ length: n }, () => normal(rng)), b = Array.from({ length: n }, () => normal(rng));
        return pairedDifference(a, b).p;
      });
      if (p.some((v) => v < 0.05)) rawFamilies++;
      if (holmAdjust(p).some((v) => v < 0.05)) holmFamilies++;
    }
    expect(holmFamilies / families).toBeLessThan(0.065);
    expect(rawFamilies / families).toBeGreaterThan(0.4); // the problem the adjustment solves
  });
});

describe('paired t-test p-value', () => {
  it('matches a hand computation: diffs 1, 2, 3 → t = 2/(1/√3) = 3.464 on 2 df, p = 0.0742', () => {
    expect(pairedDifference([10, 12, 14], [9, 10, 11]).p).toBeCloseTo(0.07418, 4);
  });

  it('is below 0.05 exactly when the 95 % interval excludes 0', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), { minLength: 2, maxLength: 12 }), (pairs) => {
        const d = pairedDifference(pairs.map(([a]) => a), pairs.map(([, b]) => b));
        expect(d.p < 0.05).toBe(d.distinguishable);
      }),
    );
  });

  it('is NaN without two pairs; 0 or 1 with zero spread', () => {
    expect(tTestP(2, 0, 1)).toBeNaN();
    expect(tTestP(2, 0, 3)).toBe(0);
    expect(tTestP(0, 0, 3)).toBe(1);
  });
});
