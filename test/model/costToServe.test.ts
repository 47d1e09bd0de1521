/**
 * Cost to serve (docs/MODEL.md §13, F18): service cost charged to the customer who caused it,
 * summed per segment, so a segment of bargain hunters can be told to be unprofitable.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { RunResult } from '../../src/model/metrics.js';
import type { Population } from '../../src/model/population.js';
import type { Params } from '../../src/scenario/schema.js';
import { paramsWith, sumDays } from '../helpers/model.js';

const segment = (extra: Record<string, number>) => ({ marginMultiplier: 1, churnMultiplier: 1, asExpectedScore: 7.5, priceSensitivity: 0, talkativeness: 1, ...extra });

function runWithPop(p: Params, days: number, seed = 1, replication = 0): { r: RunResult; pop: Population } {
  let pop!: Population;
  const r = simulate({ strategy: 't', params: p, seed, replication, days, inspect: (_d, x) => { pop = x; } });
  return { r, pop };
}

const column = (pop: Population, name: string) => {
  const xs = pop.column(name, 'f64');
  let s = 0;
  for (let i = 0; i < pop.n; i++) s += xs[i];
  return s;
};
const fig = (r: RunResult, seg: string, f: string) => r.totals[`segment.${seg}.${f}`];

describe('cost to serve balances with the books', () => {
  // Contact centre with every cost line in play: autonomy (goodwill), proactive honesty (letters), returns,
  // segments that ask for service at different rates, staff turnover (hiring), feedback time.
  const p = paramsWith(
    {
      market: { size: 3000, initialCustomers: 800 },
      service: { model: 'contactCentre', autonomy: true, honesty: 'proactive', feedbackVisibility: 0.5, staff: { turnoverPerYear: 0.9 } },
      returns: { costPerReturn: 25 },
      acquisition: { spendPerDay: 100 },
    },
    { segments: { bargain: segment({ share: 0.3, marginMultiplier: 0.5, serviceRequests: 4, returnsPerYear: 8 }), regular: segment({ share: 0.7, returnsPerYear: 1 }) } },
  );
  const days = 150;
  const { r, pop } = runWithPop(p, days);
  const lines = (keys: string[]) => keys.reduce((s, k) => s + sumDays(r.series[k as keyof typeof r.series]), 0);

  it('Σ over customers of cost to serve + unallocated capacity = staff + feedback + hiring + goodwill + honesty + returns', () => {
    const ledger = lines(['staffCost', 'feedbackCost', 'hiringCost', 'goodwillCost', 'honestyCost', 'returnsCost']);
    for (const k of ['goodwillCost', 'honestyCost', 'returnsCost', 'hiringCost', 'feedbackCost'] as const) expect(sumDays(r.series[k]), k).toBeGreaterThan(0);
    const charged = column(pop, 'costToServe');
    expect(charged + (r.totals.costToServeUnallocated ?? NaN)).toBeCloseTo(ledger, 6);
    expect(Math.abs(charged + r.totals.costToServeUnallocated! - ledger) / ledger).toBeLessThan(1e-12);
    // And per segment: the segments' figures add up to the same.
    expect(fig(r, 'bargain', 'costToServe') + fig(r, 'regular', 'costToServe')).toBeCloseTo(charged, 6);
  });

  it('Σ over customers of revenue = margin + upsell lines; customer-days = Σ paying customers over days', () => {
    const revenue = lines(['marginRevenue', 'upsellRevenue']);
    expect(Math.abs(column(pop, 'revenueFrom') - revenue) / revenue).toBeLessThan(1e-9);
    expect(fig(r, 'bargain', 'revenue') + fig(r, 'regular', 'revenue')).toBeCloseTo(revenue, 4);
    // A customer pays on every day at whose end it is a customer, from the day after joining.
    expect(fig(r, 'bargain', 'customerDays') + fig(r, 'regular', 'customerDays')).toBe(payingDays(r, days));
  });

  it('segments ask for service at their rate: contacts per customer-year in proportion 4 : 1', () => {
    // Requests only (no failed steps, so no complaints): Poisson counts cA, cB; the ratio of rates has
    // relative standard error √(1/cA + 1/cB); checked at z = 4.4. Abandoned calls are not handled in
    // either segment alike, so they cancel in the ratio.
    const q = paramsWith(
      { market: { size: 3000, initialCustomers: 1500 }, journey: { processQuality: 1 }, service: { model: 'contactCentre', employees: 30 } },
      { segments: { a: segment({ share: 0.5, serviceRequests: 4 }), b: segment({ share: 0.5 }) } },
    );
    const { r: s } = runWithPop(q, 200, 3);
    const [ca, cb] = [fig(s, 'a', 'contacts'), fig(s, 'b', 'contacts')];
    const ratio = ca / fig(s, 'a', 'customerDays') / (cb / fig(s, 'b', 'customerDays'));
    expect(Math.abs(ratio - 4)).toBeLessThan(4 * 4.4 * Math.sqrt(1 / ca + 1 / cb));
    expect(Math.abs(ratio - 1)).toBeGreaterThan(4 * 4.4 * Math.sqrt(1 / ca + 1 / cb)); // it can fail
  });
});

/** Σ over days 1…T of the customers who paid that day: those at the end of day d − 1 still customers at the end of day d. */
function payingDays(r: RunResult, days: number): number {
  let s = 0;
  for (let d = 1; d <= days; d++) s += r.series.customers[d - 1] - r.series.lost[d];
  return s;
}

