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

/** Premium above what a customer of satisfaction S tolerates (F7). */
export function premiumExcess(cfg: ModelConfig, s: number): number {
  if (cfg.pricePremium <= 0) return 0;
  const x = (s - cfg.toleranceFrom) / (cfg.toleranceFull - cfg.toleranceFrom);
  const tolerated = cfg.premiumTolerance * (x < 0 ? 0 : x > 1 ? 1 : x);
  return cfg.pricePremium > tolerated ? cfg.pricePremium - tolerated : 0;
}

/** Churn hazard H of customer i today (before the jump decays). */
export function hazard(c: DayContext, i: number): number {
  const { pop, cfg } = c;
  const seg = pop.segment[i];
  const base = cfg.segBaseHazard[seg];
  if (base <= 0) return pop.jump[i];
  const s = pop.satisfaction[i];
  const h = base * Math.exp(cfg.satSensitivity * (cfg.segAsExpected[seg] - s) + cfg.trustSensitivity * (cfg.trust0 - pop.trust[i]));
  return pop.jump[i] + (cfg.pricePremium > 0 ? h * (1 + cfg.segPriceExcessFactor[seg] * premiumExcess(cfg, s)) : h);
}

/** Does customer i want to leave today? Also decays the jump. Draws from stream `churn`. */
export function wantsToLeave(c: DayContext, i: number): boolean {
  const h = hazard(c, i);
  const jump = c.pop.jump;
  const j = jump[i];
  if (j !== 0) jump[i] = c.cfg.jumpDecay === 0 ? 0 : j * c.cfg.jumpDecay; // 0·∞ would be NaN
  return h > 0 && c.rng.churn() < -Math.expm1(-h);
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
    pop.state[i] = CHURNED;
    pop.initialCohort[i] = 0;
    tally.lost++;
  }
}
