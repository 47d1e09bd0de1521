/** Descriptive statistics over replications: mean, sample standard deviation and Student-t intervals. */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * Arithmetic mean, NaN for an empty list. Computed as v₀ + mean(vᵢ − v₀) so that identical values
 * give exactly that value back (and hence an exactly zero standard deviation and interval width).
 */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  const v0 = values[0];
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i] - v0;
  return v0 + s / n;
}

/** Sample standard deviation (n − 1 denominator); 0 for a single value, NaN for none. */
export function sd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  if (n === 1) return 0;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/** Two-sided Student-t critical value for a confidence level and degrees of freedom (2.776 for 95 %, 4 df). */
export function tCritical(level: number, df: number): number {
  return tQuantile(1 - (1 - level) / 2, df);
}

export interface Interval {
  mean: number;
  lo: number;
  hi: number;
  sd: number;
  n: number;
}

/**
 * Student-t confidence interval for the mean of independent replications: mean ± t·sd/√n.
 * With n = 1 there is no estimate of spread, so the interval collapses to the value itself
 * (lo = hi = mean, sd = 0): the caller must not read that as certainty. Never NaN for n ≥ 1
 * finite values; every field but n is NaN for an empty list.
 */
export function tInterval(values: ArrayLike<number>, level = 0.95): Interval {
  const n = values.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, sd: NaN, n: 0 };
  const m = mean(values);
  const s = sd(values);
  if (n === 1 || s === 0) return { mean: m, lo: m, hi: m, sd: s, n };
  const half = (tCritical(level, n - 1) * s) / Math.sqrt(n);
  return { mean: m, lo: m - half, hi: m + half, sd: s, n };
}

/** Keeps the finite values only: replications where a metric is undefined (NaN) drop out of n. */
export function finite(values: Iterable<number>): number[] {
  const out: number[] = [];
  for (const v of values) if (Number.isFinite(v)) out.push(v);
  return out;
}
