/**
 * The loyalty programme (src/model/mechanisms/loyalty.ts, the worked example of
 * docs/EXTENDING.md).
 *
 * 1. Enrolment: each initial customer joins with probability e, so day-0 members ~ Binomial(N, e).
 * 2. Churn: in a closed market where nothing but everyday churn happens (no episodes, requests,
 *    acquisition or win-back) satisfaction and trust stay at their starting values, so a
 *    member's hazard is h₀·(1 − r), h₀ = −ln(1 − b)/365, and customers[T] ~ Binomial(N, S) with
 *    S = (1 − b)^((1 − r)·T/365). Tolerance 4.4 binomial SD (two-sided 1.1·10⁻⁵ per check).
 *    The same market without the programme must land outside that band (the test can fail).
 * 3. Money: every day the programme costs members × costPerMemberPerYear/365.
 * 4. With churnReduction 0 and no cost, members exist but nothing else changes: the
 *    programme's draws come from its own stream.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { METRIC_KEYS } from '../../src/model/metrics.js';
import { MECHANISMS } from '../../src/model/registry.js';
import { oneSegmentParams, params, run } from '../helpers/model.js';

const Z = 4.4;

/** A closed market of n customers where only everyday churn happens. */
const closed = (n: number, annualBaseRate: number, loyalty: Record<string, number>) =>
  oneSegmentParams({
    market: { size: n, initialCustomers: n },
    journey: { episodesPerYear: 0 },
    churn: { annualBaseRate },
    acquisition: { organicInfluence: 0, winBackFactor: 0 },
    wom: { network: { type: 'fullyMixed' } },
    loyalty,
  });

describe('loyalty programme', () => {
  it('enrols each initial customer with probability `enrolment`', () => {
    const n = 20_000, e = 0.3;
    const r = run(closed(n, 0, { enrolment: e }), 1, 4);
    expect(Math.abs(r.series.members[0] - n * e)).toBeLessThanOrEqual(Z * Math.sqrt(n * e * (1 - e)));
  });

  it('multiplies a member\'s everyday churn hazard by 1 − churnReduction', () => {
    const n = 50_000, b = 0.4, r = 0.5, days = 365;
    const survival = (reduction: number) => Math.pow(1 - b, ((1 - reduction) * days) / 365);
    const band = (s: number) => Z * Math.sqrt((s * (1 - s)) / n);
    const members = run(closed(n, b, { enrolment: 1, churnReduction: r }), days, 8);
    const observed = members.series.customers[days] / n;
    expect(Math.abs(observed - survival(r))).toBeLessThanOrEqual(band(survival(r)));
    expect(members.series.members[days]).toBe(members.series.customers[days]); // leavers leave the programme
    // Without the programme the same market keeps far fewer: the check above can fail.
    const without = run(closed(n, b, { enrolment: 0 }), days, 8).series.customers[days] / n;
    expect(Math.abs(without - survival(0))).toBeLessThanOrEqual(band(survival(0)));
    expect(Math.abs(without - survival(r))).toBeGreaterThan(10 * band(survival(r)));
  });

  it('costs members × costPerMemberPerYear / 365 a day, booked against profit', () => {
    const p = params({ market: { size: 3_000, initialCustomers: 900 }, acquisition: { spendPerDay: 300 }, loyalty: { enrolment: 0.6, costPerMemberPerYear: 36.5 } });
    const r = run(p, 90, 2);
    const s = r.series;
    for (let d = 1; d <= 90; d++) expect(s.loyaltyCost[d]).toBeCloseTo(s.members[d] * 0.1, 9);
    expect(s.enrolled.reduce((a, b) => a + b, 0)).toBeGreaterThan(0); // new customers enrol too
  });

  it('draws from its own stream: members without effect change nothing else', () => {
    const p = params({ market: { size: 2_000, initialCustomers: 600 }, service: { model: 'contactCentre' }, acquisition: { spendPerDay: 300 } });
    const withMembers = params({ market: { size: 2_000, initialCustomers: 600 }, service: { model: 'contactCentre' }, acquisition: { spendPerDay: 300 }, loyalty: { enrolment: 0.5, churnReduction: 0, costPerMemberPerYear: 0 } });
    const a = simulate({ strategy: 'a', params: p, seed: 3, replication: 0, days: 60, mechanisms: MECHANISMS.filter((m) => m.name !== 'loyalty') });
    const b = simulate({ strategy: 'b', params: withMembers, seed: 3, replication: 0, days: 60 });
    expect(b.series.members[60]).toBeGreaterThan(0);
    for (const k of Object.keys(a.series) as (typeof METRIC_KEYS)[number][]) expect(Array.from(b.series[k]), k).toEqual(Array.from(a.series[k]));
  });
});
