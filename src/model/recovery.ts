/**
 * Service recovery: how a problem ends changes the customer. A bad experience adds a churn
 * hazard jump sized by outcome and severity (TARP quit probabilities); every service contact
 * is itself an experience that enters memory (the simple desk's single contact scores the
 * scenario's recovery score); the customer may talk about the outcome. Recovery can lift satisfaction above the no-failure level (the paradox)
 * but the quit probability after even a quick recovery stays above zero: loyalty is not lifted.
 */
import { SILENT, type ModelConfig } from './config.js';
import type { Population } from './population.js';
import { setStanding } from './standing.js';

const MAJOR_SEVERITY = 1; // severities ≥ 1 (money lost, mistreatment) are major problems

/** Adds the hazard jump of a bad experience ending with `outcome`. */
export function addChurnJump(pop: Population, cfg: ModelConfig, i: number, severity: number, outcome: number): void {
  pop.jump[i] += cfg.jumpIncrement[outcome * 2 + (severity >= MAJOR_SEVERITY ? 1 : 0)];
}

/** Satisfaction memory after an experience scored `score`: S + w·(score − S). */
export function remembered(cfg: ModelConfig, s: number, score: number): number {
  return s + cfg.memoryWeight * (score - s);
}

/**
 * A service contact is an experience: it enters memory like an episode, and moves trust up if
 * it was at least neutral, down if it was bad.
 */
export function experienceContact(pop: Population, cfg: ModelConfig, i: number, score: number): void {
  const t = pop.trust[i];
  const trust = score >= cfg.neutralScore ? Math.min(1, t + cfg.trustGoodGain) : score < cfg.badThreshold ? Math.max(0, t - cfg.trustBadContactLoss) : t;
  setStanding(pop, cfg, i, remembered(cfg, pop.satisfaction[i], score), trust);
}

/** A complaint ended: if the experience was bad, the churn hazard jumps by the outcome's quit probability. */
export function endProblem(pop: Population, cfg: ModelConfig, i: number, severity: number, bad: boolean, outcome: number): void {
  if (bad && outcome !== SILENT) addChurnJump(pop, cfg, i, severity, outcome);
}
