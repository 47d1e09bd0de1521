/**
 * Touchpoint episodes (§3): each day a customer goes through an episode (buy, deliver, use,
 * bill…) with probability min(1, episodesPerYear/365). Each step fails with its failure
 * probability, or may carry a small frustration or delight; the steps' multipliers combine
 * into the episode score by the chosen aggregation (F12). The score is an experience; a failed
 * step is a problem (complaints.ts decides whether it is voiced); an episode without one is a
 * story the customer may tell (wom.ts).
 */
import { z } from 'zod';
import { EPISODE, EPISODE_PROBLEM, type Mechanism } from '../mechanism.js';
import { DAYS_PER_YEAR, nameKey, nonneg, prob, round6, section } from '../fields.js';
import { SEVERITIES, type Severity } from '../vocabulary.js';
import { perSegment } from './market.js';

const touchpointSchema = z
  .strictObject({
    failureWeight: nonneg(1, 'Relative failure likelihood of this step: P(fail) = failureWeight × (1 − journey.processQuality).'),
  })
  .describe('One step of the customer journey (buy, deliver, use, bill, …).');

/** A table by severity, each entry built by `make(default, what)`. */
export const severityTable = <T extends z.ZodTypeAny>(make: (d: number, k: string) => T, defs: [number, number, number], doc: string) =>
  section(
    {
      minor: make(defs[0], 'minor (small-ticket) problems'),
      moneyLost: make(defs[1], 'problems where the customer lost money'),
      mistreatment: make(defs[2], 'rude, incompetent or rushed treatment (F5)'),
    },
    doc,
  );

const sections = {
  journey: section(
    {
      episodesPerYear: nonneg(6, 'Touchpoint episodes per customer per year; P(episode on a day) = min(1, episodesPerYear/365).'),
      touchpoints: z
        .record(nameKey(), touchpointSchema)
        .default({ buy: { failureWeight: 1 }, deliver: { failureWeight: 1.5 }, use: { failureWeight: 1 }, bill: { failureWeight: 0.5 } })
        .describe('Journey steps of one episode, in order, by name. Default buy, deliver, use, bill.'),
      processQuality: prob(0.99, 'Process quality Q; a step fails with probability failureWeight × (1 − Q) (consistent processes, F10).'),
      severityMix: severityTable((d, k) => prob(d, `Share of failures that are ${k}.`), [0.7, 0.2, 0.1], 'Severity of a failed step; shares sum to 1.'),
      failureImpact: severityTable((d, k) => prob(d, `Episode multiplier of a step failing with ${k}.`), [0.6, 0.35, 0.25], 'How much a failed step multiplies the episode score, by severity.'),
      frustrationRate: prob(0.08, 'Probability a step carries a small frustration (F11, F14: a lever of its own).'),
      frustrationImpact: prob(0.93, 'Multiplier of a step with a small frustration.'),
      delightRate: prob(0.02, 'Probability a step delights (goes beyond expectation, F10).'),
      delightImpact: z.number().min(1).max(2).default(1.25).describe('Multiplier of a delightful step. Default 1.25.'),
      aggregation: z
        .enum(['multiplicative', 'additive', 'weakestLink'])
        .default('multiplicative')
        .describe('How steps combine into the episode score: product (F12, how customers judge), mean (how organisations think), or minimum. Default multiplicative.'),
      moments: z
        .record(
          nameKey(),
          z.strictObject({
            perYear: nonneg(0.2, 'Times a customer goes through this moment per year.'),
            touchpoints: z.record(nameKey(), touchpointSchema).describe('Its steps, in order, with their failure weights (P(fail) = failureWeight × (1 − processQuality)).'),
            severityMix: severityTable((d, k) => prob(d, `Share of this moment's failures that are ${k}.`), [0.3, 0.6, 0.1], 'Severity of its failed steps (a claim puts money at stake); shares sum to 1.'),
            salience: prob(0.6, 'Weight of this moment in satisfaction memory, instead of customers.memoryWeight: a claim handled badly weighs more than a billing hiccup (Bolton 1998; Verhoef, Antonides & de Hoog 2004).'),
          }),
        )
        .default({})
        .describe('Moments of truth: episodes of their own kind (a claim, an incident) with their frequency, steps, stakes and weight in memory. Default none.'),
    },
    'Touchpoint episodes: steps, failures, small frustrations, delight and the aggregation rule; moments of truth.',
  ),
};

