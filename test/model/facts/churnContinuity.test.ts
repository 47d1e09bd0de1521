/**
 * Stylised fact (issue 9 §3, MODEL.md §6): churn responds continuously to how bad a failure is —
 * no jump of growth between adjacent values of an episode-impact parameter larger than the graded
 * quit equation allows. failureImpact.minor is swept in test/model/recovery.test.ts; here the two
 * major severities, whose quit figures are TARP's major column.
 *
 * Bound. Moving journey.failureImpact.<sev> by Δx moves the shortfall b = (E − s)/E of an episode
 * with that failure by Δx times the product of its other steps' multipliers (≤ 1 unless another
 * step delights, 2% a step; the score is capped at 10 anyway), so its quit
 * probability q = κ·q_TARP(o, major)·min(1, b/b_full) by at most κ·max_o q_TARP(o, major)·Δx/b_full
 * (the derivative of the graded equation). The yearly churn moves by at most (problems of that
 * severity per customer-year)·Δq, i.e. growth by as much, in %-points a year; word of mouth,
 * win-back and the everyday hazard (through satisfaction) pass part of it on within the year, for
 * which we allow a factor 2, as in recovery.test.ts. Paired differences over R replications on
 * common random numbers; a difference is accepted up to bound + t·SE, t the two-sided 99.9% quantile
 * of Student's t with R − 1 degrees of freedom (6.87 for R = 6).
 * A threshold response (the old model: a quit only below score 5) moved growth by 4.3 points
 * between adjacent values; this bound is under 1 point, so the test can fail.
 */
import { describe, expect, it } from 'vitest';
import { params, run } from '../../helpers/model.js';
import { tCritical } from '../../../src/stats/summary.js';

const R = 6, T = tCritical(0.999, R - 1), DAYS = 365, STEP = 0.05;
const base = params({ market: { size: 10_000, initialCustomers: 2_500 }, acquisition: { spendPerDay: 500 }, wom: { network: { type: 'fullyMixed' } } });

describe.each([
  ['moneyLost', [0.5, 0.55, 0.6, 0.65, 0.7]],
  ['mistreatment', [0.55, 0.6, 0.65, 0.7, 0.75]],
] as const)('failureImpact.%s', (severity, impacts) => {
  it('adjacent values change yearly growth by no more than the graded-churn bound', () => {
    const growth = impacts.map((v) =>
      Array.from({ length: R }, (_, rep) => {
        const p = params({ ...base, journey: { ...base.journey, failureImpact: { ...base.journey.failureImpact, [severity]: v } } });
        const s = run(p, DAYS, 5, rep).series;
        return 100 * (s.customers[DAYS] / s.customers[0] - 1);
      }),
    );
    const j = base.journey, r = base.recovery;
    const fail = Object.values(j.touchpoints).map((t) => t.failureWeight * (1 - j.processQuality));
    const perYear = j.episodesPerYear * (1 - fail.reduce((a, f) => a * (1 - f), 1)) * j.severityMix[severity];
    const maxQ = Math.max(...(['silent', 'unresolved', 'resolved', 'resolvedQuickly'] as const).map((o) => r[o].major));
    const bound = 2 * 100 * perYear * r.intentionRealisation * maxQ * (STEP / r.fullShortfall);
    expect(bound).toBeLessThan(1);
    for (let k = 1; k < impacts.length; k++) {
      const d = growth[k].map((g, rep) => g - growth[k - 1][rep]);
      const mean = d.reduce((a, b) => a + b, 0) / R;
      const se = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1) / R);
      expect(Math.abs(mean), `${impacts[k - 1]} → ${impacts[k]}: Δ ${mean.toFixed(2)} ± ${se.toFixed(2)}, bound ${bound.toFixed(2)}`).toBeLessThanOrEqual(bound + T * se);
    }
  });
});
