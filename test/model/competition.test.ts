/**
 * A market with competitors (src/model/mechanisms/competition.ts, docs/MODEL.md §25).
 *
 * - the choice model: logit probabilities against their formula;
 * - off by default: without a competitors section the model with and without the mechanism gives
 *   identical series for every other metric (it draws nothing, changes nothing);
 * - invariants over random sectors (fast-check): the population is conserved across the firm,
 *   the rivals and nobody every day, sector shares add to 100, flows match stocks, no NaN;
 * - a closed sector (no prospects, no way out) stays flat, and the firm's customers follow the
 *   expected switching recurrence within a tolerance derived from the binomial variances;
 * - F7: a price premium costs the firm customers at reviews.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { chooseLogit, logitProbabilities, utility } from '../../src/model/competition/choice.js';
import { CUSTOMER, RIVAL } from '../../src/model/lifecycle.js';
import { METRICS } from '../../src/model/metrics.js';
import { MECHANISMS } from '../../src/model/registry.js';
import type { Params } from '../../src/scenario/schema.js';
import { oneSegmentParams, params, run } from '../helpers/model.js';

const W = { reputation: 10, experience: 0.5, price: 6.25, inertia: 4 };

describe('the switching choice (multinomial logit)', () => {
  it('utility V = ln s + β_R·R + β_X·X − β_P·κ·π + ι·current', () => {
    expect(utility(W, 0.2, 0.05, 1, 0.1, 2, false)).toBeCloseTo(Math.log(0.2) + 10 * 0.05 + 0.5 * 1 - 6.25 * 2 * 0.1, 12);
    expect(utility(W, 0.2, 0, 0, 0, 1, true) - utility(W, 0.2, 0, 0, 0, 1, false)).toBeCloseTo(4, 12);
    expect(utility(W, 0, 1, 1, 0, 1, true)).toBe(-Infinity); // a firm without customers is not in the choice set
  });

  it('probabilities are e^V_j / Σ e^V_k, stable for large utilities, and −∞ options get 0', () => {
    const v = Float64Array.from([Math.log(0.2) + 1, Math.log(0.8), -Infinity]);
    const out = new Float64Array(3);
    expect(logitProbabilities(v, 3, out)).toBe(true);
    const a = 0.2 * Math.E, b = 0.8;
    expect(out[0]).toBeCloseTo(a / (a + b), 14);
    expect(out[1]).toBeCloseTo(b / (a + b), 14);
    expect(out[2]).toBe(0);
    // Shifted by 1000: same probabilities, no overflow.
    const big = Float64Array.from([1000 + Math.log(0.2) + 1, 1000 + Math.log(0.8), -Infinity]);
    logitProbabilities(big, 3, out);
    expect(out[0]).toBeCloseTo(a / (a + b), 12);
    expect(logitProbabilities(Float64Array.from([-Infinity, -Infinity]), 2, out)).toBe(false);
  });

  it('equal firms, presence only: a choice among all of them picks each in proportion to its share (market share theorem)', () => {
    const shares = [0.2, 0.5, 0.3];
    const v = Float64Array.from(shares.map((s) => utility(W, s, 0, 0, 0, 1, false)));
    const out = new Float64Array(3);
    logitProbabilities(v, 3, out);
    shares.forEach((s, j) => expect(out[j]).toBeCloseTo(s, 14));
  });

  it('chooseLogit inverts the cumulative probabilities', () => {
    const v = Float64Array.from([Math.log(0.25), Math.log(0.75)]), scratch = new Float64Array(2);
    expect(chooseLogit(v, 2, 0.2499, scratch)).toBe(0);
    expect(chooseLogit(v, 2, 0.2501, scratch)).toBe(1);
    expect(chooseLogit(v, 2, 0.999999999, scratch)).toBe(1);
    expect(chooseLogit(Float64Array.from([-Infinity, Math.log(1)]), 2, 0, scratch)).toBe(1);
    expect(chooseLogit(Float64Array.from([-Infinity, -Infinity]), 2, 0.5, scratch)).toBe(-1);
  });
});

describe('off by default', () => {
  it('without competitors every other metric is identical with and without the mechanism, day by day', () => {
    const p = params({ market: { size: 3000, initialCustomers: 600 }, acquisition: { spendPerDay: 300 }, economics: { pricePremium: 0.1 } });
    const without = MECHANISMS.filter((m) => m.name !== 'competition');
    expect(without.length).toBe(MECHANISMS.length - 1);
    const a = simulate({ strategy: 't', params: p, seed: 7, replication: 0, days: 90 });
    const b = simulate({ strategy: 't', params: p, seed: 7, replication: 0, days: 90, mechanisms: without });
    for (const key of Object.keys(b.series)) expect(Array.from(a.series[key as keyof typeof a.series]), key).toEqual(Array.from(b.series[key as keyof typeof b.series]));
    expect(Math.max(...a.series.rivalCustomers, ...a.series.sectorShare, ...a.series.switchedToRivals)).toBe(0);
  });
});

const GRID = 1_000_000;
const range = (min: number, max: number) => fc.noBias(fc.integer({ min: 0, max: GRID })).map((k) => min + ((max - min) * k) / GRID);
const rivalArb = fc.record({
  share: range(0, 0.4),
  pricePremium: range(-0.3, 0.5),
  serviceQuality: range(0, 10),
  netAdvocacy: range(-1, 1),
  acquisitionPerYear: fc.oneof(fc.constant(0), range(0, 1)),
});

describe('invariants of a sector (fast-check)', () => {
  it('population conserved across firm, rivals and nobody; shares add to 100; flows match stocks; no NaN', () => {
    fc.assert(
      fc.property(
        fc.record({
          size: fc.integer({ min: 60, max: 1500 }),
          initialShare: range(0, 0.4),
          rivals: fc.array(rivalArb, { minLength: 1, maxLength: 4 }),
          network: fc.constantFrom('wattsStrogatz', 'barabasiAlbert', 'fullyMixed'),
          reviewsPerYear: fc.oneof(fc.constant(0), range(0, 400)),
          inertia: range(0, 6),
          outsideUtility: fc.oneof(fc.constant(null), range(-5, 2)),
          halfLife: fc.oneof(fc.constant(0), range(0, 60)),
          premium: range(0, 0.5),
          annualBaseRate: range(0, 0.9),
          spend: fc.oneof(fc.constant(0), range(0, 2000)),
          days: fc.integer({ min: 10, max: 50 }),
          seed: fc.nat(1_000_000),
        }),
        (x) => {
          const competitors = Object.fromEntries(x.rivals.map((r, k) => [`rival${k}`, { ...r, share: r.share / x.rivals.length }]));
          const p: Params = params({
            market: { size: x.size, initialCustomers: Math.round(x.initialShare * x.size) },
            wom: { network: { type: x.network, meanDegree: 6 } },
            competitors,
            competition: { reviewsPerYear: x.reviewsPerYear, inertia: x.inertia, outsideUtility: x.outsideUtility, defectorHalfLifeDays: x.halfLife },
            economics: { pricePremium: x.premium },
            churn: { annualBaseRate: x.annualBaseRate },
            acquisition: { spendPerDay: x.spend },
          });
          const recount: number[] = [], talkingCount: number[] = [];
          const r = simulate({
            strategy: 't', params: p, seed: x.seed, replication: 0, days: x.days,
            inspect: (_d, pop) => {
              let rivals = 0, talking = 0;
              const former = pop.column('formerVoice', 'i8'), says = pop.column('advocacy', 'i8');
              for (let i = 0; i < pop.n; i++) {
                if (pop.state[i] === RIVAL) rivals++;
                if (former[i] !== 0) talking++;
                if (former[i] !== 0) expect(pop.state[i], 'a defector who talks is not a customer').not.toBe(CUSTOMER);
              }
              recount.push(rivals);
              talkingCount.push(talking);
              expect(pop.rivalCount).toBe(rivals);
              // On a network, every person's advocacy counts are its contacts' voices: customers' and defectors'.
              const csr = pop.contacts;
              if (csr === null) return;
              const up = pop.column('advocatesAround', 'i32'), down = pop.column('warnersAround', 'i32');
              for (let i = 0; i < pop.n; i++) {
                let a = 0, w = 0;
                for (let e = csr.offsets[i]; e < csr.offsets[i + 1]; e++) {
                  const j = csr.neighbors[e];
                  const v = pop.state[j] === CUSTOMER ? says[j] : former[j];
                  if (v === 1) a++;
                  else if (v === -1) w++;
                }
                if (a !== up[i] || w !== down[i]) expect([up[i], down[i]], `advocacy around ${i}`).toEqual([a, w]);
              }
            },
          });
          const s = r.series;
          for (const def of METRICS)
            for (let d = 0; d <= x.days; d++) {
              const undefinedRatio = def.ratio !== undefined && s[def.ratio.den][d] === 0;
              expect(undefinedRatio ? Number.isNaN(s[def.key][d]) : Number.isFinite(s[def.key][d]), `${def.key}[${d}]`).toBe(true);
            }
          const initialRivals = x.rivals.reduce((a, rv) => a + Math.round((rv.share / x.rivals.length) * x.size), 0);
          expect(s.rivalCustomers[0]).toBe(initialRivals);
          for (let d = 0; d <= x.days; d++) {
            expect(s.prospects[d] + s.customers[d] + s.churned[d] + s.rivalCustomers[d], `day ${d}`).toBe(x.size);
            expect(s.rivalCustomers[d]).toBe(recount[d]);
            expect(s.defectorsTalking[d], `defectors talking day ${d}`).toBe(talkingCount[d]);
            for (const k of ['prospects', 'churned', 'rivalCustomers'] as const) expect(s[k][d], k).toBeGreaterThanOrEqual(0);
            const sector = s.customers[d] + s.rivalCustomers[d];
            const shares = s.sectorShare[d] + s.rivalShare1[d] + s.rivalShare2[d] + s.rivalShare3[d] + s.rivalShare4[d];
            expect(Math.abs(shares - (sector > 0 ? 100 : 0)), `shares day ${d}`).toBeLessThan(1e-9);
            if (d === 0) continue;
            expect(s.customers[d], `customers day ${d}`).toBe(s.customers[d - 1] + s.acquired[d] + s.wonBack[d] + s.switchedFromRivals[d] - s.lost[d]);
            expect(s.switchedToRivals[d]).toBeLessThanOrEqual(s.lost[d]);
            // Nobody is no option: every leaver switches, while there is a rival to switch to.
            if (x.outsideUtility === null && s.rivalCustomers[d - 1] > 0) expect(s.switchedToRivals[d], `switches day ${d}`).toBe(s.lost[d]);
            if (x.halfLife === 0) expect(s.defectorsTalking[d]).toBe(0);
          }
        },
      ),
      { numRuns: 40, seed: 2027, interruptAfterTimeLimit: 60_000 },
    );
  });
});

/**
 * A closed sector: one segment (E = 7.5), no episodes or requests (satisfaction stays E, trust
 * T₀), no reviews, no prospects, one rival, nobody no option. The firm's customers leave with
 * q_F = 1 − e^{−h₀} a day (§7 at S = E, T = T₀) and all go to the rival; the rival's customers,
 * at service quality Q, leave with q_R = 1 − e^{−h₀·e^{β(E − Q)}} and all go to the firm. On a
 * day, L ~ Bin(F, q_F) leave the firm; then D ~ Bin(R + L, q_R) leave the rival (today's
 * switchers among them), so
 *   E[F_{t+1} | F_t] = F_t(1 − q_F) + (M − F_t + F_t·q_F)·q_R,
 * linear, so E[F_t] follows by iterating on expectations. Var(F_T) ≤ Σ_t (E[F_t]q_F + E[R_t + L_t]q_R)
 * (each day's binomial noise, carried forward with a factor below 1); the test allows 4.5 σ
 * (two-sided, 1 − 7·10⁻⁶).
 */
