/**
 * Adoption and commitment: the Bass mechanism on a network. A prospect adopts today with
 *   h = p + q_a·(a⁺ − ν·a⁻) + q_m·(σ⁺ − ν·σ⁻),  clamped to [0, 1],
 * where a± are the shares of its contacts who are promoters/detractors (advocacy, persistent)
 * and σ± the shares who told it about a good/bad experience today (messages, transient);
 * fully mixed, the shares are taken over the whole population (mean field). p is the external
 * influence set by marketing, q_a the Bass imitation coefficient, q_m the pull of a message.
 * Churned people adopt again with winBackFactor·h. What customers hear moves their trust
 * (commitment): T ← clamp(T + gain·σ⁺ − loss·σ⁻, 0, 1).
 * People who share one hazard (nobody around them speaks; everyone, fully mixed) are drawn by
 * geometric skipping (random/bernoulli.ts).
 */
import type { ModelConfig } from './config.js';
import type { DayContext } from './context.js';
import { CHURNED } from './lifecycle.js';

/** Adoption hazard of a prospect given advocacy shares a± and message shares σ± (× winBackFactor for churned). */
export function adoptionHazard(cfg: ModelConfig, advPos: number, advNeg: number, msgPos: number, msgNeg: number): number {
  const nu = cfg.negativeWeight;
  const h = cfg.p + cfg.qAdvocacy * (advPos - nu * advNeg) + cfg.qMessage * (msgPos - nu * msgNeg);
  return h < 0 ? 0 : h > 1 ? 1 : h;
}

/**
 * Counts person i's adoption, at hazard h: churned people are won back; a prospect's adoption
 * is attributed to marketing with probability p/h (one draw from `adoption`), else to word of mouth.
 */
export function attributeAdoption(c: DayContext, i: number, h: number): void {
  const { cfg, tally } = c;
  if (c.pop.state[i] === CHURNED) tally.wonBack++;
  else if (h <= cfg.p || c.rng.adoption() * h < cfg.p) tally.acquiredMarketing++;
  else tally.acquiredWom++;
}

/** Trust after hearing messages σ± (commitment). */
export function trustAfterHearing(trust: number, sigmaPos: number, sigmaNeg: number, gain: number, loss: number): number {
  const t = trust + gain * sigmaPos - loss * sigmaNeg;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}