const metrics = [
  { key: 'episodes', label: 'Episodes', unit: 'episodes/day', kind: 'flow', doc: 'Touchpoint episodes customers went through.' },
  { key: 'problems', label: 'Dissatisfied in reality', unit: 'customers/day', kind: 'flow', doc: 'Episodes with at least one failed step (a problem).' },
  { key: 'badExperiences', label: 'Bad experiences', unit: 'episodes/day', kind: 'flow', doc: 'Episodes scoring below the bad-experience threshold.' },
  { key: 'moments', label: 'Moments of truth', unit: 'episodes/day', kind: 'flow', doc: 'Episodes that were moments of truth (claims, incidents), counted among the episodes too.' },
  { key: 'momentProblems', label: 'Moments of truth that failed', unit: 'episodes/day', kind: 'flow', doc: 'Moments of truth with a failed step.' },
  { key: 'momentScoreTotal', label: 'Moment scores', unit: 'points/day', kind: 'flow', doc: 'Σ scores of the moments of truth.' },
  { key: 'momentScore', label: 'Score of moments of truth', unit: '0–10', kind: 'ratio', doc: 'Mean score customers gave their moments of truth.', ratio: { num: 'momentScoreTotal', den: 'moments', scale: 1 } },
] as const;

/** Aggregation rules of an episode's steps. */
export const MULTIPLICATIVE = 0, ADDITIVE = 1, WEAKEST_LINK = 2;
/** `worst` of an episode without a failed step. */
export const NO_PROBLEM = -1;

export interface EpisodesConfig {
  episodeProbability: number;
  stepFailProbability: Float64Array;
  /** Cumulative severity shares: minor, minor + moneyLost. */
  severityCum: [number, number];
  failureImpact: Float64Array; // by severity
  frustrationRate: number;
  frustrationImpact: number;
  delightRate: number;
  delightImpact: number;
  aggregation: number; // MULTIPLICATIVE | ADDITIVE | WEAKEST_LINK
  badExperienceThreshold: number;
  asExpected: Float64Array; // by segment
  /** Moments of truth: their own frequency, steps, severities and weight in memory. */
  moments: Moment[];
}

export interface Moment {
  name: string;
  probability: number;
  stepFailProbability: Float64Array;
  severityCum: [number, number];
  salience: number;
}

const result = { score: 0, worst: NO_PROBLEM };

/**
 * Walks the journey's steps and aggregates their multipliers into the episode score
 * min(10, E·A(x₁…x_J)). Returns the score and the worst failure's severity (or NO_PROBLEM).
 * The returned object is reused: read it before the next call.
 */
export function episodeScore(cfg: EpisodesConfig, asExpected: number, rng: () => number): { score: number; worst: number } {
  const steps = cfg.stepFailProbability;
  const nSteps = steps.length;
  const agg = cfg.aggregation;
  const fr = cfg.frustrationRate, de = cfg.delightRate;
  let acc = agg === MULTIPLICATIVE ? 1 : agg === ADDITIVE ? 0 : Infinity;
  let worst = NO_PROBLEM;
  let worstImpact = Infinity;
  for (let s = 0; s < nSteps; s++) {
    let m = 1;
    const f = steps[s];
    if (f > 0 && rng() < f) {
      const u = rng();
      const sev = u < cfg.severityCum[0] ? 0 : u < cfg.severityCum[1] ? 1 : 2;
      m = cfg.failureImpact[sev];
      if (m < worstImpact) { worstImpact = m; worst = sev; }
    } else {
      if (fr > 0 && rng() < fr) m *= cfg.frustrationImpact;
      if (de > 0 && rng() < de) m *= cfg.delightImpact;
    }
    if (agg === MULTIPLICATIVE) acc *= m;
    else if (agg === ADDITIVE) acc += m;
    else if (m < acc) acc = m;
  }
  if (agg === ADDITIVE) acc /= nSteps;
  const raw = asExpected * acc;
  result.score = raw > 10 ? 10 : raw;
  result.worst = worst;
  return result;
}

