/**
 * Moments of truth (docs/MODEL.md §3): episodes of their own kind — a claim — with their own
 * frequency, steps, severities and weight in memory.
 *
 * 1. Frequency: each customer has the moment on a day with probability perYear/365, so the day's
 *    moments are Binomial(customers, perYear/365): 4.4 SD.
 * 2. Salience, exactly: a closed market where the only episodes are claims, every claim's one
 *    step fails with a minor failure (×0.6): satisfaction follows S ← S + s·(0.6·E − S) with the
 *    claim's salience s, not customers.memoryWeight.
 * 3. Stakes: a claim's failures are mostly money lost, which customers voice more often (TARP):
 *    the claims' problems become cases for the desk.
 */
import { describe, expect, it } from 'vitest';
import { oneSegmentParams, paramsWith, run, sumDays } from '../helpers/model.js';

const Z = 4.4;

describe('moments of truth', () => {
  it('happen perYear/365 a customer-day', () => {
    const n = 20_000;
    const p = oneSegmentParams({ market: { size: n, initialCustomers: n }, churn: { annualBaseRate: 0 }, acquisition: { organicInfluence: 0, winBackFactor: 0 }, wom: { network: { type: 'fullyMixed' } }, journey: { moments: { claim: { perYear: 18.25, touchpoints: { assess: { failureWeight: 1 } } } } } });
    const s = run(p, 30, 3).series;
    const q = 18.25 / 365;
    for (let d = 1; d <= 30; d++) expect(Math.abs(s.moments[d] - s.customers[d - 1] * q)).toBeLessThanOrEqual(Z * Math.sqrt(s.customers[d - 1] * q * (1 - q)));
  });

  it('weigh in memory by their salience', () => {
    const E = 7.5, salience = 0.6;
    const p = paramsWith(
      {
        market: { size: 2_000, initialCustomers: 2_000 },
        churn: { annualBaseRate: 0 },
        acquisition: { organicInfluence: 0, winBackFactor: 0 },
        wom: { network: { type: 'fullyMixed' } },
        complaints: { minor: { frontLine: 0, headquarters: 0 } },
        recovery: { silent: { minor: 0 } },
        customers: { memoryWeight: 0.1 },
        journey: {
          episodesPerYear: 0, processQuality: 0, frustrationRate: 0, delightRate: 0,
          moments: { claim: { perYear: 365, touchpoints: { assess: { failureWeight: 1 } }, severityMix: { minor: 1, moneyLost: 0, mistreatment: 0 }, salience } },
        },
      },
      { segments: { all: { share: 1, marginMultiplier: 1, churnMultiplier: 1, asExpectedScore: E, priceSensitivity: 0, talkativeness: 1 } } },
    );
    const s = run(p, 5, 4).series;
    let sat = E;
    for (let d = 1; d <= 5; d++) {
      sat += salience * (0.6 * E - sat);
      expect(Math.abs(s.satisfaction[d] - sat), `day ${d}`).toBeLessThan(1e-4);
    }
    expect(s.momentScore[1]).toBeCloseTo(0.6 * E, 6);
  });

  it('put money at stake: their problems are voiced and handled as cases', () => {
    const p = oneSegmentParams({
      market: { size: 10_000, initialCustomers: 10_000 },
      wom: { network: { type: 'fullyMixed' } },
      journey: { episodesPerYear: 0, processQuality: 0.9, moments: { claim: { perYear: 12, touchpoints: { assess: { failureWeight: 1 } } } } },
    });
    const s = run(p, 60, 5).series;
    expect(sumDays(s.momentProblems)).toBeGreaterThan(50);
    expect(sumDays(s.complaintsVoiced)).toBeGreaterThan(0.4 * sumDays(s.momentProblems)); // money lost: 62.5% voiced
    expect(sumDays(s.casesEnded)).toBeGreaterThan(0);
  });
});
