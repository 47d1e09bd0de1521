/**
 * Retention saves (docs/MODEL.md §8, F1). The n would-be leavers of a day are each kept with
 * π = min(e, B/(c·n)), c = costPerCustomer/costRatio, and every save costs c.
 *
 * Design: a closed market without episodes (constant base hazard), so the only randomness in
 * the money is which would-be leavers are kept. Per day, n_d = lost_d + saved_d is known, and
 * given n_d the saves are Binomial(n_d, π_d), independent of the past (own stream), so
 *   E[cost_d | n_d] = c·n_d·π_d ≤ B,   Var[cost_d | n_d] = c²·n_d·π_d(1 − π_d) ≤ c·B.
 * Tolerances at 4.4 SD (two-sided 1.1·10⁻⁵ per check):
 * - budget: Σ cost ≤ B·days + 4.4·√(c·B·days) (the variance bound above, whatever the n_d);
 * - π: |Σ cost − Σ c·n_d·π_d| ≤ 4.4·√(Σ c²·n_d·π_d(1 − π_d));
 * - huge budget: saved/(saved + lost) is a Binomial share with mean e, tolerance
 *   4.4·√(e(1 − e)/(saved + lost)).
 * The cost of each save is checked exactly (relative 1e-12).
 */
import { describe, expect, it } from 'vitest';
import { oneSegmentParams, run, sumDays } from '../helpers/model.js';

const Z = 4.4;

const closed = (n: number, annualBaseRate: number, retention: Record<string, number>, costPerCustomer = 250) =>
  oneSegmentParams({
    market: { size: n, initialCustomers: n },
    journey: { episodesPerYear: 0 },
    churn: { annualBaseRate },
    acquisition: { winBackFactor: 0, organicInfluence: 0, costPerCustomer },
    retention,
    wom: { network: { type: 'fullyMixed' } },
  });

describe('a binding budget', () => {
  // N = 20,000 at 90% churn a year: ≈ 126 would-be leavers a day; B = 200 buys ≈ 5 saves of
  // c = 250/6.5 ≈ 38.5, so π ≈ 0.04 < e = 0.5.
  const B = 200, DAYS = 100, c = 250 / 6.5;
  const s = run(closed(20_000, 0.9, { budgetPerDay: B, costRatio: 6.5, effectiveness: 0.5 }), DAYS, 31).series;

  it('the budget binds (π < e on every day)', () => {
    for (let d = 1; d <= DAYS; d++) {
      const n = s.lost[d] + s.saved[d];
      expect(n).toBeGreaterThan(0);
      expect(B / (c * n)).toBeLessThan(0.5);
    }
  });

  it('spending stays within the budget: Σ cost ≤ B·days + 4.4·√(c·B·days)', () => {
    expect(sumDays(s.retentionCost)).toBeLessThanOrEqual(B * DAYS + Z * Math.sqrt(c * B * DAYS));
    expect(sumDays(s.retentionCost)).toBeGreaterThan(0.5 * B * DAYS); // and the budget is used
  });

  it('saves follow π = min(e, B/(c·n)) given each day’s would-be leavers', () => {
    let mean = 0, variance = 0;
    for (let d = 1; d <= DAYS; d++) {
      const n = s.lost[d] + s.saved[d];
      const pi = Math.min(0.5, B / (c * n));
      mean += c * n * pi;
      variance += c * c * n * pi * (1 - pi);
      expect(c * n * pi).toBeLessThanOrEqual(B * (1 + 1e-12)); // expected spend ≤ B every day
    }
    expect(Math.abs(sumDays(s.retentionCost) - mean)).toBeLessThanOrEqual(Z * Math.sqrt(variance));
  });
});

describe('an unlimited budget', () => {
  it.each([0.5, 0.2])('keeps a share e = %f of the would-be leavers', (e) => {
    const s = run(closed(20_000, 0.99, { budgetPerDay: 1e12, effectiveness: e }), 60, 32).series;
    const saved = sumDays(s.saved), trials = saved + sumDays(s.lost);
    expect(trials).toBeGreaterThan(10_000);
    expect(Math.abs(saved / trials - e)).toBeLessThanOrEqual(Z * Math.sqrt((e * (1 - e)) / trials));
  });

  it('keeps nobody at e = 0 and everybody at e = 1', () => {
    const none = run(closed(5_000, 0.99, { budgetPerDay: 1e12, effectiveness: 0 }), 20, 33).series;
    expect(sumDays(none.saved)).toBe(0);
    expect(sumDays(none.lost)).toBeGreaterThan(0);
    const all = run(closed(5_000, 0.99, { budgetPerDay: 1e12, effectiveness: 1 }), 20, 33).series;
    expect(sumDays(all.lost)).toBe(0);
    expect(sumDays(all.saved)).toBeGreaterThan(0);
  });

  it('a zero budget keeps nobody and costs nothing', () => {
    const s = run(closed(5_000, 0.99, { budgetPerDay: 0, effectiveness: 1 }), 20, 34).series;
    expect(sumDays(s.saved)).toBe(0);
    expect(sumDays(s.retentionCost)).toBe(0);
  });
});

describe('the cost of a save', () => {
  it.each([
    [250, 6.5],
    [300, 7],
    [90, 1],
  ])('is costPerCustomer/costRatio exactly (%f / %f)', (costPerCustomer, costRatio) => {
    const s = run(closed(5_000, 0.99, { budgetPerDay: 1e12, costRatio, effectiveness: 0.5 }, costPerCustomer), 20, 35).series;
    const c = costPerCustomer / costRatio;
    expect(sumDays(s.saved)).toBeGreaterThan(0);
    for (let d = 1; d <= 20; d++) expect(Math.abs(s.retentionCost[d] - s.saved[d] * c)).toBeLessThanOrEqual(1e-12 * s.saved[d] * c);
  });
});
