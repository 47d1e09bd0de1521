/** Small exact distributions for the stylised-fact tests (tolerances derived, not pasted). */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Two-sided normal critical value at confidence `level` (0.999 → 3.29). */
export const zTwoSided = (level: number): number => normalQuantile(1 - (1 - level) / 2, 0, 1);

/**
 * The central band [lo, hi] of Binomial(k, p) holding at least `level` of its mass: lo is the
 * largest count with P(X < lo) ≤ (1 − level)/2, hi the smallest with P(X > hi) ≤ (1 − level)/2.
 * The pmf is computed in logs (exact up to float rounding for k in the thousands).
 */
export function binomialBand(k: number, p: number, level: number): [number, number] {
  const logPmf = (x: number) => lgammaInt(k + 1) - lgammaInt(x + 1) - lgammaInt(k - x + 1) + x * Math.log(p) + (k - x) * Math.log1p(-p);
  const tail = (1 - level) / 2;
  let lo = 0, cum = 0;
  while (lo <= k && cum + Math.exp(logPmf(lo)) <= tail) cum += Math.exp(logPmf(lo++));
  let hi = k;
  cum = 0;
  while (hi >= 0 && cum + Math.exp(logPmf(hi)) <= tail) cum += Math.exp(logPmf(hi--));
  return [lo, hi];
}

/** ln(n − 1)! for integer n ≥ 1, by summing logs (k is small here). */
function lgammaInt(n: number): number {
  let s = 0;
  for (let i = 2; i < n; i++) s += Math.log(i);
  return s;
}
