/**
 * The people of the market as a struct of typed arrays (one entry per person, prospects
 * included), and their initialisation. No per-agent objects: the hot loop reads columns.
 */
import type { Rng } from '../random/streams.js';
import { normal } from '../random/normal.js';
import type { ModelConfig } from './config.js';
import type { Csr } from './network/csr.js';
import { joinStanding, newAggregates, startPaying, type Aggregates } from './standing.js';

import { CHURNED, CUSTOMER } from './lifecycle.js';

export { CHURNED, CUSTOMER, PROSPECT } from './lifecycle.js';

export interface Population {
  n: number;
  contacts: Csr | null; // the social network; null = fully mixed
  state: Uint8Array; // PROSPECT | CUSTOMER | CHURNED
  segment: Uint8Array;
  initialCohort: Uint8Array; // 1 while a day-0 customer has never left (for realised CLV)
  satisfaction: Float32Array; // experience memory S, 0–10
  trust: Float32Array; // 0–1
  disposition: Float32Array; // fixed personal offset of likelihood-to-recommend
  talkativeness: Float32Array; // multiplies the probability of talking
  margin: Float32Array; // contribution margin per day (money)
  jump: Float32Array; // extra churn hazard after bad experiences, decaying
  posHeard: Int32Array; // positive messages heard today (network WOM)
  negHeard: Int32Array; // negative messages heard today
  stance: Int8Array; // +1 promoter, −1 detractor, 0 passive or not a customer (standing.ts)
  promotersAround: Int32Array; // contacts who are promoters (network advocacy)
  detractorsAround: Int32Array; // contacts who are detractors
  aggregates: Aggregates; // firm-wide running totals (standing.ts)
  churnedCount: number;
}

/**
 * Draws segments and personal traits (stream `population`) and picks the initial customers
 * uniformly without replacement (stream `initial`).
 */
export function createPopulation(cfg: ModelConfig, contacts: Csr | null, traits: Rng, initial: Rng): Population {
  const n = cfg.n;
  const pop: Population = {
    n,
    contacts,
    state: new Uint8Array(n),
    segment: new Uint8Array(n),
    initialCohort: new Uint8Array(n),
    satisfaction: new Float32Array(n),
    trust: new Float32Array(n),
    disposition: new Float32Array(n),
    talkativeness: new Float32Array(n),
    margin: new Float32Array(n),
    jump: new Float32Array(n),
    posHeard: new Int32Array(n),
    negHeard: new Int32Array(n),
    stance: new Int8Array(n),
    promotersAround: new Int32Array(contacts === null ? 0 : n),
    detractorsAround: new Int32Array(contacts === null ? 0 : n),
    aggregates: newAggregates(),
    churnedCount: 0,
  };
  const cum = cfg.segmentCumShare;
  const lastSeg = cum.length - 1;
  // Log-normal factors with mean 1: exp(σZ − σ²/2).
  const talkShift = (cfg.talkSigma * cfg.talkSigma) / 2;
  const spendShift = (cfg.spendSigma * cfg.spendSigma) / 2;
  for (let i = 0; i < n; i++) {
    const u = traits();
    let s = 0;
    while (s < lastSeg && u >= cum[s]) s++;
    pop.segment[i] = s;
    pop.disposition[i] = cfg.dispositionSd * normal(traits);
    pop.talkativeness[i] = cfg.segTalk[s] * (cfg.talkSigma > 0 ? Math.exp(cfg.talkSigma * normal(traits) - talkShift) : 1);
    pop.margin[i] = cfg.segMarginPerDay[s] * (cfg.spendSigma > 0 ? Math.exp(cfg.spendSigma * normal(traits) - spendShift) : 1);
  }
  for (const i of sampleWithoutReplacement(n, cfg.initialCustomers, initial)) {
    becomeCustomer(pop, cfg, i);
    pop.initialCohort[i] = 1;
    startPaying(pop, i);
  }
  return pop;
}

/**
 * Adoption: a fresh relationship starts at the segment's as-expected satisfaction and the
 * initial trust; the customer joins the aggregates and advocates from now on. Paying starts
 * the day after (startPaying, called by the engine).
 */
export function becomeCustomer(pop: Population, cfg: ModelConfig, i: number): void {
  if (pop.state[i] === CHURNED) pop.churnedCount--;
  pop.state[i] = CUSTOMER;
  pop.satisfaction[i] = cfg.segAsExpected[pop.segment[i]];
  pop.trust[i] = cfg.trust0;
  pop.jump[i] = 0;
  joinStanding(pop, cfg, i);
}

/** k distinct indices of 0..n−1, uniformly (partial Fisher–Yates), in ascending order. */
function sampleWithoutReplacement(n: number, k: number, rng: Rng): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.subarray(0, k).sort();
}
