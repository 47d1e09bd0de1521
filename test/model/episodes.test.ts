/**
 * Touchpoint episodes and the aggregation rules (docs/MODEL.md §3, F12).
 *
 * Exact checks use `episodeScore` with a scripted rng, but every probability in them is 0 or 1
 * (failure weight 0 or processQuality 0, frustration and delight rates 0 or 1, one-hot
 * severity mix), so what each step does is fixed by the configuration, whatever the values
 * the script returns and however many draws the implementation takes (the engine is being
 * optimised; the draw order is not part of the contract). Scores are compared to 1e-10.
 *
 * Statistical check: each step fails independently with fⱼ = min(1, wⱼ·(1 − Q)), so an episode
 * has a problem with probability P = 1 − Πⱼ(1 − fⱼ), independently of everything before it;
 * Σproblems given Σepisodes is Binomial, tolerance 4.4·√(P(1 − P)/Σepisodes) (two-sided
 * 1.1·10⁻⁵ per check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { episodes, episodeScore, NO_PROBLEM } from '../../src/model/mechanisms/episodes.js';
import { paramsWith, run, sumDays } from '../helpers/model.js';

type Aggregation = 'multiplicative' | 'additive' | 'weakestLink';
type Severity = 'minor' | 'moneyLost' | 'mistreatment';
const SEVERITY_INDEX: Record<Severity, number> = { minor: 0, moneyLost: 1, mistreatment: 2 };

/** An rng cycling through fixed values in (0, 1). */
const script = (values = [0.31, 0.77, 0.05, 0.93, 0.5, 0.62]) => {
  let k = 0;
  return () => values[k++ % values.length];
};

interface Journey {
  failing: boolean[]; // per step: fails surely (weight 1, Q = 0) or never (weight 0)
  severity: Severity;
  frustrated: boolean;
  delighted: boolean;
  impacts?: { minor: number; moneyLost: number; mistreatment: number };
  frustrationImpact?: number;
  delightImpact?: number;
  aggregation: Aggregation;
}

function cfgOf(j: Journey) {
  const touchpoints = Object.fromEntries(j.failing.map((f, k) => [`step${k}`, { failureWeight: f ? 1 : 0 }]));
  const p = paramsWith(
    {
      journey: {
        processQuality: 0,
        severityMix: { minor: 0, moneyLost: 0, mistreatment: 0, [j.severity]: 1 },
        failureImpact: j.impacts ?? { minor: 0.6, moneyLost: 0.35, mistreatment: 0.25 },
        frustrationRate: j.frustrated ? 1 : 0,
        delightRate: j.delighted ? 1 : 0,
        frustrationImpact: j.frustrationImpact ?? 0.93,
        delightImpact: j.delightImpact ?? 1.25,
        aggregation: j.aggregation,
      },
    },
    { touchpoints },
  );
  return episodes.compile(p);
}

const score = (j: Journey, asExpected: number) => {
  const { score: s, worst } = episodeScore(cfgOf(j), asExpected, script());
  return { score: s, worst };
};

const oneBadAmongTen = (aggregation: Aggregation): Journey => ({
  failing: [false, false, false, false, false, true, false, false, false, false, false],
  severity: 'minor',
  frustrated: false,
  delighted: false,
  aggregation,
});

