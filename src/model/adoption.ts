/**
 * Adoption and commitment: the Bass mechanism on a network. A prospect adopts today with
 *   h = p + q·(σ⁺ − ν·σ⁻),  clamped to [0, 1],
 * where σ± are the shares of its contacts that sent it a positive/negative message today
 * (network: heard ÷ degree; fully mixed: messages sent ÷ (N·meanDegree), the mean field).
 * p is the external influence set by marketing, q the WOM influence. Churned people adopt
 * again with winBackFactor·h. What customers hear moves their trust (commitment).
 *
 * People who share the same hazard (everyone without a signal; everyone, fully mixed) are
 * drawn by geometric skipping: the gaps between successes of independent Bernoulli(h) trials
 * along the index are Geometric(h), so one draw per adopter replaces one draw per person —
 * exactly the same distribution.
 */
import type { Rng } from '../engine/streams.js';
import type { ModelConfig } from './config.js';
import type { DayContext } from './context.js';
import { becomeCustomer, CHURNED } from './population.js';

/** Hazard of a prospect (or, times winBackFactor, a churned person) with signals σ±. */
export function adoptionHazard(cfg: ModelConfig, sigmaPos: number, sigmaNeg: number): number {
  const h = cfg.p + cfg.q * (sigmaPos - cfg.negativeWeight * sigmaNeg);
  return h < 0 ? 0 : h > 1 ? 1 : h;
}

/** A Bernoulli(h) process along the person index: `next` is the next index that succeeds. */
export interface Skipper {
  h: number;
  logMiss: number; // ln(1 − h)
  next: number;
}

export function newSkipper(h: number, rng: Rng): Skipper {
  const s: Skipper = { h, logMiss: Math.log1p(-h), next: -1 };
  advance(s, -1, rng);
  return s;
}

/** Moves the process past index i: next success = i + 1 + Geometric(h) failures. */
export function advance(s: Skipper, i: number, rng: Rng): void {
  if (s.h <= 0) s.next = Infinity;
  else if (s.h >= 1) s.next = i + 1;
  else s.next = i + 1 + Math.floor(Math.log(1 - rng()) / s.logMiss);
}

/**
 * Whether the process succeeds at index i. Indices must be asked in increasing order; a
 * success that fell on an index nobody asked about (someone with another hazard) is skipped.
 */
export function hitsAt(s: Skipper, i: number, rng: Rng): boolean {
  while (s.next < i) advance(s, s.next, rng);
  if (s.next !== i) return false;
  advance(s, i, rng);
  return true;
}

/**
 * Person i (prospect or churned) adopts. The adoption is attributed to marketing with
 * probability p/h (one extra draw), else to word of mouth; churned people count as won back.
 */
export function adopt(c: DayContext, i: number, h: number): void {
  const { pop, cfg, tally } = c;
  if (pop.state[i] === CHURNED) tally.wonBack++;
  else if (h <= cfg.p || c.rng.adoption() * h < cfg.p) tally.acquiredMarketing++;
  else tally.acquiredWom++;
  becomeCustomer(pop, cfg, i, c.day);
}

/** Commitment: a customer's trust moves with what they heard, T += gain·σ⁺ − loss·σ⁻. */
export function hearAsCustomer(c: DayContext, i: number, sigmaPos: number, sigmaNeg: number): void {
  const t = c.pop.trust[i] + c.cfg.trustPosGain * sigmaPos - c.cfg.trustNegLoss * sigmaNeg;
  c.pop.trust[i] = t < 0 ? 0 : t > 1 ? 1 : t;
}
