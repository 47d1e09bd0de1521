/**
 * F12: the firm counts per contact, the customer per problem. Under financial rewards with
 * every unsolved ticket closed anyway, the firm's first-contact-resolution KPI reads 100%
 * while customers need several contacts per problem.
 *
 * Expected contacts per problem: each contact solves with probability p (known from the
 * handling formula at skill = engagement = 0.5), the customer always retries, up to m
 * contacts: E = (1 − (1 − p)^m)/p. The run's mean over K problems must lie within 4.4 SE of it
 * (SE from the truncated-geometric variance; two-sided 10⁻⁵). Problems are counted by the day
 * they end, after a warm-up of 2m days: in the first days only short cases can have ended
 * (long ones would have begun before day 1); in steady state the end-day count is unbiased.
 */
import { describe, expect, it } from 'vitest';
import { periodValue } from '../../../src/model/metrics.js';
import { compileService } from '../../../src/model/service/serviceConfig.js';
import { solveChance } from '../../../src/model/service/handling.js';
import { hireStaff } from '../../../src/model/service/staff.js';
import { stream } from '../../../src/random/streams.js';
import { paramsWith, run, sumDays } from '../../helpers/model.js';

const MAX = 8;
const p = paramsWith(
  {
    market: { size: 4000, initialCustomers: 4000 },
    wom: { network: { type: 'fullyMixed' } },
    journey: { episodesPerYear: 36.5, processQuality: 0.8, severityMix: { minor: 1, moneyLost: 0, mistreatment: 0 } },
    complaints: { minor: { frontLine: 1, headquarters: 0 } },
    churn: { annualBaseRate: 0 },
    recovery: { silent: { minor: 0 }, unresolved: { minor: 0 }, resolved: { minor: 0 }, resolvedQuickly: { minor: 0 } },
    service: {
      model: 'contactCentre',
      employees: 20,
      questionsPerCustomerPerYear: 0,
      rewardScheme: 'financial',
      rewards: { financial: { closeUnsolved: 1, upsellRate: 0 } },
      handling: { solveProbability: 0.3, retryProbability: 1, maxContacts: MAX, approvalShare: 0 },
      staff: { skillMean: 0.5, skillSd: 0, fitSd: 0, engagementInitial: 0.5, engagementRate: 0 },
    },
  },
  { channels: { phone: { share: 1, hours: '24/7', synchronous: true, patienceMinutes: 0 } } },
);

describe('firm KPI vs customer view (F12)', () => {
  const r = run(p, 120);
  const s = r.series;
  const svc = compileService(p);
  const solve = solveChance(svc, hireStaff(svc, stream(1, 'x')), 0);

  it('the firm reads 100% first-contact resolution', () => {
    expect(sumDays(s.contactsAnswered)).toBeGreaterThan(1000);
    expect(periodValue(s, 'firstContactResolution', 1, r.days)).toBe(100);
  });

  it('while customers needed (1 − (1 − p)^m)/p contacts per problem, and few were solved at first contact', () => {
    const expected = (1 - Math.pow(1 - solve, MAX)) / solve;
    // Variance of min(Geometric(p), m): E[N²] − E[N]², E[N²] = Σ_{k=1..m} (2k − 1)(1 − p)^(k−1).
    let second = 0;
    for (let k = 1; k <= MAX; k++) second += (2 * k - 1) * Math.pow(1 - solve, k - 1);
    const from = 2 * MAX;
    const ended = sumDays(s.casesEnded, from);
    const se = Math.sqrt((second - expected * expected) / ended);
    const perProblem = periodValue(s, 'contactsPerProblem', from, r.days);
    expect(perProblem).toBeGreaterThan(2);
    expect(Math.abs(perProblem - expected)).toBeLessThanOrEqual(4.4 * se);
    // The customer's first-contact resolution is p (binomial, 4.4 SE), far from the firm's 100%.
    const customerFcr = periodValue(s, 'customerFirstContactResolution', from, r.days);
    expect(Math.abs(customerFcr - 100 * solve)).toBeLessThanOrEqual(4.4 * 100 * Math.sqrt((solve * (1 - solve)) / ended));
    expect(customerFcr).toBeLessThan(50);
  });
});
