/**
 * One simulated day as two passes over the population:
 *
 *   1. customer pass:   who has an episode (→ talk or complaint), then the churn draw
 *   2. leavers settle:  retention saves, the rest churn
 *   3. service desk:    cases end → recovery → talk
 *   4. population pass: prospects and churned people weigh advocacy and messages and may
 *                       adopt; customers' trust moves with what they heard
 *   5. deferred:        the adoptions and trust changes of pass 4 take effect
 *
 * Pass 4 reads advocacy counts and messages as they stand after 1–3 and defers its own
 * changes to 5, so every adoption decision uses the word of mouth of the start of the day
 * (synchronous update, as the benchmark defines). Firm-wide totals (NPS counts, means, paying
 * margin) are kept exact by standing.ts, so no pass exists only to observe. The passes keep
 * arrays and parameters in locals and call the mechanisms' pure formulas, which the JIT
 * inlines; rare events (an episode, an adoption) call into their mechanism modules.
 */
import { adoptionHazard, attributeAdoption, trustAfterHearing } from '../model/adoption.js';
import { experienceHazard, premiumExcess, settleLeavers } from '../model/churn.js';
import { UNRESOLVED } from '../model/config.js';
import type { DayContext } from '../model/context.js';
import { runEpisode } from '../model/episodes.js';
import { becomeCustomer, CHURNED, CUSTOMER, PROSPECT, type Population } from '../model/population.js';
import { endProblem, experienceContact } from '../model/recovery.js';
import { setStanding } from '../model/standing.js';
import { mixedReachShare, talk } from '../model/wom.js';
import { weekdayOf } from '../model/service/calendar.js';
import { hitsAt, newSkipper } from '../random/bernoulli.js';

/** Scratch lists reused every day (sized to the market, so no day allocates). */
export interface DayScratch {
  /** The customers, in ascending index order: the customer pass visits only them. */
  customers: Int32Array;
  customerCount: number;
  stayed: Int32Array; // customers seen by the population pass (after the day's churn), ascending
  stayedCount: number;
  leavers: Int32Array;
  adopters: Int32Array; // ascending: found in index order
  adopterCount: number;
  heard: Int32Array; // customers whose trust moved
  heardTrust: Float32Array;
  heardCount: number;
}

export function newDayScratch(pop: Population): DayScratch {
  const n = pop.n;
  const d: DayScratch = {
    customers: new Int32Array(n), customerCount: 0, stayed: new Int32Array(n), stayedCount: 0,
    leavers: new Int32Array(n), adopters: new Int32Array(n), adopterCount: 0,
    heard: new Int32Array(n), heardTrust: new Float32Array(n), heardCount: 0,
  };
  for (let i = 0; i < n; i++) if (pop.state[i] === CUSTOMER) d.customers[d.customerCount++] = i;
  return d;
}

/** Episodes and churn draws; returns how many customers want to leave (listed in `d.leavers`). */
export function customerPass(c: DayContext, d: DayScratch): number {
  const { pop, cfg } = c;
  c.tally.churnAtRisk += pop.aggregates.customers;
  if (cfg.quietCustomers) return 0;
  const { segment, satisfaction, trust, jump } = pop;
  const list = d.customers, leavers = d.leavers;
  const segBase = cfg.segBaseHazard, segExpected = cfg.segAsExpected, segPrice = cfg.segPriceExcessFactor;
  const beta = cfg.satSensitivity, gamma = cfg.trustSensitivity, trust0 = cfg.trust0, decay = cfg.jumpDecay;
  const premium = cfg.pricePremium > 0;
  // Who has an episode or a request today has streams of their own: a strategy that changes what
  // happens inside an episode (more draws) leaves who has one untouched (common random numbers).
  const churnRng = c.rng.churn, episodeRng = c.rng.episodeDays, questionRng = c.rng.questions;
  const customerShare = pop.aggregates.customers / pop.n;
  const episodes = newSkipper(cfg.episodeProb, episodeRng, customerShare);
  const questions = newSkipper(cfg.questionProbByWeekday[weekdayOf(c.day, cfg.startWeekday)], questionRng, customerShare);
  let count = 0;
  for (let k = 0, m = d.customerCount; k < m; k++) {
    const i = list[k];
    if (hitsAt(episodes, i, episodeRng)) runEpisode(c, i);
    if (hitsAt(questions, i, questionRng)) c.desk.ask(i);
    const seg = segment[i];
    const j = jump[i];
    let h = j;
    const base = segBase[seg];
    if (base > 0) {
      const s = satisfaction[i];
      const e = experienceHazard(base, segExpected[seg], s, trust[i], beta, gamma, trust0);
      h += premium ? e * (1 + segPrice[seg] * premiumExcess(cfg, s)) : e;
    }
    if (j !== 0) jump[i] = j * decay;
    if (h > 0 && churnRng() < -Math.expm1(-h)) leavers[count++] = i;
  }
  return count;
}

export function settleAndServe(c: DayContext, leavers: Int32Array, count: number): void {
  settleLeavers(c, leavers, count);
  const { pop, cfg, tally } = c;
  c.desk.step(c.day, c.rng.service, {
    contact: (i, score) => experienceContact(pop, cfg, i, score),
    caseEnded: (i, severity, bad, outcome, score) => {
      endProblem(pop, cfg, i, severity, bad, outcome);
      if (outcome !== UNRESOLVED) tally.resolved++;
      talk(pop, cfg, c.wom, tally, c.rng.wom, i, score);
    },
    questionEnded: (i, score) => talk(pop, cfg, c.wom, tally, c.rng.wom, i, score),
  });
}

