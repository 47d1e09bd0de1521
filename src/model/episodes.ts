/**
 * Touchpoint episodes: each day a customer goes through an episode (buy, deliver, use, bill…)
 * with probability episodeProb. Each step fails with its failure probability, may carry a
 * small frustration or delight; the steps' multipliers combine into an episode score by the
 * chosen aggregation (F12), which enters satisfaction memory. A failed step is a problem the
 * customer complains about (by severity and channel, F2/TARP) or keeps silent about.
 */
import { ADDITIVE, MULTIPLICATIVE, SILENT, type ModelConfig } from './config.js';
import type { DayContext } from './context.js';
import { addChurnJump, remembered } from './recovery.js';
import { setStanding } from './standing.js';
import { talk } from './wom.js';

const NO_PROBLEM = -1;

/**
 * Customer i goes through an episode today (who does is drawn by the customer pass, with
 * probability episodeProb each). Experience draws come from the `episodes` stream, talk
 * decisions from `wom`, so changing WOM parameters leaves experiences untouched.
 */
export function runEpisode(c: DayContext, i: number): void {
  const { cfg, rng: streams, tally } = c;
  const rng = streams.episodes;
  tally.episodes++;
  tally.symbolCost += cfg.symbolCostPerEpisode;
  const pop = c.pop;
  const { score, worst } = episodeScore(cfg, cfg.segAsExpected[pop.segment[i]], rng);
  const bad = score < cfg.badThreshold;
  if (bad) tally.badExperiences++;
  const t = pop.trust[i];
  const trust = worst !== NO_PROBLEM ? Math.max(0, t - cfg.trustProblemLoss) : score >= cfg.neutralScore ? Math.min(1, t + cfg.trustGoodGain) : t;
  setStanding(pop, cfg, i, remembered(cfg, pop.satisfaction[i], score), trust);
  if (worst === NO_PROBLEM) {
    talk(pop, cfg, c.wom, tally, streams.wom, i, score);
    return;
  }
  tally.problems++;
  const u = rng();
  if (u < cfg.complainAny[worst]) {
    // A voiced complaint: the customer talks once the case has an outcome.
    const headquarters = u < cfg.complainHq[worst];
    tally.complaintsVoiced++;
    if (headquarters) tally.complaintsHeard++;
    c.desk.submit(i, worst, bad);
  } else {
    if (bad) addChurnJump(pop, cfg, i, worst, SILENT);
    talk(pop, cfg, c.wom, tally, streams.wom, i, score);
  }
}

const result = { score: 0, worst: NO_PROBLEM };

/**
 * Walks the journey's steps and aggregates their multipliers into the episode score
 * min(10, E·A(x₁…x_J)). Returns the score and the worst failure's severity (or NO_PROBLEM).
 * The returned object is reused: read it before the next call.
 */
export function episodeScore(cfg: ModelConfig, asExpected: number, rng: () => number): { score: number; worst: number } {
  const steps = cfg.stepFailProb;
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
      const sev = u < cfg.sevCumMinor ? 0 : u < cfg.sevCumMoney ? 1 : 2;
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

export { NO_PROBLEM };
