/**
 * Accounting invariants of a run, as fast-check properties over random valid parameter sets
 * (docs/MODEL.md §1, §8, §10, §13): market 50–1,500 people, 0…all of them customers, every
 * network type (even mean degree < size − 1, fully mixed included), 1–3 segments, 1–5
 * touchpoints, random process quality, frustration and delight, every aggregation rule, talk
 * and fanouts (numbers and "all"), complaint channels, desk, recovery (half-life 0 and quit
 * probability 1 included), churn, marketing spend, retention budget, symbols, price premium,
 * loyalty programme; 20–60 days.
 *
 * These are identities, not statistics: counts must match exactly; money, which is a sum of
 * floating-point terms, to a relative 1e-9 (rounding error of ≤ a few thousand additions is
 * ~1e-13 relative). Shares are count/customers, so the three categories add to 100 up to 1e-9.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRICS, type RunResult } from '../../src/model/metrics.js';
import type { Params } from '../../src/scenario/schema.js';
import { paramsWith, run, sumDays } from '../helpers/model.js';

// Uniform in value on a fine grid. fc.double is uniform over representable doubles (most of
// them near 0) and biased toward the bounds, which made almost every generated run degenerate
// (no churn, no problems, no saves); the edges we do want are added explicitly below.
const GRID = 1_000_000;
const range = (min: number, max: number) => fc.noBias(fc.integer({ min: 0, max: GRID })).map((k) => min + ((max - min) * k) / GRID);
const unit = range(0, 1);
const probOrEdge = fc.oneof({ arbitrary: unit, weight: 4 }, { arbitrary: fc.constantFrom(0, 1), weight: 1 });
const fanout = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant('all' as const));

const segment = fc.record({
  weight: range(0.05, 1),
  marginMultiplier: range(0, 3),
  churnMultiplier: range(0, 3),
  asExpectedScore: range(0, 10),
  priceSensitivity: range(0, 5),
  talkativeness: range(0, 3),
});

const channel = fc.record({ voiced: unit, hqShare: unit }).map(({ voiced, hqShare }) => ({ headquarters: voiced * hqShare, frontLine: voiced * (1 - hqShare) }));
const quit = fc.record({ minor: probOrEdge, major: probOrEdge });

const scenario = fc
  .record({
    size: fc.integer({ min: 50, max: 1500 }),
    initialShare: probOrEdge,
    network: fc.constantFrom('wattsStrogatz', 'barabasiAlbert', 'fullyMixed'),
    halfDegree: fc.integer({ min: 1, max: 12 }),
    rewiring: unit,
    segments: fc.array(segment, { minLength: 1, maxLength: 3 }),
    touchpoints: fc.array(range(0, 4), { minLength: 1, maxLength: 5 }),
    journey: fc.record({
      episodesPerYear: fc.oneof(range(0, 400), fc.constant(365)),
      processQuality: fc.oneof(range(0.5, 1), unit),
      severity: fc.tuple(range(0.01, 1), range(0, 1), range(0, 1)),
      failureImpact: fc.record({ minor: unit, moneyLost: unit, mistreatment: unit }),
      frustrationRate: range(0, 0.5),
      frustrationImpact: unit,
      delightRate: range(0, 0.5),
      delightImpact: range(1, 2),
      aggregation: fc.constantFrom('multiplicative', 'additive', 'weakestLink'),
    }),
    customers: fc.record({
      memoryWeight: unit,
      badExperienceThreshold: range(0, 10),
      neutralScore: range(0, 10),
      dispositionSd: range(0, 3),
      talkativenessSd: range(0, 1),
      spendSd: range(0, 1),
    }),
    trust: fc.record({ initial: unit, ltrWeight: range(0, 5), goodEpisodeGain: range(0, 0.2), problemLoss: range(0, 0.2), positiveMessageGain: range(0, 0.2), negativeMessageLoss: range(0, 0.2) }),
    complaints: fc.record({ minor: channel, moneyLost: channel, mistreatment: channel }),
    service: fc.record({
      model: fc.constantFrom('simple' as const, 'contactCentre' as const),
      resolveProbability: unit,
      quickShare: unit,
      employees: fc.integer({ min: 1, max: 4 }),
      staffing: fc.record({ mode: fc.constantFrom('demand' as const, 'fixed' as const), forecastWeeks: fc.integer({ min: 1, max: 3 }) }),
      questionsPerCustomerPerYear: range(0, 12),
      rewardScheme: fc.constantFrom('financial' as const, 'satisfaction' as const),
      style: fc.constantFrom('process' as const, 'personal' as const),
      autonomy: fc.boolean(),
      honesty: fc.constantFrom('silent' as const, 'proactive' as const),
      feedbackVisibility: unit,
      channels: fc.constantFrom(
        undefined,
        { phone: { share: 1, hours: '24/7' as const, synchronous: true, patienceMinutes: 0 } },
        { phone: { share: 0.5, hours: 'officeHours' as const }, email: { share: 0.5, synchronous: false, hours: 'extendedHours' as const } },
      ),
    }),
    recovery: fc.record({
      silent: quit,
      unresolved: quit,
      resolved: quit,
      resolvedQuickly: quit,
      halfLifeDays: fc.oneof(fc.constant(0), range(0, 30)),
      resolvedScore: range(0, 10),
      resolvedQuicklyScore: range(0, 10),
      unresolvedScore: range(0, 10),
    }),
    churn: fc.record({ annualBaseRate: fc.oneof({ arbitrary: range(0, 0.9), weight: 5 }, { arbitrary: fc.constant(1), weight: 1 }), satisfactionSensitivity: range(0, 2), trustSensitivity: range(0, 5) }),
    wom: fc.record({
      talkBase: range(0, 0.5),
      talkPositive: range(0, 2),
      talkNegative: range(0, 2),
      fanoutPositive: fanout,
      fanoutNegative: fanout,
      advocacyInfluence: range(0, 0.05),
      messageInfluence: unit,
      negativeWeight: range(0, 3),
    }),
    acquisition: fc.record({ organicInfluence: range(0, 0.05), spendPerDay: range(0, 5000), costPerCustomer: range(1, 1000), winBackFactor: unit }),
    retention: fc.record({ budgetPerDay: fc.oneof(fc.constant(0), range(0, 5000)), costPerContact: range(1, 100), targeting: fc.constantFrom('risk', 'random'), everyDays: fc.integer({ min: 1, max: 40 }), offerDays: fc.integer({ min: 1, max: 60 }), upliftMean: unit, backfireShare: probOrEdge, saves: fc.record({ callShare: probOrEdge, successRate: unit, costPerOffer: range(0, 100) }) }),
    symbols: fc.record({ conversationValue: range(0, 0.5), costPerDay: range(0, 100), costPerEpisode: range(0, 5) }),
    loyalty: fc.record({ enrolment: probOrEdge, churnReduction: unit, costPerMemberPerYear: range(0, 100) }),
    economics: fc.record({
      marginPerCustomerPerYear: range(0, 1000),
      pricePremium: range(0, 0.5),
      premiumTolerance: unit,
      toleranceFrom: range(0, 9),
      toleranceSpan: range(0.1, 1),
      discountRatePerYear: range(0, 0.3),
      fixedCostPerDay: range(0, 100),
    }),
    days: fc.integer({ min: 20, max: 60 }),
    seed: fc.nat(1_000_000),
  })
  .map((x) => {
    const meanDegree = 2 * Math.min(x.halfDegree, Math.floor((x.size - 2) / 2)); // even, < size − 1
    const total = x.segments.reduce((a, s) => a + s.weight, 0);
    const shares = x.segments.map((s) => s.weight / total);
    shares[shares.length - 1] = Math.max(0, 1 - shares.slice(0, -1).reduce((a, b) => a + b, 0));
    const segments = Object.fromEntries(x.segments.map(({ weight: _w, ...s }, k) => [`seg${k}`, { ...s, share: shares[k] }]));
    const touchpoints = Object.fromEntries(x.touchpoints.map((w, k) => [`step${k}`, { failureWeight: w }]));
    const [a, b, c] = x.journey.severity;
    const { severity: _s, ...journey } = x.journey;
    const { toleranceSpan, ...economics } = x.economics;
    const params = paramsWith(
      {
        market: { size: x.size, initialCustomers: Math.round(x.initialShare * x.size) },
        journey: { ...journey, severityMix: { minor: a / (a + b + c), moneyLost: b / (a + b + c), mistreatment: Math.max(0, 1 - a / (a + b + c) - b / (a + b + c)) } },
        customers: x.customers,
        trust: x.trust,
        complaints: x.complaints,
        service: { ...x.service, channels: undefined },
        recovery: x.recovery,
        churn: x.churn,
        wom: { ...x.wom, network: { type: x.network, meanDegree, rewiring: x.rewiring } },
        acquisition: x.acquisition,
        retention: x.retention,
        symbols: x.symbols,
        loyalty: x.loyalty,
        economics: { ...economics, toleranceFull: Math.min(10, economics.toleranceFrom + toleranceSpan * (10 - economics.toleranceFrom)) },
      },
      { segments, touchpoints, ...(x.service.channels ? { channels: x.service.channels } : {}) },
    );
    return { params, days: x.days, seed: x.seed };
  });

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * (1 + scale);

function checkRun(p: Params, r: RunResult): void {
  const s = r.series;
  const n = p.market.size;
  const days = r.days;
  // Every value is finite, except a ratio metric on a day its denominator is 0 (then NaN: undefined, not 0%).
  for (const def of METRICS) {
    const xs = s[def.key];
    for (let d = 0; d <= days; d++) {
      const undefinedRatio = def.ratio !== undefined && s[def.ratio.den][d] === 0;
      expect(undefinedRatio ? Number.isNaN(xs[d]) : Number.isFinite(xs[d]), `${def.key}[${d}] = ${xs[d]}`).toBe(true);
    }
  }
  // Every contact is answered, abandoned or still waiting (F12 bookkeeping).
  let arrived = 0, answered = 0, abandoned = 0;
  for (let d = 1; d <= days; d++) {
    arrived += s.contactsArrived[d];
    answered += s.contactsAnswered[d];
    abandoned += s.contactsAbandoned[d];
    expect(arrived, `contacts conserved on day ${d}`).toBe(answered + abandoned + s.contactsWaiting[d]);
  }
  for (let d = 0; d <= days; d++) {
    const at = `day ${d}`;
    // Population is conserved; stocks are whole numbers.
    expect(s.prospects[d] + s.customers[d] + s.churned[d], at).toBe(n);
    for (const k of ['prospects', 'customers', 'churned'] as const) expect(Number.isInteger(s[k][d]) && s[k][d] >= 0, `${k} ${at}`).toBe(true);
    expect(close(s.marketShare[d], (100 * s.customers[d]) / n, 100), at).toBe(true);
    // Shares and NPS.
    for (const k of ['marketShare', 'promoters', 'passives', 'detractors'] as const) {
      expect(s[k][d], `${k} ${at}`).toBeGreaterThanOrEqual(0);
      expect(s[k][d], `${k} ${at}`).toBeLessThanOrEqual(100);
    }
    expect(Math.abs(s.nps[d])).toBeLessThanOrEqual(100);
    if (s.customers[d] > 0) expect(close(s.promoters[d] + s.passives[d] + s.detractors[d], 100, 100), at).toBe(true);
    else for (const k of ['promoters', 'passives', 'detractors', 'nps', 'satisfaction', 'trust'] as const) expect(s[k][d], `${k} ${at} without customers`).toBe(0);
    // Means of satisfaction (a convex combination of scores in 0…10) and trust (clamped to 0…1).
    expect(s.satisfaction[d], at).toBeGreaterThanOrEqual(-1e-9);
    expect(s.satisfaction[d], at).toBeLessThanOrEqual(10 + 1e-9);
    expect(s.trust[d], at).toBeGreaterThanOrEqual(-1e-9);
    expect(s.trust[d], at).toBeLessThanOrEqual(1 + 1e-9);
    if (d === 0) continue;
    // Flows: whole, non-negative, and consistent with the stocks.
    for (const k of ['acquired', 'acquiredMarketing', 'acquiredWom', 'wonBack', 'lost', 'retentionContacts', 'episodes', 'problems', 'badExperiences', 'complaintsVoiced', 'complaintsHeard', 'resolved', 'womPositive', 'womNegative'] as const)
      expect(Number.isInteger(s[k][d]) && s[k][d] >= 0, `${k} ${at} = ${s[k][d]}`).toBe(true);
    expect(s.acquired[d], at).toBe(s.acquiredMarketing[d] + s.acquiredWom[d]);
    expect(s.customers[d], at).toBe(s.customers[d - 1] + s.acquired[d] + s.wonBack[d] - s.lost[d]);
    expect(s.prospects[d], at).toBe(s.prospects[d - 1] - s.acquired[d]);
    expect(s.churned[d], at).toBe(s.churned[d - 1] + s.lost[d] - s.wonBack[d]);
    expect(s.complaintsHeard[d], at).toBeLessThanOrEqual(s.complaintsVoiced[d]);
    expect(s.complaintsVoiced[d], at).toBeLessThanOrEqual(s.problems[d]);
    expect(s.problems[d], at).toBeLessThanOrEqual(s.episodes[d]);
    expect(s.badExperiences[d], at).toBeLessThanOrEqual(s.episodes[d]);
    // A complaint may be resolved on a later day (contact centre): the law holds cumulatively.
    expect(sumDays(s.resolved, 1, d), at).toBeLessThanOrEqual(sumDays(s.complaintsVoiced, 1, d));
    expect(s.episodes[d], at).toBeLessThanOrEqual(s.customers[d - 1]);
    // Reach counts prospects and churned people who heard: at most the non-customers of the
    // adoption pass, n − (customers at the start of the day − today's leavers).
    expect(s.womReach[d], at).toBeGreaterThanOrEqual(0);
    expect(s.womReach[d], at).toBeLessThanOrEqual(n - s.customers[d - 1] + s.lost[d] + 1e-9);
    // Money: the books are every ledger line the mechanisms declare (the classic ones among them).
    const lines = (side: 'revenue' | 'cost') => METRICS.filter((m) => m.ledger === side).map((m) => m.key);
    expect(lines('cost')).toEqual(expect.arrayContaining(['acquisitionCost', 'retentionCost', 'symbolCost', 'fixedCost', 'staffCost', 'goodwillCost']));
    const costs = lines('cost').reduce((sum, k) => sum + s[k][d], 0);
    expect(close(s.revenue[d], lines('revenue').reduce((sum, k) => sum + s[k][d], 0), s.revenue[d]), `revenue ${at}`).toBe(true);
    const loyalty = (s.members[d] * p.loyalty.costPerMemberPerYear) / 365;
    expect(close(s.loyaltyCost[d], loyalty, loyalty), `loyalty ${at}`).toBe(true);
    expect(s.members[d], at).toBeLessThanOrEqual(s.customers[d]);
    if (p.loyalty.enrolment === 0) expect(s.members[d], at).toBe(0);
    // Staff cost from the calendar by hand: the generator's channel sets are staffed 24 h when a
    // channel is 24/7, else 8–20 h every day but Sunday (day 1 is a Monday).
    const allDay = Object.values(p.service.channels).some((ch) => ch.hours === '24/7');
    const openHours = p.service.model === 'simple' ? 0 : allDay ? 24 : (d - 1) % 7 === 6 ? 0 : 12;
    const fullStaff = p.service.employees * openHours * p.service.costPerEmployeeHour;
    if (p.service.staffing.mode === 'fixed') expect(close(s.staffCost[d], fullStaff, 1), `staff ${at}`).toBe(true);
    else {
      // By demand: between one employee and all of them in every open hour.
      expect(s.staffCost[d], `staff ${at}`).toBeLessThanOrEqual(fullStaff + 1e-6);
      expect(s.staffCost[d], `staff ${at}`).toBeGreaterThanOrEqual(openHours * p.service.costPerEmployeeHour - 1e-6);
    }
    expect(s.goodwillCost[d], at).toBeGreaterThanOrEqual(0);
    if (p.service.model === 'simple') expect(s.goodwillCost[d] + s.upsellRevenue[d], at).toBe(0);
    expect(s.upsellRevenue[d], at).toBeLessThanOrEqual(s.revenue[d] + 1e-9);
    expect(close(s.profit[d], s.revenue[d] - costs, s.revenue[d] + costs), `profit ${at}`).toBe(true);
    expect(close(s.cumulativeProfit[d], s.cumulativeProfit[d - 1] + s.profit[d], Math.abs(s.cumulativeProfit[d - 1]) + Math.abs(s.profit[d])), `cumulative ${at}`).toBe(true);
    expect(s.acquisitionCost[d], at).toBe(p.acquisition.spendPerDay);
    expect(s.fixedCost[d], at).toBe(p.economics.fixedCostPerDay);
    const offers = s.retentionContacts[d] * p.retention.costPerContact + s.saveOffers[d] * p.retention.saves.costPerOffer;
    expect(close(s.retentionCost[d], offers, offers), `retention ${at}`).toBe(true);
    // A wave spends at most its days' budget (whole contacts only; the rest carries over).
    expect(sumDays(s.retentionContacts, 1, d) * p.retention.costPerContact, at).toBeLessThanOrEqual(p.retention.budgetPerDay * (Math.floor((d - 1) / p.retention.everyDays) + 1) * p.retention.everyDays + 1e-6);
    if (s.retentionContacts[d] > 0) expect((d - 1) % p.retention.everyDays, at).toBe(0);
    const symbol = p.symbols.costPerDay + p.symbols.costPerEpisode * s.episodes[d];
    expect(close(s.symbolCost[d], symbol, symbol), `symbols ${at}`).toBe(true);
    expect(s.revenue[d], at).toBeGreaterThanOrEqual(0);
  }
  // Day 0 holds the initial state and no flows.
  expect(s.customers[0]).toBe(p.market.initialCustomers);
  expect(s.cumulativeProfit[0]).toBe(0);
  expect(s.cumulativeProfit[days]).toBeCloseTo(Array.from(s.profit).reduce((a, b) => a + b, 0), 6);
}

describe('invariants over random parameter sets', () => {
  it('population, shares, NPS, flows and money balance every day, on runs that cover the edge cases', () => {
    // How many runs exercised each flow: identities on runs where nothing happens prove little.
    const active = new Map<string, number>();
    const edges = new Set<string>();
    const flows = ['lost', 'retentionContacts', 'acquired', 'wonBack', 'problems', 'complaintsVoiced', 'resolved', 'womPositive', 'womNegative', 'contactsAnswered', 'contactsAbandoned'] as const;
    fc.assert(
      fc.property(scenario, ({ params: p, days, seed }) => {
        const r = run(p, days, seed);
        checkRun(p, r);
        for (const k of flows) if (r.series[k].some((x) => x > 0)) active.set(k, (active.get(k) ?? 0) + 1);
        edges.add(p.wom.network.type);
        if (p.recovery.halfLifeDays === 0) edges.add('halfLife0');
        if (p.recovery.silent.minor === 1 || p.recovery.unresolved.major === 1) edges.add('quit1');
        if (p.wom.fanoutPositive === 'all' || p.wom.fanoutNegative === 'all') edges.add('all');
        if (p.market.initialCustomers === 0) edges.add('noCustomers');
        if (p.market.initialCustomers === p.market.size) edges.add('noProspects');
      }),
      // A fixed seed: the edge cases are checked on the very runs that were executed. Shrinking
      // re-runs whole simulations over ~90 fields; bound it so a violation is reported with its
      // (partly shrunk) counterexample rather than as a test timeout.
      { numRuns: 60, seed: 2026, interruptAfterTimeLimit: 60_000 },
    );
    for (const k of flows) expect(active.get(k) ?? 0, k).toBeGreaterThanOrEqual(5);
    for (const k of ['wattsStrogatz', 'barabasiAlbert', 'fullyMixed', 'halfLife0', 'quit1', 'all', 'noCustomers', 'noProspects']) expect(edges, k).toContain(k);
  });
});
