/**
 * Customer lifetime value with constant retention (docs/MODEL.md §13, brief §3):
 *   CLV = m·r/(1 + d − r)  for a customer who pays m from the next period on,
 * r the daily retention and d the daily discount rate.
 *
 * Design (constant retention): one segment with margin and churn multipliers 1, every person a
 * customer from day 0, no episodes (so no word of mouth and satisfaction/trust stay at their
 * initial levels: the hazard is the base hazard h₀ = −ln(1 − annualBaseRate)/365 and
 * r = e^(−h₀)), no win-back, no organic adoption, no spread in margins (spendSd 0), margin
 * 365 a year (m = 1 a day), discount 10% a year (d = 1.1^(1/365) − 1).
 *
 * Tolerances (all at 4 standard errors: two-sided normal tail 6.3·10⁻⁵ per check):
 * - totals.clv is CLV evaluated at r̂ = 1 − lost/customer-days. Every customer-day at risk is a
 *   Bernoulli(1 − r) leave trial, so SE(r̂) = √(r(1 − r)/customerDays); by the delta method
 *   SE(CLV) = |dCLV/dr|·SE(r̂), dCLV/dr = m(1 + d)/(1 + d − r)². The margin per paying day is
 *   exactly m (no spread), so r̂ is the only noise.
 * - totals.cohortValue is the mean over N initial customers of V = m·Σ_{t=1..L}(1 + d)^(−t),
 *   L = days survived (P(L = k) = r^k(1 − r) for k < T, P(L = T) = r^T). E[V] and E[V²] are
 *   summed over that distribution; SE = √(Var V / N).
 * A third block checks the tolerance can tell the formula from plausible wrong ones: with the
 * brief's design (churn 50% a year) the timing conventions differ by only ≈ m = 1 against a
 * tolerance of ≈ 13, so a second design with daily retention ≈ 0.96 resolves them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lifetimeValue } from '../../src/model/mechanisms/economics.js';
import type { RunResult } from '../../src/model/metrics.js';
import { oneSegmentParams, run } from '../helpers/model.js';

const Z = 4;

interface Design {
  n: number;
  days: number;
  annualChurn: number;
}

const paramsOf = (x: Design) =>
  oneSegmentParams({
    market: { size: x.n, initialCustomers: x.n },
    journey: { episodesPerYear: 0 },
    customers: { spendSd: 0 },
    churn: { annualBaseRate: x.annualChurn },
    acquisition: { winBackFactor: 0, organicInfluence: 0 },
    economics: { marginPerCustomerPerYear: 365, discountRatePerYear: 0.1 },
    wom: { network: { type: 'fullyMixed' } },
  });

/** The model's daily quantities, from the scenario units by the formulas of MODEL.md. */
function truth(x: Design) {
  const m = 1;
  const r = Math.exp(Math.log(1 - x.annualChurn) / 365);
  const d = Math.pow(1.1, 1 / 365) - 1;
  const clv = (rr: number) => (m * rr) / (1 + d - rr);
  const dClvDr = (m * (1 + d)) / (1 + d - r) ** 2;
  // Expected customer-days at risk: N·Σ_{t=0..T−1} r^t.
  const expectedCustomerDays = (x.n * (1 - Math.pow(r, x.days))) / (1 - r);
  // Realised discounted value of one initial customer: lifetime distribution, V_k and moments.
  const v = 1 / (1 + d);
  let vk = 0, ev = 0, ev2 = 0;
  for (let k = 0; k <= x.days; k++) {
    if (k > 0) vk += m * Math.pow(v, k);
    const pk = k < x.days ? Math.pow(r, k) * (1 - r) : Math.pow(r, x.days);
    ev += pk * vk;
    ev2 += pk * vk * vk;
  }
  let closedCohort = 0;
  for (let t = 1; t <= x.days; t++) closedCohort += m * Math.pow(r * v, t);
  return { m, r, d, clv, dClvDr, expectedCustomerDays, ev, ev2, closedCohort, cohortSe: Math.sqrt((ev2 - ev * ev) / x.n) };
}

// N = 20,000 rather than 100,000 keeps the run at ≈ 2 s; the tolerance (≈ 13) still resolves the
// wrong formulas listed below.
const brief: Design = { n: 20_000, days: 730, annualChurn: 0.5 };
// Daily retention ≈ 0.96 (annual survival 3·10⁻⁷): CLV ≈ 24, small enough for the period
// convention (≈ m) to be many standard errors.
// By day 150 a share r^150 ≈ 0.002 is left; the truncation is in the formulas.
const highChurn: Design = { n: 50_000, days: 150, annualChurn: 0.9999997 };

