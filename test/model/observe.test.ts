/**
 * Likelihood to recommend and NPS (docs/MODEL.md §10).
 *   L = clamp(round(S + w_T·(T − T₀) + u), 0, 10); promoters 9–10, passives 7–8, detractors 0–6;
 *   NPS = 100·(promoters − detractors)/customers.
 * Exact checks: hand-computed counts and scores (no tolerance but floating rounding, 1e-9), and
 * the rounding boundaries through a run in which every customer has the same score (no
 * episodes, disposition 0, trust at its initial level, so x = as-expected score exactly; the
 * boundary scores 8.5 and 6.5 are exact in float32, 6.49 rounds below 6.49 in float32, so it
 * stays a 6).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { likelihoodToRecommend, nps, standing } from '../../src/model/mechanisms/standing.js';
import { CUSTOMER } from '../../src/model/population.js';
import { oneSegmentParams, params, run } from '../helpers/model.js';

const category = (l: number) => (l >= 9 ? 'promoter' : l >= 7 ? 'passive' : 'detractor');

describe('nps()', () => {
  it('is % promoters − % detractors on hand counts', () => {
    expect(nps(50, 20, 100)).toBeCloseTo(30, 12);
    expect(nps(3, 1, 8)).toBeCloseTo(25, 12); // 37.5 − 12.5
    expect(nps(1, 2, 3)).toBeCloseTo(-100 / 3, 12);
    expect(nps(7, 0, 7)).toBeCloseTo(100, 12);
    expect(nps(0, 5, 5)).toBeCloseTo(-100, 12);
    expect(nps(4, 4, 10)).toBeCloseTo(0, 12);
  });

  it('is 0 when nobody answers', () => {
    expect(nps(0, 0, 0)).toBe(0);
  });
});

describe('likelihoodToRecommend()', () => {
  const cfg = standing.compile(params()); // w_T = 2, T₀ = 0.5
  /** One person with satisfaction s, trust t, disposition u (stored as float32, as in the model). */
  const ltr = (s: number, t: number, u: number) => {
    return likelihoodToRecommend(cfg, Math.fround(s), Math.fround(t), Math.fround(u));
  };

  it('rounds half up at the category boundaries', () => {
    expect(ltr(8.5, 0.5, 0)).toBe(9);
    expect(category(ltr(8.5, 0.5, 0))).toBe('promoter');
    expect(ltr(8.49, 0.5, 0)).toBe(8);
    expect(ltr(6.5, 0.5, 0)).toBe(7);
    expect(category(ltr(6.5, 0.5, 0))).toBe('passive');
    expect(ltr(6.49, 0.5, 0)).toBe(6);
    expect(category(ltr(6.49, 0.5, 0))).toBe('detractor');
  });

  it('adds w_T·(T − T₀) and the disposition', () => {
    expect(ltr(7, 0.75, 0)).toBe(8); // 7 + 2·0.25 = 7.5 → 8
    expect(ltr(7, 0.25, 0)).toBe(7); // 6.5 → 7
    expect(ltr(7, 0.5, 1.5)).toBe(9); // 8.5 → 9
    expect(ltr(7, 0.5, -0.6)).toBe(6); // 6.4 → 6
  });

  it('is clamped to 0…10', () => {
    expect(ltr(10, 1, 2)).toBe(10); // 13
    expect(ltr(0, 0, -2)).toBe(0); // −3
    expect(ltr(9.8, 1, 0)).toBe(10); // 10.8 → 11 → 10
  });
});

describe('in a run', () => {
  /** Everyone scores exactly x = as-expected score: no episodes, no disposition, trust at T₀. */
  const uniform = (x: number) =>
    run(
      oneSegmentParams(
        {
          market: { size: 200, initialCustomers: 200 },
          journey: { episodesPerYear: 0 },
          customers: { dispositionSd: 0 },
          churn: { annualBaseRate: 0 },
          wom: { network: { type: 'fullyMixed' } },
        },
        { asExpectedScore: x },
      ),
      2,
    ).series;

  it.each([
    [8.5, 'promoters'],
    [8.49, 'passives'],
    [6.5, 'passives'],
    [6.49, 'detractors'],
    [9.6, 'promoters'],
    [3, 'detractors'],
  ] as const)('a score of %f counts everyone among the %s', (x, where) => {
    const s = uniform(x);
    for (let d = 0; d <= 2; d++) {
      expect(s[where][d]).toBe(100);
      expect(s.nps[d]).toBe(where === 'promoters' ? 100 : where === 'detractors' ? -100 : 0);
    }
  });

  it('every day, NPS, shares and means equal a recount of the population (not the running totals)', () => {
    // standing.ts keeps the totals incrementally; here they are recounted from the typed arrays
    // with likelihoodToRecommend (rounding, not the thresholds the engine compares).
    const p = params({ market: { size: 3_000, initialCustomers: 600 }, journey: { episodesPerYear: 60, processQuality: 0.95 }, acquisition: { spendPerDay: 300 }, service: { model: 'contactCentre' } });
    const cfg = standing.compile(p);
    const recount: { nps: number; promoters: number; detractors: number; satisfaction: number; trust: number; customers: number }[] = [];
    const r = simulate({
      strategy: 'x', params: p, seed: 3, replication: 0, days: 90,
      inspect: (_day, pop) => {
        let c = 0, pr = 0, de = 0, s = 0, t = 0;
        const satisfaction = pop.column('satisfaction', 'f32'), trust = pop.column('trust', 'f32'), disposition = pop.column('disposition', 'f32');
        for (let i = 0; i < pop.n; i++) {
          if (pop.state[i] !== CUSTOMER) continue;
          c++;
          s += satisfaction[i];
          t += trust[i];
          const l = likelihoodToRecommend(cfg, satisfaction[i], trust[i], disposition[i]);
          if (l >= 9) pr++;
          else if (l <= 6) de++;
        }
        recount.push({ nps: nps(pr, de, c), promoters: (100 * pr) / c, detractors: (100 * de) / c, satisfaction: s / c, trust: t / c, customers: c });
      },
    });
    const s = r.series;
    let seenBoth = false;
    recount.forEach((x, d) => {
      expect(s.customers[d], `day ${d}`).toBe(x.customers);
      for (const k of ['nps', 'promoters', 'detractors', 'satisfaction', 'trust'] as const) expect(Math.abs(s[k][d] - x[k]), `${k} day ${d}`).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(s.promoters[d] + s.passives[d] + s.detractors[d] - 100)).toBeLessThanOrEqual(1e-9);
      if (x.promoters > 0 && x.detractors > 0) seenBoth = true;
    });
    expect(recount).toHaveLength(91);
    expect(seenBoth).toBe(true); // a mixed population, with episodes, contacts and word of mouth moving it
  });
});
