/**
 * Stylised facts on service recovery (brief §4), tested where recovery lives: the failed episode
 * and the recovery contact enter satisfaction memory (standing.ts, MODEL.md §4), the outcome
 * decides the quit probability (recovery.ts, §6) and the story told (wom.ts, §11).
 *
 *  • Service-recovery paradox (de Matos, Henrique & Rossi 2007, J. Service Research, meta-analysis):
 *    after a failure and a good recovery, satisfaction is above the no-failure level; repurchase
 *    intention and word of mouth are not.
 *  • Its disappearance after a second failure (Maxham & Netemeyer 2002, J. Marketing): after two
 *    failures, even with good recoveries, satisfaction stays below the no-failure level.
 *
 * Controlled inputs, common random numbers. A closed market of N identical customers (one segment
 * with a default as-expected score E, each default segment in turn), every customer an episode a
 * day (episodesPerYear 365) of one step that always fails with a minor problem (the default
 * failureImpact.minor, no frustration or delight), always voiced at the front line, and the
 * simple desk resolving every case quickly: the "good recovery" whose score
 * (recovery.resolvedQuicklyScore 8.5) MODEL.md §6 says lifts satisfaction. The no-failure twin is
 * the same market with processQuality 1. Day 1 is the first failure and its recovery; day 2 the
 * second.
 *
 * Tolerances. Memory is deterministic here (every customer has the same sequence), so mean
 * satisfaction follows S ← S + w·(x − S) exactly up to float32 storage (≤ 10⁻⁴). Quits on day 2
 * (half-life 0) are Binomial(customers[1], q): 3.29 binomial SD, 99.9% two-sided. Word of mouth:
 * every customer (talkativeness 1, sd 0) tells f contacts with probability p(score), so the day's
 * messages are f·Binomial(N, p): compared at 3.29 SD of the difference (99.9%).
 */
import { describe, expect, it } from 'vitest';
import { talkProbability, wom } from '../../../src/model/mechanisms/wom.js';
import type { Params } from '../../../src/model/params.js';
import { params, paramsWith, run } from '../../helpers/model.js';
import { zTwoSided } from './stats.js';

const N = 20_000, Z = zTwoSided(0.999);
const defaults = params();
const SEGMENT_E = Object.entries(defaults.market.segments).map(([name, s]) => [name, s.asExpectedScore] as const);

function market(e: number, failing: boolean): Params {
  const channel = { frontLine: 1, headquarters: 0 };
  return paramsWith(
    {
      market: { size: N, initialCustomers: N },
      journey: { episodesPerYear: 365, processQuality: failing ? 0 : 1, severityMix: { minor: 1, moneyLost: 0, mistreatment: 0 }, frustrationRate: 0, delightRate: 0 },
      complaints: { minor: channel, moneyLost: channel, mistreatment: channel },
      service: { model: 'simple', resolveProbability: 1, quickShare: 1 },
      recovery: { halfLifeDays: 0 },
      churn: { annualBaseRate: 0 },
      customers: { talkativenessSd: 0 },
      acquisition: { winBackFactor: 0, organicInfluence: 0 },
      wom: { network: { type: 'fullyMixed' } },
    },
    {
      segments: { all: { share: 1, marginMultiplier: 1, churnMultiplier: 1, asExpectedScore: e, priceSensitivity: 0, talkativeness: 1 } },
      touchpoints: { only: { failureWeight: 1 } },
    },
  );
}

const w = defaults.customers.memoryWeight, x = defaults.journey.failureImpact.minor, R = defaults.recovery.resolvedQuicklyScore;

describe.each(SEGMENT_E)('segment %s (as-expected score %s)', (_name, e) => {
  const failed = run(market(e, true), 2, 41).series;
  const twin = run(market(e, false), 2, 41).series;
  // The recursion the model must follow (MODEL.md §6): the failed episode, then the recovery
  // contact, each a memory update; then the resolved case re-judges the encounter — the failed
  // episode, now weighing w·(1 − w), counts as the recovery: + w(1 − w)·(R − E·x). Day 2's failure
  // comes within recovery.secondFailureDays of day 1's: a second failure — not re-judged, and day
  // 1's re-judgement g, weighing (1 − w) by then (the new failure's update), withdrawn.
  const g = w * (1 - w) * (R - e * x);
  const s1 = e + w * (e * x - e) + w * (R - (e + w * (e * x - e))) + g;
  const s2a = s1 + w * (e * x - s1) - g * (1 - w), s2 = s2a + w * (R - s2a);

  it('memory follows the failure-recovery-re-judgement recursion; the twin stays at E', () => {
    expect(failed.badExperiences[1]).toBe(N);
    expect(failed.complaintsVoiced[1]).toBe(N);
    expect(Math.abs(failed.satisfaction[1] - s1)).toBeLessThan(1e-4);
    expect(Math.abs(failed.satisfaction[2] - s2)).toBeLessThan(1e-4);
    expect(twin.satisfaction[1]).toBeCloseTo(e, 5);
    expect(twin.satisfaction[2]).toBeCloseTo(e, 5);
  });

  // With the re-judgement the failure drops out: S₁ − E = (1 − w)·w(E·x − E) + w(R − E)
  // + w(1 − w)(R − E·x) = w(2 − w)(R − E), so the paradox holds exactly when the recovery beats
  // the expectation, R > E (8.5 > 7.2, 7.6, 7.9).
  it('paradox, satisfaction: after one failure and a quick recovery, satisfaction is above the no-failure level', () => {
    expect(failed.satisfaction[1]).toBeGreaterThan(twin.satisfaction[1]);
  });

  it('no paradox in repurchase: recovered customers leave over the incident (q > 0), the twins do not', () => {
    const r = defaults.recovery;
    const q = r.intentionRealisation * r.resolvedQuickly.minor * Math.min(1, (1 - x) / r.fullShortfall);
    const share = failed.lost[2] / failed.customers[1];
    expect(Math.abs(share - q), `lost ${share.toFixed(4)} vs q ${q.toFixed(4)}`).toBeLessThanOrEqual(Z * Math.sqrt((q * (1 - q)) / failed.customers[1]));
    expect(share).toBeGreaterThan(Z * Math.sqrt((q * (1 - q)) / failed.customers[1])); // distinguishable from no quits
    expect(twin.lost[2]).toBe(0);
  });

  // The complainer tells the encounter, failure and fix together: (1 − ρ)·E·x + ρ·R = 6.53 for
  // E = 7.6 (ρ = 0.5), below the twin's as-expected E: no more good stories than the twins tell.
  it('no paradox in word of mouth: recovered customers send no more positive messages than the no-failure twins', () => {
    const cfg = wom.compile(market(e, true));
    const f = cfg.fanoutPositive, pR = talkProbability(cfg, 1, R), pE = talkProbability(cfg, 1, e);
    const se = f * Math.sqrt((N * pR * (1 - pR) + N * pE * (1 - pE))) / N;
    const diff = (failed.womPositive[1] - failed.womNegative[1] - (twin.womPositive[1] - twin.womNegative[1])) / N;
    expect(diff, `net positive messages per customer: recovered − twin = ${diff.toFixed(4)} ± ${se.toFixed(4)}`).toBeLessThanOrEqual(Z * se);
  });

  it('after a second failure, even with a quick recovery, satisfaction stays below the no-failure level and below its first-recovery level', () => {
    expect(failed.satisfaction[2]).toBeLessThan(twin.satisfaction[2] - 1e-4);
    expect(failed.satisfaction[2]).toBeLessThan(failed.satisfaction[1] - 1e-4);
  });
});
