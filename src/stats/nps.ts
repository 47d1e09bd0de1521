/** Sampling error of a Net Promoter Score measured on n respondents. */

/**
 * Standard error of NPS in points (×100): √((P + D − (P − D)²)/n), with P and D the promoter and
 * detractor shares as fractions 0…1 (not percentages). NaN when n ≤ 0, where no score exists.
 */
export function npsStandardError(promoterShare: number, detractorShare: number, n: number): number {
  if (!(n > 0)) return NaN;
  const p = promoterShare;
  const d = detractorShare;
  // max(0, …) guards against rounding just below zero when P + D ≈ (P − D)², e.g. all promoters.
  return 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
}
