/**
 * Churn and retention saves. A customer's hazard per day is
 *   H = h₀(segment) · exp(β·(E − S) + γ·(T₀ − T)) · (1 + κ(segment)·excess premium) + J,
 * with S satisfaction, E the segment's as-expected score, T trust, J the decaying jump after
 * bad experiences (recovery.ts); P(leave today) = 1 − e^(−H). Would-be leavers are offered
 * a save from the retention budget: each is kept with probability
 *   π = min(effectiveness, budget ÷ (cost per save × would-be leavers)),
 * so spending never exceeds the budget in expectation and each save costs acquisition
 * cost ÷ costRatio (F1).
 */
import type { ModelConfig } from './config.js';
import type { DayContext } from './context.js';
import { CHURNED } from './population.js';
import { leaveStanding } from './standing.js';

/** Premium above what a customer of satisfaction S tolerates (F7). */
export function premiumExcess(cfg: ModelConfig, s: number): number {
  if (cfg.pricePremium <= 0) return 0;
  const x = (s - cfg.toleranceFrom) / (cfg.toleranceFull - cfg.toleranceFrom);
  const tolerated = cfg.premiumTolerance * (x < 0 ? 0 : x > 1 ? 1 : x);
  return cfg.pricePremium > tolerated ? cfg.pricePremium - tolerated : 0;
}

/**
 * The experience-driven part of the hazard, h₀·exp(β·(E − S) + γ·(T₀ − T)): a pure function of
 * numbers so the customer pass can inline it.
 */
export function experienceHazard(base: number, asExpected: number, s: number, t: number, beta: number, gamma: number, trust0: number): number {
  return base * Math.exp(beta * (asExpected - s) + gamma * (trust0 - t));
}

/** Offers saves to the day's would-be leavers (stream `retention`); the others churn. */
export function settleLeavers(c: DayContext, leavers: Int32Array, count: number): void {
  const { pop, cfg, tally } = c;
  const budget = cfg.retentionBudgetPerDay;
  const keep = budget > 0 && count > 0 ? Math.min(cfg.retentionEffectiveness, budget / (cfg.costPerSave * count)) : 0;
  for (let k = 0; k < count; k++) {
    const i = leavers[k];
    if (keep > 0 && c.rng.retention() < keep) {
      pop.jump[i] = 0; // the save offer addressed what went wrong
      tally.saved++;
      tally.retentionCost += cfg.costPerSave;
      continue;
    }
    leaveStanding(pop, i, true); // everyone in the customer pass joined before today, so pays
    pop.state[i] = CHURNED;
    pop.initialCohort[i] = 0;
    pop.churnedCount++;
    tally.lost++;
  }
}
