/** Paired comparison of a strategy with the baseline over replications that share seeds (common random numbers). */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { tInterval } from './summary.js';

export interface PairedDifference {
  meanDiff: number;
  lo: number;
  hi: number;
  n: number;
  /** True when the interval excludes 0 and rests on at least two pairs (one comparison on its own: see holm.ts for many). */
  distinguishable: boolean;
  /**
   * Two-sided p-value of the paired t-test (mean difference 0), on n − 1 degrees of freedom: below
   * 1 − level exactly when the interval excludes 0. NaN with fewer than two pairs; with zero spread
   * 0 for a non-zero difference, 1 for none.
   */
  p: number;
}

/** Two-sided p-value of a one-sample t statistic for the mean of `n` values. */
export function tTestP(mean: number, sd: number, n: number): number {
  if (!(n >= 2) || !Number.isFinite(mean)) return NaN;
  if (sd === 0) return mean === 0 ? 1 : 0;
  const t = Math.abs(mean) / (sd / Math.sqrt(n));
  return Math.min(1, 2 * tCdf(-t, n - 1));
}

/**
 * Mean and Student-t interval of strategy[i] − baseline[i]. Index i must be the same replication
 * (same seeds) on both sides: pairing removes the noise the two runs share, which is why the
 * interval is usually much narrower than comparing two unpaired intervals. Pairs where either
 * value is not finite are skipped. One pair gives lo = hi = meanDiff but is never called
 * distinguishable, since there is no estimate of the noise; with ≥ 2 pairs and zero spread
 * the difference is distinguishable exactly when it is non-zero.
 */
export function pairedDifference(strategy: ArrayLike<number>, baseline: ArrayLike<number>, level = 0.95): PairedDifference {
  if (strategy.length !== baseline.length) throw new Error(`paired difference needs equal lengths, got ${strategy.length} and ${baseline.length}`);
  const diffs: number[] = [];
  for (let i = 0; i < strategy.length; i++) {
    const d = strategy[i] - baseline[i];
    if (Number.isFinite(d)) diffs.push(d);
  }
  const ci = tInterval(diffs, level);
  const distinguishable = ci.n >= 2 && (ci.lo > 0 || ci.hi < 0);
  return { meanDiff: ci.mean, lo: ci.lo, hi: ci.hi, n: ci.n, distinguishable, p: tTestP(ci.mean, ci.sd, ci.n) };
}