function closedSector(quality: number, seed: number) {
  const M = 20_000, F0 = 4_000, b = 0.1, beta = 0.35, E = 7.5, days = 365;
  const p = oneSegmentParams(
    {
      market: { size: M, initialCustomers: F0 },
      journey: { episodesPerYear: 0 },
      service: { questionsPerCustomerPerYear: 0 },
      acquisition: { organicInfluence: 0 },
      churn: { annualBaseRate: b, satisfactionSensitivity: beta },
      competitors: { rest: { share: (M - F0) / M, serviceQuality: quality } },
      competition: { reviewsPerYear: 0, outsideUtility: null },
    },
    { asExpectedScore: E, churnMultiplier: 1 },
  );
  const h0 = -Math.log1p(-b) / 365;
  const qF = -Math.expm1(-h0), qR = -Math.expm1(-h0 * Math.exp(beta * (E - quality)));
  let f = F0, variance = 0;
  for (let t = 0; t < days; t++) {
    const leave = f * qF;
    variance += leave + (M - f + leave) * qR;
    f = f - leave + (M - f + leave) * qR;
  }
  return { r: run(p, days, seed), M, F0, expected: f, sd: Math.sqrt(variance), days };
}

describe('a closed sector', () => {
  it('stays flat while the firm whose rival serves worse (Q = E − ln3/β: its customers leave 3× as often) takes share, as the recurrence predicts', () => {
    const worse = closedSector(7.5 - Math.log(3) / 0.35, 11);
    const s = worse.r.series;
    for (let d = 0; d <= worse.days; d++) expect(s.customers[d] + s.rivalCustomers[d], `sector size day ${d}`).toBe(worse.M);
    const final = s.customers[worse.days];
    expect(Math.abs(final - worse.expected), `firm ends at ${final}, expected ${worse.expected.toFixed(1)} ± ${(4.5 * worse.sd).toFixed(1)}`).toBeLessThan(4.5 * worse.sd);
    // The expectation is far from the start: the test can fail if switching did nothing.
    expect(worse.expected - worse.F0).toBeGreaterThan(20 * worse.sd);
    expect(s.switchedFromRivals.reduce((a, x) => a + x, 0)).toBeGreaterThan(s.switchedToRivals.reduce((a, x) => a + x, 0));
  });

  it('with a rival as good as the firm, the same recurrence (drift towards equal flows) and less share gained than against a worse rival', () => {
    const equal = closedSector(7.5, 12), worse = closedSector(7.5 - Math.log(3) / 0.35, 12);
    const fe = equal.r.series.customers[equal.days], fw = worse.r.series.customers[worse.days];
    expect(Math.abs(fe - equal.expected)).toBeLessThan(4.5 * equal.sd);
    expect(fw - fe).toBeGreaterThan(4.5 * (equal.sd + worse.sd));
  });
});