describe('lifetimeValue is the closed form m·r/(1 + d − r)', () => {
  it('on hand-computed values', () => {
    expect(lifetimeValue(100, 0.9, 0.1)).toBeCloseTo((100 * 0.9) / 0.2, 9); // 450
    expect(lifetimeValue(1, 0.5, 0)).toBeCloseTo(1, 12); // 0.5/0.5
    expect(lifetimeValue(2, 0.99, 0.01)).toBeCloseTo(99, 9); // 2·0.99/0.02
    expect(lifetimeValue(7, 0, 0.05)).toBe(0); // leaves at once: pays nothing
  });

  it('is not one of the nearby conventions', () => {
    // pays-from-today m(1 + d)/(1 + d − r) = 550 and m/(1 + d − r) = 500 at these numbers
    expect(Math.abs(lifetimeValue(100, 0.9, 0.1) - 550)).toBeGreaterThan(50);
    expect(Math.abs(lifetimeValue(100, 0.9, 0.1) - 500)).toBeGreaterThan(25);
  });

  it('is NaN when the value is unbounded (r = 1, d = 0)', () => {
    expect(lifetimeValue(1, 1, 0)).toBeNaN();
  });
});

describe.each([
  ['brief design (50% churn a year, 730 days)', brief],
  ['high-churn design (daily retention ≈ 0.96, 365 days)', highChurn],
])('constant retention: %s', (_name, design) => {
  const t = truth(design);
  let result: RunResult;
  beforeAll(() => {
    result = run(paramsOf(design), design.days, 11);
  });

  it('my own expectation is consistent: Σ P(L = k)·V_k = m·Σ_t (r/(1 + d))^t', () => {
    expect(t.ev).toBeCloseTo(t.closedCohort, 9);
  });

  it('has constant retention: lost/customer-days is 1 − r within 4 binomial SE', () => {
    const { customerDays, churnEvents } = result.totals;
    expect(customerDays).toBeGreaterThan(0.99 * t.expectedCustomerDays); // ≈ E, not a different set-up
    const se = Math.sqrt((t.r * (1 - t.r)) / customerDays);
    expect(Math.abs(churnEvents / customerDays - (1 - t.r))).toBeLessThanOrEqual(Z * se);
  });

  it('totals.clv = m·r/(1 + d − r) within 4 delta-method SE', () => {
    const se = t.dClvDr * Math.sqrt((t.r * (1 - t.r)) / result.totals.customerDays);
    expect(Math.abs(result.totals.clv - t.clv(t.r))).toBeLessThanOrEqual(Z * se);
  });

  it('totals.cohortValue = m·Σ_{t=1..T}(r/(1 + d))^t within 4 SE of the lifetime distribution', () => {
    expect(Math.abs(result.totals.cohortValue - t.closedCohort)).toBeLessThanOrEqual(Z * t.cohortSe);
  });
});

describe('the tolerances resolve the formula from wrong ones', () => {
  /** 4·SE(CLV) at the expected number of customer-days of a design. */
  const clvTolerance = (x: Design) => {
    const t = truth(x);
    return Z * t.dClvDr * Math.sqrt((t.r * (1 - t.r)) / t.expectedCustomerDays);
  };

  it('brief design: tolerance ≈ 13 is below the gap to the undiscounted, linear-hazard and annual-discount formulas', () => {
    const t = truth(brief);
    const tol = clvTolerance(brief);
    const right = t.clv(t.r);
    const undiscounted = (t.m * t.r) / (1 - t.r); // ≈ 526 vs ≈ 462
    const linearRetention = t.clv(1 - brief.annualChurn / 365); // r from 50%/365 a day: ≈ 612
    const annualRateAsDaily = (t.m * t.r) / (1 + 0.1 - t.r); // ≈ 9.8
    for (const wrong of [undiscounted, linearRetention, annualRateAsDaily]) expect(Math.abs(wrong - right)).toBeGreaterThan(tol);
    // In r: the retention a wrong value would imply is further from r than 4·SE(r̂).
    const seR = Math.sqrt((t.r * (1 - t.r)) / t.expectedCustomerDays);
    const impliedR = (value: number) => (value * (1 + t.d)) / (t.m + value); // inverse of CLV(r)
    expect(impliedR(right)).toBeCloseTo(t.r, 12);
    for (const wrong of [undiscounted, linearRetention, annualRateAsDaily]) expect(Math.abs(impliedR(wrong) - t.r)).toBeGreaterThan(Z * seR);
    // The period conventions differ by ≈ m = 1 here, inside the tolerance: the next test covers them.
    expect(tol).toBeGreaterThan(1);
  });

  it('high-churn design: tolerance is below the gap between the period conventions (≈ m)', () => {
    const t = truth(highChurn);
    const tol = clvTolerance(highChurn);
    const right = t.clv(t.r);
    const paysFromToday = (t.m * (1 + t.d)) / (1 + t.d - t.r); // right + m
    const noRetentionFactor = t.m / (1 + t.d - t.r); // m/(1 + d − r)
    expect(tol).toBeLessThan(0.5);
    for (const wrong of [paysFromToday, noRetentionFactor]) expect(Math.abs(wrong - right)).toBeGreaterThan(tol);
    // The realised cohort value of a customer who also paid on day 0 would be E[V] + m.
    expect(Z * t.cohortSe).toBeLessThan(0.5 * t.m);
  });
});
