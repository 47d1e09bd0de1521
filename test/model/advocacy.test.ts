/**
 * Saying one would recommend is not recommending (docs/MODEL.md §11; East, Romaniuk & Lomax
 * 2011). Every customer has a fixed voice u ~ U(0, 1): a promoter recommends if u < r_P, a
 * passive if u < r_N, a detractor warns if u < r_D.
 *
 * 1. A market of promoters only (as-expected score 10, no disposition): the share who recommend
 *    is Binomial(N, r_P)/N — 4.4 SD — while NPS is 100 whatever r_P.
 * 2. The same NPS, different behaviour, different growth: fully mixed word of mouth as the only
 *    mechanism, adoption h = p + q·(recommending share); with r_P = 1 it is the Bass recurrence,
 *    with r_P = 0.3 the first day's adopters follow p + q·0.3·F₀ instead (binomial, 4.4 SD).
 */
import { describe, expect, it } from 'vitest';
import { oneSegmentParams, run } from '../helpers/model.js';

const Z = 4.4;
const promoters = (n: number, initial: number, promotersRecommend: number) =>
  oneSegmentParams(
    {
      market: { size: n, initialCustomers: initial },
      customers: { dispositionSd: 0 },
      journey: { episodesPerYear: 0 },
      churn: { annualBaseRate: 0 },
      acquisition: { organicInfluence: 0.01, winBackFactor: 0 },
      wom: { network: { type: 'fullyMixed' }, advocacyInfluence: 0.3, recommend: { promoters: promotersRecommend } },
    },
    { asExpectedScore: 10 },
  );

describe('recommending is a behaviour, not a score', () => {
  it('of promoters, a share r_P recommends; NPS stays 100', () => {
    const n = 20_000;
    for (const r of [0.3, 0.7]) {
      const s = run(promoters(n, n, r), 1, 5).series;
      expect(s.nps[0]).toBe(100);
      expect(Math.abs((s.advocates[0] / 100) * n - n * r)).toBeLessThanOrEqual(Z * Math.sqrt(n * r * (1 - r)));
    }
  });

  it('the same NPS grows a market by what customers do: day-1 adoption p + q·(recommending share)', () => {
    const n = 100_000, initial = 20_000;
    for (const r of [1, 0.3]) {
      const s = run(promoters(n, initial, r), 1, 6).series;
      const recommending = (s.advocates[0] / 100) * initial;
      const h = 0.01 + (0.3 * recommending) / n;
      const prospects = n - initial;
      expect(Math.abs(s.acquired[1] - prospects * h)).toBeLessThanOrEqual(Z * Math.sqrt(prospects * h * (1 - h)));
    }
  });
});