/** Adoption decisions and what customers heard; changes are listed in `d`, applied by applyDeferred. */
export function populationPass(c: DayContext, d: DayScratch): void {
  const { pop, cfg, wom } = c;
  const { state, posHeard, negHeard, promotersAround, detractorsAround, trust } = pop;
  const agg = pop.aggregates;
  const csr = pop.contacts;
  const offsets = csr === null ? null : csr.offsets;
  // Fully mixed, everyone weighs the same mean-field shares; on a network, only those around
  // whom nobody speaks share a hazard (p).
  const n = pop.n;
  const mixed = csr === null;
  const norm = n * wom.meanDegree;
  const mixedMsgPos = mixed ? wom.mixedPositive / norm : 0;
  const mixedMsgNeg = mixed ? wom.mixedNegative / norm : 0;
  const mixedHeard = mixedMsgPos !== 0 || mixedMsgNeg !== 0;
  const hShared = mixed ? adoptionHazard(cfg, agg.promoters / n, agg.detractors / n, mixedMsgPos, mixedMsgNeg) : adoptionHazard(cfg, 0, 0, 0, 0);
  const winBack = cfg.winBackFactor;
  const gain = cfg.trustPosGain, loss = cfg.trustNegLoss;
  const rng = c.rng.adoption;
  const prospectHits = newSkipper(hShared, rng, (n - agg.customers - pop.churnedCount) / n);
  const winBackHits = newSkipper(hShared * winBack, rng, pop.churnedCount / n);
  // Arrays that are all zero today are not read (exact, and a large saving in memory traffic).
  const messagesToday = c.tally.womPositive + c.tally.womNegative > 0;
  const anyDetractors = agg.detractors > 0;
  // Tomorrow's customer list is only read by a customer pass that does something.
  const keepList = !cfg.quietCustomers;
  let reached = 0, adopters = 0, heardCount = 0, stayed = 0;
  for (let i = 0; i < n; i++) {
    const st = state[i];
    let heard = mixedHeard, msgPos = mixedMsgPos, msgNeg = mixedMsgNeg, degree = 0;
    if (offsets !== null && messagesToday) {
      const hp = posHeard[i], hn = negHeard[i];
      if (hp !== 0 || hn !== 0) {
        degree = offsets[i + 1] - offsets[i];
        msgPos = hp / degree;
        msgNeg = hn / degree;
        posHeard[i] = 0;
        negHeard[i] = 0;
        heard = true;
      }
    }
    if (st === CUSTOMER) {
      if (keepList) d.stayed[stayed++] = i;
      if (heard) {
        const t = trustAfterHearing(trust[i], msgPos, msgNeg, gain, loss);
        if (t !== trust[i]) {
          d.heard[heardCount] = i;
          d.heardTrust[heardCount++] = t;
        }
      }
      continue;
    }
    let h: number, adopts: boolean;
    const advPos = offsets !== null ? promotersAround[i] : 0, advNeg = offsets !== null && anyDetractors ? detractorsAround[i] : 0;
    if (offsets !== null && (heard || advPos !== 0 || advNeg !== 0)) {
      if (heard) reached++;
      if (degree === 0) degree = offsets[i + 1] - offsets[i];
      h = adoptionHazard(cfg, advPos / degree, advNeg / degree, msgPos, msgNeg) * (st === CHURNED ? winBack : 1);
      adopts = h > 0 && rng() < h;
    } else if (st === PROSPECT) {
      h = hShared;
      adopts = hitsAt(prospectHits, i, rng);
    } else {
      h = hShared * winBack;
      adopts = hitsAt(winBackHits, i, rng);
    }
    if (adopts) {
      attributeAdoption(c, i, h);
      d.adopters[adopters++] = i;
    }
  }
  d.adopterCount = adopters;
  d.heardCount = heardCount;
  d.stayedCount = stayed;
  c.tally.womReach += mixed ? (n - agg.customers) * mixedReachShare(wom, n) : reached;
  wom.mixedPositive = 0;
  wom.mixedNegative = 0;
}

/** The day's adoptions and trust changes take effect (after every decision of the day was made). */
export function applyDeferred(c: DayContext, d: DayScratch): void {
  const { pop, cfg } = c;
  for (let k = 0; k < d.heardCount; k++) {
    const i = d.heard[k];
    setStanding(pop, cfg, i, pop.satisfaction[i], d.heardTrust[k]);
  }
  for (let k = 0; k < d.adopterCount; k++) becomeCustomer(pop, cfg, d.adopters[k]);
  if (!cfg.quietCustomers) mergeCustomers(d);
}

/** Tomorrow's customer list: those who stayed today merged with today's adopters (both ascending). */
function mergeCustomers(d: DayScratch): void {
  const { stayed, adopters, customers } = d;
  let a = 0, b = 0, k = 0;
  while (a < d.stayedCount && b < d.adopterCount) customers[k++] = stayed[a] < adopters[b] ? stayed[a++] : adopters[b++];
  while (a < d.stayedCount) customers[k++] = stayed[a++];
  while (b < d.adopterCount) customers[k++] = adopters[b++];
  d.customerCount = k;
}