describe('aggregation rules on scripted episodes', () => {
  it('one failed step among ten good ones is a bad experience multiplicatively, not additively (F12)', () => {
    const threshold = 5; // customers.badExperienceThreshold default
    const mult = score(oneBadAmongTen('multiplicative'), 7.6);
    const add = score(oneBadAmongTen('additive'), 7.6);
    expect(mult.score).toBeCloseTo(7.6 * 0.6, 10); // 4.56
    expect(add.score).toBeCloseTo((7.6 * (0.6 + 10)) / 11, 10); // 7.32
    expect(mult.score).toBeLessThan(threshold);
    expect(add.score).toBeGreaterThanOrEqual(threshold);
    expect(mult.worst).toBe(SEVERITY_INDEX.minor);
    expect(add.worst).toBe(SEVERITY_INDEX.minor);
  });

  it('MODEL.md §3 example: one minor failure in four steps gives 4.56 vs 6.84', () => {
    const four = (aggregation: Aggregation): Journey => ({ failing: [true, false, false, false], severity: 'minor', frustrated: false, delighted: false, aggregation });
    expect(score(four('multiplicative'), 7.6).score).toBeCloseTo(4.56, 10);
    expect(score(four('additive'), 7.6).score).toBeCloseTo(6.84, 10);
  });

  it('weakest link is E × the smallest step multiplier', () => {
    const j = { ...oneBadAmongTen('weakestLink'), severity: 'moneyLost' as const, frustrated: true };
    expect(score(j, 8).score).toBeCloseTo(8 * 0.35, 10);
    // Without a failure the smallest multiplier is the frustration's.
    expect(score({ ...j, failing: j.failing.map(() => false) }, 8).score).toBeCloseTo(8 * 0.93, 10);
    expect(score({ ...j, failing: j.failing.map(() => false) }, 8).worst).toBe(NO_PROBLEM);
  });

  it('delight raises the multiplicative score but not the weakest link', () => {
    const plain = oneBadAmongTen('multiplicative');
    const delighted = { ...plain, delighted: true };
    expect(score(delighted, 6).score).toBeCloseTo(Math.min(10, 6 * 0.6 * 1.25 ** 10), 10);
    expect(score(delighted, 6).score).toBeGreaterThan(score(plain, 6).score);
    const weakPlain = score({ ...plain, aggregation: 'weakestLink' }, 6).score;
    const weakDelighted = score({ ...delighted, aggregation: 'weakestLink' }, 6).score;
    expect(weakDelighted).toBeCloseTo(weakPlain, 12);
    expect(weakPlain).toBeCloseTo(6 * 0.6, 10);
  });

  it('caps the score at 10 under every rule', () => {
    for (const aggregation of ['multiplicative', 'additive', 'weakestLink'] as const) {
      const j: Journey = { failing: [false, false, false, false], severity: 'minor', frustrated: false, delighted: true, delightImpact: 1.5, aggregation };
      expect(score(j, 9).score, aggregation).toBe(10); // 9·1.5⁴, 9·1.5, 9·1.5 all > 10
      expect(score(j, 6).score, aggregation).toBeLessThanOrEqual(10);
    }
    expect(score({ failing: [false], severity: 'minor', frustrated: false, delighted: true, aggregation: 'additive' }, 6).score).toBeCloseTo(7.5, 10);
  });

  it('property: score = min(10, E·A(xⱼ)) with xⱼ the step multipliers, worst = the lowest-impact failure', () => {
    const journey = fc.record({
      failing: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
      severity: fc.constantFrom<Severity>('minor', 'moneyLost', 'mistreatment'),
      frustrated: fc.boolean(),
      delighted: fc.boolean(),
      impacts: fc.record({ minor: fc.double({ min: 0, max: 1, noNaN: true }), moneyLost: fc.double({ min: 0, max: 1, noNaN: true }), mistreatment: fc.double({ min: 0, max: 1, noNaN: true }) }),
      frustrationImpact: fc.double({ min: 0, max: 1, noNaN: true }),
      delightImpact: fc.double({ min: 1, max: 2, noNaN: true }),
      aggregation: fc.constantFrom<Aggregation>('multiplicative', 'additive', 'weakestLink'),
    });
    fc.assert(
      fc.property(journey, fc.double({ min: 0, max: 10, noNaN: true }), (j, e) => {
        const good = (j.frustrated ? j.frustrationImpact : 1) * (j.delighted ? j.delightImpact : 1);
        const xs = j.failing.map((f) => (f ? j.impacts[j.severity] : good));
        const agg = j.aggregation === 'multiplicative' ? xs.reduce((a, b) => a * b, 1) : j.aggregation === 'additive' ? xs.reduce((a, b) => a + b, 0) / xs.length : Math.min(...xs);
        const got = score(j, e);
        expect(got.score).toBeCloseTo(Math.min(10, e * agg), 10);
        expect(got.worst).toBe(j.failing.some((f) => f) ? SEVERITY_INDEX[j.severity] : NO_PROBLEM);
      }),
      { numRuns: 300 },
    );
  });
});

describe('through a run', () => {
  /** A closed market without churn in which every customer has an episode a day. */
  const closed = (n: number, journey: Record<string, unknown>, touchpoints?: Record<string, { failureWeight: number }>) =>
    paramsWith(
      {
        market: { size: n, initialCustomers: n },
        journey: { episodesPerYear: 365, ...journey },
        churn: { annualBaseRate: 0 },
        recovery: { halfLifeDays: 0, silent: { minor: 0, major: 0 }, unresolved: { minor: 0, major: 0 }, resolved: { minor: 0, major: 0 }, resolvedQuickly: { minor: 0, major: 0 } },
        acquisition: { winBackFactor: 0, organicInfluence: 0 },
        wom: { network: { type: 'fullyMixed' } },
      },
      touchpoints ? { touchpoints } : {},
    );

  it('the share of episodes with a problem is 1 − Π(1 − fⱼ) (default journey, Q = 0.9)', () => {
    // fⱼ = wⱼ·0.1 for weights 1, 1.5, 1, 0.5: P = 1 − 0.9·0.85·0.9·0.95 = 0.345925.
    const f = [0.1, 0.15, 0.1, 0.05];
    const P = 1 - f.reduce((a, x) => a * (1 - x), 1);
    const { series } = run(closed(5_000, { processQuality: 0.9 }), 20, 21);
    const episodes = sumDays(series.episodes), problems = sumDays(series.problems);
    expect(episodes).toBe(5_000 * 20);
    const tol = 4.4 * Math.sqrt((P * (1 - P)) / episodes);
    expect(Math.abs(problems / episodes - P)).toBeLessThanOrEqual(tol);
    // The tolerance (≈ 0.007) separates it from the additive guess Σfⱼ = 0.4.
    expect(Math.abs(f.reduce((a, b) => a + b, 0) - P)).toBeGreaterThan(5 * tol);
  });

  it('a failure probability above 1 is capped: every episode has a problem', () => {
    const { series } = run(closed(500, { processQuality: 0.8 }, { a: { failureWeight: 0.5 }, b: { failureWeight: 10 } }), 5, 2);
    expect(sumDays(series.problems)).toBe(sumDays(series.episodes));
  });

  it('one failure among ten good steps: every episode bad multiplicatively, none additively', () => {
    const steps = Object.fromEntries(Array.from({ length: 11 }, (_, k) => [`s${k}`, { failureWeight: k === 5 ? 1 : 0 }]));
    const journey = { processQuality: 0, severityMix: { minor: 1, moneyLost: 0, mistreatment: 0 }, frustrationRate: 0, delightRate: 0 };
    const mult = run(closed(1_000, { ...journey, aggregation: 'multiplicative' }, steps), 3, 4).series;
    const add = run(closed(1_000, { ...journey, aggregation: 'additive' }, steps), 3, 4).series;
    expect(sumDays(mult.problems)).toBe(3_000);
    expect(sumDays(mult.badExperiences)).toBe(3_000);
    expect(sumDays(add.problems)).toBe(3_000);
    expect(sumDays(add.badExperiences)).toBe(0);
  });
});
