/**
 * Stylised fact: a sampled NPS carries its sampling error (brief §4), and its 95% interval covers
 * the truth at its nominal level — when nobody chooses whether to answer by how they feel.
 * (src/model/mechanisms/survey.ts, MODEL.md §23.)
 *
 * Design. K independent runs (replications 0…K−1 of a small market); on the last day each run
 * surveys `sampleSize` customers without replacement and each answers with probability r
 * (tilt 0: a simple random sample of the day's customers). The firm's interval is
 *   survey NPS ± 1.96·SE,  SE = 100·√((P + D − (P − D)²)/k)·√((n − k)/(n − 1)),
 * k answers out of n customers, P and D the promoter and detractor shares (brief §4 with the
 * finite-population correction; taken from the census, i.e. the SE of the estimator itself).
 * Under the model the K coverage events are independent Bernoulli(≈0.95) (each run has its own
 * population and its own survey stream), so the number covered is Binomial(K, 0.95): we accept
 * the count inside its central 99.9% band, computed exactly (stats.ts). At k ≈ 300 answers the
 * normal approximation behind the interval is off by well under a point of coverage, far
 * inside the band (≈ ±3.3 points for K = 400).
 *
 * Response bias (the documented direction, MODEL.md §23: with tilt τ > 0 happier customers answer
 * more, so the survey overstates the census). With the default tilt the same runs must show (a) a
 * mean gap survey − census above 0 by more than 3.29 of its standard errors (one-sided
 * confidence > 99.9%) and (b) a coverage count below the 99.9% band of (1): bias moves the
 * survey off the truth in the documented direction, and the interval no longer says so.
 */
import { describe, expect, it } from 'vitest';
import { params, run } from '../../helpers/model.js';
import { binomialBand, zTwoSided } from './stats.js';

const K = 400, DAYS = 20, LEVEL = 0.999;
const market = { market: { size: 4_000, initialCustomers: 2_000 }, wom: { network: { type: 'fullyMixed' } }, acquisition: { spendPerDay: 100 }, journey: { episodesPerYear: 12, processQuality: 0.97 } };

/** The last-day survey of each of K runs, with its census. */
function lastSurveys(tilt: number) {
  return Array.from({ length: K }, (_, rep) => {
    const s = run(params({ ...market, survey: { everyDays: DAYS, sampleSize: 500, responseRate: 0.6, responseTilt: tilt } }), DAYS, 31, rep).series;
    const k = s.surveyResponses[DAYS], n = s.customers[DAYS];
    const p = s.promoters[DAYS] / 100, d = s.detractors[DAYS] / 100;
    const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / k) * Math.sqrt((n - k) / (n - 1));
    return { gap: (100 * s.surveyNetPromoters[DAYS]) / k - s.nps[DAYS], se, k };
  });
}

describe('survey NPS interval against the census truth', () => {
  const [lo, hi] = binomialBand(K, 0.95, LEVEL);
  let unbiasedCovered = 0;

  it('without response bias, the 95% interval covers the census NPS in 95% of runs (count inside the 99.9% binomial band)', () => {
    const all = lastSurveys(0);
    expect(Math.min(...all.map((x) => x.k))).toBeGreaterThan(200); // the interval's normal approximation holds
    unbiasedCovered = all.filter((x) => Math.abs(x.gap) <= 1.96 * x.se).length;
    expect(unbiasedCovered, `${unbiasedCovered}/${K} covered, band ${lo}–${hi}`).toBeGreaterThanOrEqual(lo);
    expect(unbiasedCovered).toBeLessThanOrEqual(hi);
  });

  it('with the default response bias, the survey overstates the census and coverage falls below the band', () => {
    const all = lastSurveys(params().survey.responseTilt);
    const gaps = all.map((x) => x.gap);
    const mean = gaps.reduce((a, b) => a + b, 0) / K;
    const se = Math.sqrt(gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / (K - 1) / K);
    expect(mean, `gap ${mean.toFixed(2)} ± ${se.toFixed(2)} points`).toBeGreaterThan(zTwoSided(0.998) * se);
    const covered = all.filter((x) => Math.abs(x.gap) <= 1.96 * x.se).length;
    expect(covered, `${covered}/${K} covered with bias, band ${lo}–${hi}`).toBeLessThan(lo);
  });
});