export const episodes: Mechanism<typeof sections, EpisodesConfig, (typeof metrics)[number]['key']> = {
  name: 'episodes',
  doc: 'Touchpoint episodes with failures, small frustrations and delight, aggregated multiplicatively by default (§3, F10–F12, F14).',
  sections,
  metrics,
  check(p, issue) {
    if (Object.keys(p.journey.touchpoints).length === 0) issue(['journey', 'touchpoints'], 'at least one touchpoint is needed');
    const mixes: [(string | number)[], Record<Severity, number>][] = [[['journey', 'severityMix'], p.journey.severityMix]];
    for (const [name, m] of Object.entries(p.journey.moments)) {
      mixes.push([['journey', 'moments', name, 'severityMix'], m.severityMix]);
      if (Object.keys(m.touchpoints).length === 0) issue(['journey', 'moments', name, 'touchpoints'], 'at least one touchpoint is needed');
    }
    for (const [path, mix] of mixes) {
      const sum = SEVERITIES.reduce((s, k: Severity) => s + mix[k], 0);
      if (Math.abs(sum - 1) > 1e-6) issue(path, `severity shares sum to ${round6(sum)}, expected 1`);
    }
  },
  compile(p) {
    const j = p.journey;
    return {
      episodeProbability: Math.min(1, j.episodesPerYear / DAYS_PER_YEAR),
      stepFailProbability: Float64Array.from(Object.values(j.touchpoints), (t) => Math.min(1, t.failureWeight * (1 - j.processQuality))),
      severityCum: [j.severityMix.minor, j.severityMix.minor + j.severityMix.moneyLost],
      failureImpact: Float64Array.from(SEVERITIES, (s) => j.failureImpact[s]),
      frustrationRate: j.frustrationRate,
      frustrationImpact: j.frustrationImpact,
      delightRate: j.delightRate,
      delightImpact: j.delightImpact,
      aggregation: { multiplicative: MULTIPLICATIVE, additive: ADDITIVE, weakestLink: WEAKEST_LINK }[j.aggregation],
      badExperienceThreshold: p.customers.badExperienceThreshold,
      asExpected: perSegment(p, (s) => s.asExpectedScore),
      moments: Object.entries(j.moments).map(([name, m]) => ({
        name,
        probability: Math.min(1, m.perYear / DAYS_PER_YEAR),
        stepFailProbability: Float64Array.from(Object.values(m.touchpoints), (t) => Math.min(1, t.failureWeight * (1 - j.processQuality))),
        severityCum: [m.severityMix.minor, m.severityMix.minor + m.severityMix.moneyLost],
        salience: m.salience,
      })),
    };
  },
  setup(run, cfg) {
    const segment = run.pop.column('segment', 'u8');
    const [episodeCount, problems, badExperiences] = ['episodes', 'problems', 'badExperiences'].map((k) => run.counter(k));
    const counts = run.counts;
    // Who has an episode today has a stream of its own (`episodeDays`), what happens in it
    // another (`episodes`): a strategy that changes the inside of an episode (more draws) leaves
    // who has one untouched (common random numbers).
    const [moments, momentProblems, momentScores] = ['moments', 'momentProblems', 'momentScoreTotal'].map((k) => run.counter(k));
    /** Customer i goes through an episode of this kind (weight in memory: the salience of a moment, else the default). */
    const live = (i: number, kind: EpisodesConfig, stream: string, salience?: number): number => {
      counts[episodeCount]++;
      const expected = cfg.asExpected[segment[i]];
      const { score, worst } = episodeScore(kind, expected, run.stream(stream));
      if (score < cfg.badExperienceThreshold) counts[badExperiences]++;
      run.emit.experience(i, score, worst === NO_PROBLEM ? EPISODE : EPISODE_PROBLEM, salience);
      if (worst === NO_PROBLEM) run.emit.story(i, score);
      else {
        counts[problems]++;
        run.emit.problem(i, worst, expected > 0 ? Math.min(1, Math.max(0, (expected - score) / expected)) : 0, score);
      }
      return worst === NO_PROBLEM ? score : -score - 1; // the score, negative (−1 − score) for a problem
    };
    return {
      customerEvents: [
        { stream: 'episodeDays', probability: () => cfg.episodeProbability, fire: (i) => { live(i, cfg, 'episodes'); } },
        // Each moment of truth has streams of its own: adding one shifts no other draw.
        ...cfg.moments.map((m) => {
          const kind: EpisodesConfig = { ...cfg, stepFailProbability: m.stepFailProbability, severityCum: m.severityCum };
          return {
            stream: `moments.${m.name}.days`,
            probability: () => m.probability,
            fire(i: number) {
              const r = live(i, kind, `moments.${m.name}`, m.salience);
              counts[moments]++;
              counts[momentScores] += r >= 0 ? r : -r - 1;
              if (r < 0) counts[momentProblems]++;
            },
          };
        }),
      ],
    };
  },
};