describe('F7: price matters at reviews', () => {
  it('a 30% premium (utility −β_P·κ·0.3 ≈ −1.9 at κ = 1) costs the firm customers against the same sector without it', () => {
    const sector = (premium: number) =>
      run(
        oneSegmentParams(
          {
            market: { size: 10_000, initialCustomers: 3_000 },
            journey: { episodesPerYear: 0 },
            service: { questionsPerCustomerPerYear: 0 },
            acquisition: { organicInfluence: 0 },
            competitors: { rest: { share: 0.7, serviceQuality: 7.5 } },
            competition: { reviewsPerYear: 4, inertia: 2 },
            economics: { pricePremium: premium, premiumTolerance: 0 },
          },
          { asExpectedScore: 7.5, priceSensitivity: 1 },
        ),
        180,
        5,
      ).series;
    const cheap = sector(0), dear = sector(0.3);
    // The premium also raises everyday churn through economics (×(1 + κ·0.3)); both push the same way.
    expect(dear.customers[180]).toBeLessThan(cheap.customers[180] - 300);
    expect(dear.switchedToRivals.reduce((a, x) => a + x, 0)).toBeGreaterThan(cheap.switchedToRivals.reduce((a, x) => a + x, 0));
  });
});

describe('scenario rules', () => {
  it('competitors whose shares and the initial customers exceed the market are reported at `competitors`', async () => {
    const { paramsSchema } = await import('../../src/scenario/schema.js');
    const r = paramsSchema.safeParse({ market: { size: 1000, initialCustomers: 300 }, competitors: { a: { share: 0.5 }, b: { share: 0.3 } } });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === 'competitors');
    expect(issue?.message).toMatch(/add up to more than the market/);
    expect(paramsSchema.safeParse({ market: { size: 1000, initialCustomers: 300 }, competitors: { a: { share: 0.4 }, b: { share: 0.3 } } }).success).toBe(true);
    const five = Object.fromEntries([1, 2, 3, 4, 5].map((k) => [`r${k}`, { share: 0.1 }]));
    expect(paramsSchema.safeParse({ market: { size: 1000, initialCustomers: 0 }, competitors: five }).success).toBe(false);
  });
});
