/**
 * What happens in one contact, as pure functions of the parameters and the employee:
 *   mean handle time  H = H_channel · style · reward · (1 + a_s·(½ − skill)) · (1 + a_e·(½ − engagement))
 *   chance to solve   P = P₀ · reward · (1 + b_s·(skill − ½)) · (1 + b_e·(engagement − ½))   (≤ P_max)
 *   delight           δ = style delight rate · (engagement + fit)/2
 * and the contact's score for the customer, scored against what the customer expected: E ·
 * Π multipliers. A solved matter meets the expectation (×1); what falls short costs — not solved
 * (×0.6), closed unsolved (×0.7), asking permission (×0.85) — and so does effort: waiting beyond
 * the customer's tolerance costs at most waitWeight·(1 − 0.6) = 32% (F5: slowness weighs about
 * 0.8 of incompetence), each earlier contact about the same problem ×0.9, being rushed, a sales
 * pitch. Only warmth and delight lift a contact above E (Dixon, Freeman & Toman 2010). Capped at
 * 10. A caller who hung up met no employee: no rushing, warmth or delight.
 */
import { normal } from '../../random/normal.js';
import type { Rng } from '../../random/streams.js';
import type { ChannelConfig, ServiceConfig } from './serviceConfig.js';
import type { Staff } from './staff.js';

/** Mean handle minutes of employee e on a channel. */
export function meanHandleMinutes(cfg: ServiceConfig, channel: ChannelConfig, staff: Staff, e: number): number {
  const h = cfg.handling;
  return channel.handleMinutes * cfg.style.handleTimeFactor * cfg.reward.handleTimeFactor * (1 + h.skillHandleEffect * (0.5 - staff.skill[e])) * (1 + h.engagementHandleEffect * (0.5 - staff.engagement[e]));
}

/** A handle time with the given mean: exponential, or log-normal with the style's variation. */
export function drawHandleMinutes(cfg: ServiceConfig, mean: number, rng: Rng): number {
  if (cfg.exponential) return -mean * Math.log(1 - rng());
  if (cfg.style.handleCv <= 0) return mean;
  const s2 = Math.log(1 + cfg.style.handleCv * cfg.style.handleCv);
  return mean * Math.exp(Math.sqrt(s2) * normal(rng) - s2 / 2);
}

/** Probability that employee e solves the matter in this contact (a problem, or a question). */
export function solveChance(cfg: ServiceConfig, staff: Staff, e: number, question = false): number {
  const h = cfg.handling;
  const base = question ? h.questionSolveProbability : h.solveProbability;
  const p = base * cfg.reward.solveFactor * (1 + h.skillSolveEffect * (staff.skill[e] - 0.5)) * (1 + h.engagementSolveEffect * (staff.engagement[e] - 0.5));
  return p > h.maxSolveProbability ? h.maxSolveProbability : p < 0 ? 0 : p;
}

/** Probability that the contact delights the customer. */
export function delightChance(cfg: ServiceConfig, staff: Staff, e: number): number {
  return (cfg.style.delightRate * (staff.engagement[e] + staff.fit[e])) / 2;
}

export interface ContactFeel {
  asExpected: number; // the customer's segment score for an as-expected experience
  result: 'solved' | 'closedUnsolved' | 'unsolved' | 'escalated';
  waitMinutes: number; // from wanting contact to being helped
  toleranceMinutes: number; // the customer's, for the channel
  earlierContacts: number;
  pitched: boolean;
  delighted: boolean;
  fit: number; // the employee's culture fit (warmth)
  served: boolean; // false when the caller hung up before meeting anyone
}

/** The customer's score of a contact (0–10). */
export function contactScore(cfg: ServiceConfig, f: ContactFeel): number {
  const x = cfg.experience;
  const excess = Math.max(0, f.waitMinutes - f.toleranceMinutes) / f.toleranceMinutes;
  let m = f.result === 'solved' ? x.solved : f.result === 'escalated' ? x.escalated : f.result === 'closedUnsolved' ? x.closedUnsolved : x.unsolved;
  m *= 1 - x.waitWeight * (1 - x.unsolved) * -Math.expm1(-excess);
  m *= Math.pow(x.repeat, f.earlierContacts);
  if (f.served) m *= cfg.reward.rushedImpact * (1 + cfg.style.warmth * f.fit);
  if (f.pitched) m *= cfg.upsell.irritation;
  if (f.delighted) m *= x.delightImpact;
  const s = f.asExpected * m;
  return s > 10 ? 10 : s;
}
