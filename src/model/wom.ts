/**
 * Word of mouth, episodic part: after an experience a customer may talk, and the messages land
 * on contacts in the social network (CSR) or, fully mixed, on the population as a mean field.
 * (The persistent part, advocacy by promoters and detractors, lives in standing.ts.)
 *
 * P(talk) = τᵢ · (base + positive·g⁺ + CV)  for a score s ≥ neutral, g⁺ = (s − n)/(10 − n)
 * P(talk) = τᵢ · (base + negative·g⁻)       for s < neutral,      g⁻ = (n − s)/n
 * where τᵢ is talkativeness and CV the conversation value of symbols of extremism (F3, F11).
 * Recipients count what they heard; the adoption pass reads and clears the counts.
 */
import type { Rng } from '../random/streams.js';
import { ALL, type ModelConfig } from './config.js';
import type { Population } from './population.js';
import type { Tally } from './tally.js';

export interface Wom {
  /** Nominal contacts per person under full mixing (messages normalise by it). */
  meanDegree: number;
  /** Messages sent today under full mixing. */
  mixedPositive: number;
  mixedNegative: number;
}

export function newWom(meanDegree: number): Wom {
  return { meanDegree, mixedPositive: 0, mixedNegative: 0 };
}

/** Probability that a customer with talkativeness τ talks about an experience scored `score`. */
export function talkProbability(cfg: ModelConfig, talkativeness: number, score: number): number {
  const n = cfg.neutralScore;
  const raw =
    score >= n
      ? cfg.talkBase + cfg.talkPositive * (n < 10 ? (score - n) / (10 - n) : 0) + cfg.conversationValue
      : cfg.talkBase + cfg.talkNegative * ((n - score) / n);
  return talkativeness * raw;
}

/** Customer i may talk about an experience; recipients count the messages. */
export function talk(pop: Population, cfg: ModelConfig, wom: Wom, tally: Tally, rng: Rng, i: number, score: number): void {
  const pTalk = talkProbability(cfg, pop.talkativeness[i], score);
  if (pTalk <= 0 || (pTalk < 1 && rng() >= pTalk)) return;
  const positive = score >= cfg.neutralScore;
  const fanout = positive ? cfg.fanoutPositive : cfg.fanoutNegative;
  const csr = pop.contacts;
  let sent: number;
  if (csr === null) {
    sent = fanout === ALL ? wom.meanDegree : fanout;
    if (positive) wom.mixedPositive += sent;
    else wom.mixedNegative += sent;
  } else {
    const heard = positive ? pop.posHeard : pop.negHeard;
    const nb = csr.neighbors;
    const start = csr.offsets[i], end = csr.offsets[i + 1];
    const degree = end - start;
    if (fanout === ALL || fanout >= degree) {
      for (let e = start; e < end; e++) heard[nb[e]]++;
      sent = degree;
    } else {
      // Selection sampling (Knuth's algorithm S): `fanout` distinct contacts, each equally likely.
      let needed = fanout;
      for (let e = start, left = degree; needed > 0; e++, left--) {
        if (rng() * left < needed) { heard[nb[e]]++; needed--; }
      }
      sent = fanout;
    }
  }
  if (positive) tally.womPositive += sent;
  else tally.womNegative += sent;
}

/** Expected share of people reached by M messages spread uniformly over N people: 1 − e^(−M/N). */
export function mixedReachShare(wom: Wom, n: number): number {
  return -Math.expm1(-(wom.mixedPositive + wom.mixedNegative) / n);
}