describe('bargain hunters who cost more than they bring (F18)', () => {
  // Simple desk (no staff time), so the cost to serve is the returns alone and everything follows from the inputs:
  //   bargain hunters: margin 300 × 0.5 = 150 a year; 10 returns a year × 25 = 250  →  contribution −100 a customer-year;
  //   regular:         margin 300 × 1   = 300 a year; 0.5 returns a year × 25 = 12.5 →  contribution +287.5.
  // Noise (5 replications pooled): returns per customer-year are Poisson, SE = 25·√(rate/years); revenue per
  // customer-year is the mean of log-normal margins (σ = 0.4: per-person sd ≈ 0.417 × mean) over ≥ the initial
  // customers; a leaver's last day is exposed to returns but not paid, a bias of ≤ 25·rate/365 per leaver per
  // customer-year. Tolerance: 4.4 × the combined SE + that bias (≈ 99.999% two-sided per check).
  const p = paramsWith(
    { market: { size: 6000, initialCustomers: 2000 }, returns: { costPerReturn: 25 } },
    { segments: { bargain: segment({ share: 0.3, marginMultiplier: 0.5, returnsPerYear: 10 }), regular: segment({ share: 0.7, returnsPerYear: 0.5 }) } },
  );
  const runs = [0, 1, 2, 3, 4].map((rep) => simulate({ strategy: 't', params: p, seed: 7, replication: rep, days: 365 }));
  const pooled = (seg: string, f: string) => runs.reduce((s, r) => s + fig(r, seg, f), 0);

  for (const [seg, margin, rate] of [['bargain', 150, 10], ['regular', 300, 0.5]] as const) {
    it(`${seg}: contribution per customer-year ≈ ${margin} − ${rate} × 25 = ${margin - rate * 25}`, () => {
      const years = pooled(seg, 'customerDays') / 365, customers = pooled(seg, 'customers');
      const perYear = (pooled(seg, 'revenue') - pooled(seg, 'costToServe')) / years;
      const leaversPerYear = runs.reduce((s, r) => s + sumDays(r.series.lost), 0) / (runs.reduce((s, r) => s + sumDays(r.series.customers, 0, 364), 0) / 365);
      const se = Math.hypot(25 * Math.sqrt(rate / years), (0.417 * margin) / Math.sqrt(customers));
      const bias = (25 * rate * leaversPerYear) / 365;
      expect(Math.abs(perYear - (margin - rate * 25))).toBeLessThan(4.4 * se + bias);
    });
  }

  it('the bargain hunters are the unprofitable segment, and segments.csv says so', async () => {
    const { segmentRows } = await import('../../src/outputs/data/segmentTables.js');
    const { parseScenarioText } = await import('../../src/scenario/load.js');
    const scenario = parseScenarioText('name: f18\ndays: 365\n', 'f18.yaml');
    const rows = segmentRows(scenario, runs.map((r) => ({ ...r, strategy: 'baseline' })));
    const by = Object.fromEntries(rows.map((r) => [r.segment, r]));
    expect(by.bargain.hi).toBeLessThan(0); // the whole 95% interval below zero
    expect(by.regular.lo).toBeGreaterThan(0);
  });
});
