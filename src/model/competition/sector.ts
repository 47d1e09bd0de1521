/**
 * One run of a sector with competitors (mechanisms/competition.ts, docs/MODEL.md §25): who is
 * whose customer, the switches between firms, and the defectors' voices. Called only when the
 * scenario names competitors.
 *
 * Destinations are numbered 0 = the firm, 1…K = the rivals, K + 1 = nobody. Nothing scans the
 * market: the rivals' customers are kept as a dense list (like the firm's), and their leaving,
 * their reviews and prospects joining a rival are drawn by geometric skipping (thinning where
 * the probability differs per person).
 */
import { geometricGap } from '../../random/bernoulli.js';
import { CHURNED, CUSTOMER, PROSPECT } from '../lifecycle.js';
import type { Behaviour, Run } from '../mechanism.js';
import { ltrScore, stanceFrom, standingOf, tiesOf } from '../mechanisms/standing.js';
import { chooseLogit, utility, type ChoiceWeights } from './choice.js';
import { DefectorVoices, formerVoice } from './voices.js';

export interface RivalConfig {
  name: string;
  /** Customers at day 0. */
  initial: number;
  premium: number;
  quality: number;
  netAdvocacy: number;
  acquisitionPerDay: number;
}

export interface CompetitionConfig {
  rivals: RivalConfig[];
  weights: ChoiceWeights;
  reviewPerDay: number;
  outside: number | null;
  halfLifeDays: number;
  focalPremium: number;
  negativeWeight: number;
  recommend: { promoters: number; passives: number; detractorsWarn: number };
  ltrWeight: number;
  trust0: number;
  beta: number;
  /** By segment: h₀·c_seg per day, as-expected score E, price sensitivity κ. */
  baseHazard: Float64Array;
  asExpected: Float64Array;
  priceSensitivity: Float64Array;
}

/** P(a rival's customer of segment `seg` leaves it today) = 1 − exp(−h₀c_seg·e^{β(E − Q)}): the §7 hazard at S = Q, T = T₀. */
export const rivalLeaveProbability = (cfg: CompetitionConfig, rival: number, seg: number): number =>
  -Math.expm1(-cfg.baseHazard[seg] * Math.exp(cfg.beta * (cfg.asExpected[seg] - cfg.rivals[rival].quality)));

