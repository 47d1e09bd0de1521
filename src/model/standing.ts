/**
 * A customer's standing: satisfaction, trust, and what follows from them — the stance
 * (promoter +1, detractor −1, passive 0; from likelihood to recommend, §10) with which the
 * customer advocates to their contacts, and the firm-wide running aggregates (customers,
 * promoters, detractors, Σ satisfaction, Σ trust, paying margin).
 *
 * Every change to a customer's satisfaction, trust or status goes through this module, so the
 * aggregates and the contacts' advocacy counts are exact at all times without a daily sweep.
 * Sums of float32 values kept in float64 are exact at these magnitudes (24-bit values, sums
 * far below 2^53 ulps), so adding and subtracting never drifts.
 */
import type { ModelConfig } from './config.js';
import { DETRACTOR_BELOW, ltrScore, PROMOTER_FROM } from './observe.js';
import { CUSTOMER } from './lifecycle.js';
import type { Population } from './population.js';

export interface Aggregates {
  customers: number;
  promoters: number;
  detractors: number;
  sumSatisfaction: number;
  sumTrust: number;
  /** Σ margin per day of paying customers (joined before today, still customers). */
  payingMargin: number;
  payingCount: number;
  /** Σ margin per day of paying customers of the initial cohort. */
  cohortMargin: number;
}

export const newAggregates = (): Aggregates => ({
  customers: 0, promoters: 0, detractors: 0, sumSatisfaction: 0, sumTrust: 0, payingMargin: 0, payingCount: 0, cohortMargin: 0,
});

/** Stance of a customer with satisfaction s and trust t: +1 promoter, −1 detractor, 0 passive. */
export function stanceOf(pop: Population, cfg: ModelConfig, i: number, s: number, t: number): number {
  const x = ltrScore(s, t, pop.disposition[i], cfg.ltrTrustWeight, cfg.trust0);
  return x >= PROMOTER_FROM ? 1 : x < DETRACTOR_BELOW ? -1 : 0;
}

/** The contacts of i learn that i's stance changed from `from` to `to`. */
function broadcast(pop: Population, i: number, from: number, to: number): void {
  const agg = pop.aggregates;
  const csr = pop.contacts;
  if (from === 1) agg.promoters--;
  else if (from === -1) agg.detractors--;
  if (to === 1) agg.promoters++;
  else if (to === -1) agg.detractors++;
  if (csr === null) return; // fully mixed: the aggregates are the signal
  const nb = csr.neighbors;
  const end = csr.offsets[i + 1];
  if (from === 1) for (let e = csr.offsets[i]; e < end; e++) pop.promotersAround[nb[e]]--;
  else if (from === -1) for (let e = csr.offsets[i]; e < end; e++) pop.detractorsAround[nb[e]]--;
  if (to === 1) for (let e = csr.offsets[i]; e < end; e++) pop.promotersAround[nb[e]]++;
  else if (to === -1) for (let e = csr.offsets[i]; e < end; e++) pop.detractorsAround[nb[e]]++;
}

/** Person i's satisfaction and trust become s and t (only customers count in the aggregates). */
export function setStanding(pop: Population, cfg: ModelConfig, i: number, s: number, t: number): void {
  if (pop.state[i] !== CUSTOMER) {
    pop.satisfaction[i] = s;
    pop.trust[i] = t;
    return;
  }
  const agg = pop.aggregates;
  const oldS = pop.satisfaction[i], oldT = pop.trust[i];
  pop.satisfaction[i] = s;
  pop.trust[i] = t;
  // Sums use the stored (float32) values so that what is added is exactly what is later subtracted.
  agg.sumSatisfaction += pop.satisfaction[i] - oldS;
  agg.sumTrust += pop.trust[i] - oldT;
  const stance = stanceOf(pop, cfg, i, pop.satisfaction[i], pop.trust[i]);
  if (stance !== pop.stance[i]) {
    broadcast(pop, i, pop.stance[i], stance);
    pop.stance[i] = stance;
  }
}

/** Person i has just become a customer (state and standing already set by becomeCustomer). */
export function joinStanding(pop: Population, cfg: ModelConfig, i: number): void {
  const agg = pop.aggregates;
  agg.customers++;
  agg.sumSatisfaction += pop.satisfaction[i];
  agg.sumTrust += pop.trust[i];
  const stance = stanceOf(pop, cfg, i, pop.satisfaction[i], pop.trust[i]);
  broadcast(pop, i, 0, stance);
  pop.stance[i] = stance;
}

/** Customer i starts paying (from the day after adoption). */
export function startPaying(pop: Population, i: number): void {
  const agg = pop.aggregates;
  agg.payingMargin += pop.margin[i];
  agg.payingCount++;
  if (pop.initialCohort[i] === 1) agg.cohortMargin += pop.margin[i];
}

/** Customer i leaves: out of the aggregates, and silent to their contacts. */
export function leaveStanding(pop: Population, i: number, paying: boolean): void {
  const agg = pop.aggregates;
  agg.customers--;
  agg.sumSatisfaction -= pop.satisfaction[i];
  agg.sumTrust -= pop.trust[i];
  if (paying) {
    agg.payingMargin -= pop.margin[i];
    agg.payingCount--;
    if (pop.initialCohort[i] === 1) agg.cohortMargin -= pop.margin[i];
  }
  broadcast(pop, i, pop.stance[i], 0);
  pop.stance[i] = 0;
}
