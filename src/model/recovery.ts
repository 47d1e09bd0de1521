/**
 * Service recovery: how a problem ends changes the customer. A bad experience adds a churn
 * hazard jump sized by outcome and severity (TARP quit probabilities), the outcome of a
 * complaint is itself an experience (recovery episode) that enters memory, and the customer
 * may talk about it. Recovery can lift satisfaction above the no-failure level (the paradox)
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

/** A complaint ended: recovery episode into memory, and the jump if the experience was bad. Returns the recovery score. */
export function applyOutcome(pop: Population, cfg: ModelConfig, i: number, severity: number, bad: boolean, outcome: number): number {
  const score = cfg.recoveryScore[outcome];
  setStanding(pop, cfg, i, remembered(cfg, pop.satisfaction[i], score), pop.trust[i]);
  if (bad && outcome !== SILENT) addChurnJump(pop, cfg, i, severity, outcome);
  return score;
}