export function setupSector(run: Run, cfg: CompetitionConfig): Behaviour {
  const { pop, contacts } = run;
  const n = pop.n, K = cfg.rivals.length, NOBODY = K + 1, state = pop.state, counts = run.counts;
  const segment = pop.column('segment', 'u8'), satisfaction = pop.column('satisfaction', 'f32'), trust = pop.column('trust', 'f32');
  const disposition = pop.column('disposition', 'f32'), voice = pop.column('voice', 'f32');
  const advocatesAround = pop.column('advocatesAround', 'i32'), warnersAround = pop.column('warnersAround', 'i32');
  const totals = standingOf(run);
  // Per-person state, allocated only when there are competitors (the default model carries none of it).
  const rival = new Uint8Array(n); // k + 1 for a customer of rival k
  const slot = new Int32Array(n);
  const list = new Int32Array(n);
  const pending = new Uint8Array(n); // destination + 1 chosen at today's review
  const pendingList = new Int32Array(n);
  const knewFirm = new Uint8Array(n); // was ever the firm's customer
  const movedDay = new Int32Array(n);
  const voices = new DefectorVoices(pop.column('formerVoice', 'i8'), new Int32Array(n), totals, contacts, advocatesAround, warnersAround, tiesOf(run));
  const rivalCount = new Float64Array(K);
  let listCount = 0, pendingCount = 0;
  const leftList = new Int32Array(n), leftTo = new Int32Array(n);
  let leftCount = 0;
  const moveWho = new Int32Array(n), moveTo = new Int32Array(n);
  const v = new Float64Array(K + 2), scratch = new Float64Array(K + 2);
  const [toRivals, fromRivals, acquired] = ['switchedToRivals', 'switchedFromRivals', 'rivalAcquired'].map((k) => run.counter(k));
  const w = cfg.weights, nu = cfg.negativeWeight;

  const addRival = (i: number, k: number) => {
    rival[i] = k + 1;
    slot[i] = listCount;
    list[listCount++] = i;
    rivalCount[k]++;
  };
  const removeRival = (i: number) => {
    rivalCount[rival[i] - 1]--;
    rival[i] = 0;
    const s = slot[i], last = list[--listCount];
    list[s] = last;
    slot[last] = s;
  };

  /** Net word of mouth about the firm that i hears: recommenders − ν·warners, as a share of its contacts (of everyone, fully mixed). */
  const firmReputation = (i: number): number => {
    if (contacts === null) return (totals.advocates + totals.formerAdvocates - nu * (totals.warners + totals.formerWarners)) / n;
    const degree = contacts.offsets[i + 1] - contacts.offsets[i];
    return degree === 0 ? 0 : (advocatesAround[i] - nu * warnersAround[i]) / degree;
  };

  /**
   * Utilities of every destination for person i, whose current firm is `current` (−1: none, or
   * leaving) and who leaves `exclude` (−1: none): v[0…K + 1] (choice.ts).
   */
  const utilities = (i: number, current: number, exclude: number): void => {
    const seg = segment[i], e = cfg.asExpected[seg], kappa = cfg.priceSensitivity[seg];
    let sector = pop.customerCount;
    for (let k = 0; k < K; k++) sector += rivalCount[k];
    const knows = state[i] === CUSTOMER || state[i] === CHURNED || knewFirm[i] === 1;
    v[0] = exclude === 0 ? -Infinity : utility(w, pop.customerCount / sector, firmReputation(i), knows ? satisfaction[i] - e : 0, cfg.focalPremium, kappa, current === 0);
    for (let k = 0; k < K; k++) {
      const r = cfg.rivals[k];
      v[k + 1] = exclude === k + 1 ? -Infinity : utility(w, rivalCount[k] / sector, (r.netAdvocacy * rivalCount[k]) / n, r.quality - e, r.premium, kappa, current === k + 1);
    }
    v[NOBODY] = cfg.outside === null ? -Infinity : cfg.outside;
  };

  /** Day 0, once the initial customers are in: each rival's initial customers, drawn without replacement among the prospects. */
  const placeInitial = () => {
    const rng = run.stream('competition.initial');
    const free = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) if (state[i] === PROSPECT) free[m++] = i;
    let taken = 0;
    for (let k = 0; k < K; k++) {
      for (let c = 0; c < cfg.rivals[k].initial && taken < m; c++, taken++) {
        const j = taken + Math.floor(rng() * (m - taken));
        const i = free[j];
        free[j] = free[taken];
        free[taken] = i;
        pop.toRival(i);
        addRival(i, k);
      }
    }
  };
  let placed = false;
  if (run.params.market.initialCustomers === 0) {
    placeInitial();
    placed = true;
  }

  /** A former customer keeps saying what it said as a customer, for an exponential time with the defectors' half-life. */
  const keepTalking = (i: number) => {
    if (!(cfg.halfLifeDays > 0)) return;
    const x = ltrScore(satisfaction[i], trust[i], disposition[i], cfg.ltrWeight, cfg.trust0);
    const says = formerVoice(stanceFrom(x), voice[i], cfg.recommend);
    if (says === 0) return;
    const days = (-Math.log(1 - run.stream('competition.voices')()) * cfg.halfLifeDays) / Math.LN2;
    voices.start(i, says, run.day + 1 + Math.floor(days));
  };

  /** Rivals' customers who leave today (thinning at the largest leave probability) and who review, → moves. */
  const rivalDecisions = (day: number): number => {
    let moves = 0;
    let bound = 0;
    for (let k = 0; k < K; k++) for (let s = 0; s < cfg.baseHazard.length; s++) bound = Math.max(bound, rivalLeaveProbability(cfg, k, s));
    if (bound > 0 && listCount > 0) {
      const rng = run.stream('competition.rivalLeave'), choose = run.stream('competition.rivalChoice');
      const logMiss = Math.log1p(-bound);
      for (let p = bound >= 1 ? 0 : geometricGap(logMiss, rng); p < listCount; p += bound >= 1 ? 1 : 1 + geometricGap(logMiss, rng)) {
        const i = list[p], k = rival[i] - 1;
        if (rng() * bound >= rivalLeaveProbability(cfg, k, segment[i])) continue;
        utilities(i, -1, k + 1);
        const to = chooseLogit(v, K + 2, choose(), scratch);
        if (to < 0) continue; // nowhere to go: stays
        movedDay[i] = day;
        moveWho[moves] = i;
        moveTo[moves++] = to;
      }
    }
    const h = cfg.reviewPerDay;
    if (h > 0 && listCount > 0) {
      const rng = run.stream('competition.rivalReviews'), choose = run.stream('competition.rivalChoice');
      const logMiss = Math.log1p(-h);
      for (let p = h >= 1 ? 0 : geometricGap(logMiss, rng); p < listCount; p += h >= 1 ? 1 : 1 + geometricGap(logMiss, rng)) {
        const i = list[p], k = rival[i] - 1;
        if (movedDay[i] === day) continue;
        utilities(i, k + 1, -1);
        const to = chooseLogit(v, K + 2, choose(), scratch);
        if (to < 0 || to === k + 1) continue;
        moveWho[moves] = i;
        moveTo[moves++] = to;
      }
    }
    return moves;
  };

  return {
    begin(day) {
      voices.expire(day);
      for (let k = 0; k < pendingCount; k++) pending[pendingList[k]] = 0; // reviewers kept by a save offer stay
      pendingCount = 0;
    },
    customerEvents: [
      {
        // A review of the firm's customers: a logit over all firms, the firm with inertia and their own experience.
        stream: 'competition.reviews',
        probability: () => cfg.reviewPerDay,
        fire(i) {
          utilities(i, 0, -1);
          const to = chooseLogit(v, K + 2, run.stream('competition.choice')(), scratch);
          if (to <= 0) return;
          pending[i] = to + 1;
          pendingList[pendingCount++] = i;
          run.wouldLeave(i, true);
        },
      },
    ],
    leaving(i) {
      knewFirm[i] = 1;
      let to = pending[i] - 1;
      if (to < 0) {
        utilities(i, -1, 0);
        to = chooseLogit(v, K + 2, run.stream('competition.switch')(), scratch);
      }
      leftList[leftCount] = i;
      leftTo[leftCount++] = to < 0 ? NOBODY : to;
      keepTalking(i);
    },
    serve() {
      // Today's leavers (now churned) become their rival's customers.
      for (let k = 0; k < leftCount; k++) {
        const i = leftList[k], to = leftTo[k];
        pending[i] = 0;
        if (to === NOBODY) continue;
        pop.toRival(i);
        addRival(i, to - 1);
        counts[toRivals]++;
      }
      leftCount = 0;
    },
    adopt(day) {
      const moves = rivalDecisions(day);
      for (let m = 0; m < moves; m++) {
        const i = moveWho[m], to = moveTo[m];
        removeRival(i);
        if (to === 0) {
          run.adopt(i); // joins in phase join (state RIVAL until then)
          counts[fromRivals]++;
        } else if (to === NOBODY) pop.fromRival(i, knewFirm[i] === 1);
        else addRival(i, to - 1);
      }
    },
    joined(i) {
      if (run.day === 0) {
        if (!placed) {
          placeInitial(); // every initial customer is in by the first announcement
          placed = true;
        }
        return;
      }
      knewFirm[i] = 1;
      voices.stop(i); // a defector who comes back speaks as a customer again
    },
    close() {
      // Prospects and churned people joining a rival: at rate Σ acquisition, the rival in proportion to its effort.
      let total = 0;
      for (const r of cfg.rivals) total += r.acquisitionPerDay;
      if (!(total > 0)) return;
      const rng = run.stream('competition.rivalAcquisition');
      const logMiss = Math.log1p(-Math.min(total, 1 - 1e-12));
      for (let i = geometricGap(logMiss, rng); i < n; i += 1 + geometricGap(logMiss, rng)) {
        if (state[i] !== PROSPECT && state[i] !== CHURNED) continue;
        let u = rng() * total, k = 0;
        while (k < K - 1 && u >= cfg.rivals[k].acquisitionPerDay) u -= cfg.rivals[k++].acquisitionPerDay;
        pop.toRival(i);
        addRival(i, k);
        counts[acquired]++;
      }
    },
    stocks: {
      rivalCustomers: () => listCount,
      sectorShare: () => (pop.customerCount + listCount === 0 ? 0 : (100 * pop.customerCount) / (pop.customerCount + listCount)),
      rivalShare1: () => share(0),
      rivalShare2: () => share(1),
      rivalShare3: () => share(2),
      rivalShare4: () => share(3),
      defectorsTalking: () => totals.formerAdvocates + totals.formerWarners,
    },
  };

  function share(k: number): number {
    return k >= K || pop.customerCount + listCount === 0 ? 0 : (100 * rivalCount[k]) / (pop.customerCount + listCount);
  }
}
