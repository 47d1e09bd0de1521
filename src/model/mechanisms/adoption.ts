/**
 * Adoption: the Bass mechanism on a network (§12). A prospect adopts today with
 *   h = p + q_a·(a⁺ − ν·a⁻) + q_m·(σ⁺ − ν·σ⁻),  clamped to [0, 1],
 * a± the shares of its contacts who recommend the firm or warn against it (advocacy, standing.ts), σ± the
 * shares who told it about a good/bad experience today (messages, wom.ts); fully mixed, the
 * shares are taken over the whole population. p is the external influence marketing buys
 * (p = p₀ + spend/(cost per customer · M)), q_a the Bass imitation coefficient, q_m the pull of
 * a message. Churned people adopt again with winBackFactor·h. Every decision uses the word of
 * mouth of the start of the phase: adoptions take effect in phase join (synchronous update).
 *
 * Event-driven: on a network, people who heard messages today are listed (wom.ts) and decided
 * one by one; everyone else's hazard is at most h̄ = p + q_a, so they are drawn by thinning —
 * candidates picked by skipping at rate h̄ (geometric gaps along the person index), accepted
 * with probability h/h̄. Fully mixed, all non-customers share one hazard, drawn by skipping.
 * When the hazard is large against the share of non-customers (the bass benchmark), skipping
 * does not pay and each non-customer gets one uniform instead; both give the same distribution.
 */
import { z } from 'zod';
import { geometricGap } from '../../random/bernoulli.js';
import { nonneg, prob, section } from '../fields.js';
import { CHURNED, CUSTOMER, PROSPECT, RIVAL } from '../lifecycle.js';
import type { Mechanism } from '../mechanism.js';
import { standingOf, tiesOf } from './standing.js';
import { womOf } from './wom.js';

const sections = {
  acquisition: section(
    {
      organicInfluence: prob(0.00002, 'Bass p without marketing: daily probability a prospect adopts on its own.'),
      spendPerDay: nonneg(0, 'Marketing spend per day (money).'),
      costPerCustomer: z.number().positive().default(250).describe('Marketing cost per customer won when the whole market is still prospects; p = organic + spend/(costPerCustomer × market size). Default 250.'),
      winBackFactor: prob(0.2, 'Churned people adopt again with this share of a prospect\'s hazard.'),
    },
    'Acquisition: marketing spend sets the external influence p (Bass).',
  ),
};

const metrics = [
  { key: 'acquired', label: 'Customers acquired', unit: 'customers/day', kind: 'flow', doc: 'Prospects who bought today (marketing + WOM).' },
  { key: 'acquiredMarketing', label: 'Acquired by marketing', unit: 'customers/day', kind: 'flow', doc: 'Adoptions attributed to external influence p.' },
  { key: 'acquiredWom', label: 'Acquired by word of mouth', unit: 'customers/day', kind: 'flow', doc: 'Adoptions attributed to the WOM signal q·σ.' },
  { key: 'wonBack', label: 'Won back', unit: 'customers/day', kind: 'flow', doc: 'Churned people who became customers again.' },
  { key: 'acquisitionCost', label: 'Acquisition spend', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Marketing spend.' },
  { key: 'costPerCustomerWon', label: 'Cost per customer won', unit: 'money/customer', kind: 'ratio', doc: 'Marketing spend ÷ customers acquired by marketing (F1).', ratio: { num: 'acquisitionCost', den: 'acquiredMarketing', scale: 1 } },
] as const;

/**
 * Skipping costs a log and a uniform per hit, about two uniforms' worth (SKIP_COST); thinning
 * adds an acceptance draw and the hazard (THIN_COST). Below these rates against the share of
 * people asked about, skipping is cheaper than a uniform for everyone.
 */
const SKIP_COST = 2, THIN_COST = 4;

export interface AdoptionConfig {
  /** External influence p per day. */
  p: number;
  advocacyInfluence: number;
  messageInfluence: number;
  negativeWeight: number;
  winBackFactor: number;
  spendPerDay: number;
}

/** Adoption hazard of a prospect given advocacy shares a± and message shares σ±. */
export function adoptionHazard(cfg: AdoptionConfig, advPos: number, advNeg: number, msgPos: number, msgNeg: number): number {
  const nu = cfg.negativeWeight;
  const h = cfg.p + cfg.advocacyInfluence * (advPos - nu * advNeg) + cfg.messageInfluence * (msgPos - nu * msgNeg);
  return h < 0 ? 0 : h > 1 ? 1 : h;
}

/** What the advocacy passes read: the population's columns and the day's constants. */
export interface AdvocacyPass {
  /** Who is asked: prospects and churned people in ascending order (Population.adoptable), the first `count`; the dense pass compacts it (out: the new count). */
  list: Int32Array;
  count: number;
  n: number;
  state: Uint8Array;
  advocatesAround: Int32Array;
  warnersAround: Int32Array;
  offsets: Int32Array;
  posHeard: Int32Array;
  negHeard: Int32Array;
  anyHeard: boolean;
  anyDetractors: boolean;
  /** Tie strength (§12): advocacy = w_weak·(all) + (w_strong − w_weak)·(on strong ties); off when every tie counts the same. */
  tied: boolean;
  strongAdvocatesAround: Int32Array;
  strongWarnersAround: Int32Array;
  weakWeight: number;
  strongMinusWeak: number;
  p: number;
  qa: number;
  nu: number;
  winBack: number;
  /** Out: adopters and their hazards. */
  found: Int32Array;
  hazard: Float64Array;
}

/** Lifecycle states as literals: the hot loops below compare against them per person. */
const IS_CUSTOMER = CUSTOMER as 1, IS_CHURNED = CHURNED as 2, IS_RIVAL = RIVAL as 3;

/**
 * The advocacy-only decisions of every non-customer who heard nothing today, one uniform each
 * (those with no advocacy around them by a countdown: see below):
 * h = p + q_a·(a⁺ − ν·a⁻)/degree clamped to [0, 1], × winBack for churned people. Adopters and
 * their hazards go to `found`/`hazard`; returns how many. A module-level loop over typed arrays
 * in locals, branch-free where the branch would be unpredictable: the JIT compiles it once.
 */
export function advocacyDense(a: AdvocacyPass, rng: () => number): number {
  const { list, count: m, state, advocatesAround, warnersAround, offsets, posHeard, negHeard, anyHeard, anyDetractors, p, qa, nu, winBack, found, hazard } = a;
  const { tied, strongAdvocatesAround, strongWarnersAround, weakWeight, strongMinusWeak } = a;
  // People nobody around talks to have h = p: their trials are a Bernoulli(p) run along the list,
  // sampled by a countdown of Geometric(p) gaps instead of a uniform each (who is in the run is
  // fixed by the start of the phase, not by the draws, so the distribution is unchanged).
  const logMiss = Math.log1p(-p);
  const gapAfter = (): number => (p >= 1 ? 0 : p > 0 ? geometricGap(logMiss, rng) : Infinity);
  let gap = gapAfter();
  let count = 0, kept = 0;
  for (let k = 0; k < m; k++) {
    const i = list[k];
    const st = state[i];
    // A competitor's customer switches through competition.ts's choice, not by adopting.
    if (st === IS_CUSTOMER || st === IS_RIVAL) continue;
    list[kept++] = i; // the list, compacted as we go
    if (anyHeard && (posHeard[i] !== 0 || negHeard[i] !== 0)) continue;
    let advocacy = anyDetractors ? advocatesAround[i] - nu * warnersAround[i] : advocatesAround[i];
    if (tied) advocacy = weakWeight * advocacy + strongMinusWeak * (anyDetractors ? strongAdvocatesAround[i] - nu * strongWarnersAround[i] : strongAdvocatesAround[i]);
    if (advocacy === 0) {
      if (gap > 0) {
        gap--;
        continue;
      }
      gap = gapAfter();
      // A churned person's hazard is p·winBack: a hit of the run, accepted with probability winBack.
      if (st === IS_CHURNED && rng() >= winBack) continue;
      found[count] = i;
      hazard[count++] = st === IS_CHURNED ? p * winBack : p;
      continue;
    }
    let h = p + (qa * advocacy) / (offsets[i + 1] - offsets[i]);
    h = h < 0 ? 0 : h > 1 ? 1 : h;
    if (st === IS_CHURNED) h *= winBack;
    if (rng() < h) {
      found[count] = i;
      hazard[count++] = h;
    }
  }
  a.count = kept;
  return count;
}

/** The same decisions by thinning: candidates at rate `bound` by skipping, each accepted with probability h/bound. */
export function advocacyThinned(a: AdvocacyPass, rng: () => number, bound: number): number {
  const { n, state, advocatesAround, warnersAround, offsets, posHeard, negHeard, anyHeard, anyDetractors, p, qa, nu, winBack, found, hazard } = a;
  const { tied, strongAdvocatesAround, strongWarnersAround, weakWeight, strongMinusWeak } = a;
  const logMiss = Math.log1p(-bound);
  let count = 0;
  for (let i = geometricGap(logMiss, rng); i < n; i += 1 + geometricGap(logMiss, rng)) {
    const st = state[i];
    // A competitor's customer switches through competition.ts's choice, not by adopting.
    if (st === IS_CUSTOMER || st === IS_RIVAL || (anyHeard && (posHeard[i] !== 0 || negHeard[i] !== 0))) continue;
    let advocacy = anyDetractors ? advocatesAround[i] - nu * warnersAround[i] : advocatesAround[i];
    if (tied) advocacy = weakWeight * advocacy + strongMinusWeak * (anyDetractors ? strongAdvocatesAround[i] - nu * strongWarnersAround[i] : strongAdvocatesAround[i]);
    // Nobody around (no contacts, or none speaking): h = p, as in the dense pass, not 0/0.
    let h = advocacy === 0 ? p : p + (qa * advocacy) / (offsets[i + 1] - offsets[i]);
    h = h < 0 ? 0 : h > 1 ? 1 : h;
    if (st === IS_CHURNED) h *= winBack;
    if (rng() * bound < h) {
      found[count] = i;
      hazard[count++] = h;
    }
  }
  return count;
}

export const adoption: Mechanism<typeof sections, AdoptionConfig, (typeof metrics)[number]['key']> = {
  name: 'adoption',
  doc: 'Bass adoption from marketing (p), advocacy and messages (q), with win-back of churned people (§12).',
  sections,
  metrics,
  compile(p) {
    return {
      p: Math.min(1, p.acquisition.organicInfluence + p.acquisition.spendPerDay / (p.acquisition.costPerCustomer * p.market.size)),
      advocacyInfluence: p.wom.advocacyInfluence,
      messageInfluence: p.wom.messageInfluence,
      negativeWeight: p.wom.negativeWeight,
      winBackFactor: p.acquisition.winBackFactor,
      spendPerDay: p.acquisition.spendPerDay,
    };
  },
  setup(run, cfg) {
    const { pop, contacts } = run;
    const n = pop.n, state = pop.state;
    const advocatesAround = pop.column('advocatesAround', 'i32'), warnersAround = pop.column('warnersAround', 'i32');
    const totals = standingOf(run), said = womOf(run), ties = tiesOf(run);
    const { posHeard, negHeard, heardList } = said;
    const [marketing, byWom, wonBack, spend] = ['acquiredMarketing', 'acquiredWom', 'wonBack', 'acquisitionCost'].map((k) => run.counter(k));
    const acquired = run.counter('acquired');
    const counts = run.counts;
    const winBack = cfg.winBackFactor;
    let rng = run.stream('adoption'); // today's, set in phase adopt

    /** Person i adopts at hazard h: won back, or a prospect attributed to marketing with probability p/h. */
    const adopt = (i: number, h: number) => {
      if (state[i] === CHURNED) counts[wonBack]++;
      else {
        counts[acquired]++;
        counts[h <= cfg.p || rng() * h < cfg.p ? marketing : byWom]++;
      }
      run.adopt(i);
    };

    /** Fully mixed: one hazard for every prospect (× winBack for churned people). */
    function mixed(): void {
      const norm = n * said.meanDegree;
      // Former customers who keep talking (competition.ts) advocate too; 0 without competitors.
      const h = adoptionHazard(cfg, (totals.advocates + totals.formerAdvocates) / n, (totals.warners + totals.formerWarners) / n, said.mixedPositive / norm, said.mixedNegative / norm);
      if (!(h > 0)) return;
      const hBack = h * winBack;
      if (h >= 1 || h * SKIP_COST > (n - pop.customerCount) / n) {
        const { list, count } = pop.adoptable();
        let kept = 0;
        for (let k = 0; k < count; k++) {
          const i = list[k], st = state[i];
          if (st === CUSTOMER || st === RIVAL) continue;
          list[kept++] = i;
          const hi = st === PROSPECT ? h : hBack;
          if (rng() < hi) adopt(i, hi);
        }
        pop.keepAdoptable(kept);
        return;
      }
      const logMiss = Math.log1p(-h);
      for (let i = geometricGap(logMiss, rng); i < n; i += 1 + geometricGap(logMiss, rng)) {
        const st = state[i];
        if (st === PROSPECT) adopt(i, h);
        else if (st === CHURNED && rng() < winBack) adopt(i, hBack);
      }
    }

    const pass: AdvocacyPass | null =
      contacts === null
        ? null
        : {
            list: new Int32Array(0), count: 0, n, state, advocatesAround, warnersAround, offsets: contacts.offsets, posHeard, negHeard, anyHeard: false, anyDetractors: true,
            tied: ties !== null, strongAdvocatesAround: ties?.strongAdvocatesAround ?? new Int32Array(0), strongWarnersAround: ties?.strongWarnersAround ?? new Int32Array(0),
            weakWeight: ties?.weights.weak ?? 1, strongMinusWeak: ties === null ? 0 : ties.weights.strong - ties.weights.weak,
            p: cfg.p, qa: cfg.advocacyInfluence, nu: cfg.negativeWeight, winBack, found: new Int32Array(n), hazard: new Float64Array(n),
          };

    /** Σ over ties of the tie's weight: w_weak·all + (w_strong − w_weak)·on strong ties. */
    const weighted = (all: number, strong: number) => ties!.weights.weak * all + (ties!.weights.strong - ties!.weights.weak) * strong;

    function network(): void {
      const { offsets } = contacts!;
      const a = pass!;
      a.anyHeard = said.heardCount > 0;
      a.anyDetractors = totals.warners > 0;
      const bound = adoptionHazard(cfg, ties === null ? 1 : Math.max(ties.weights.strong, ties.weights.weak), 0, 0, 0);
      if (bound > 0) {
        const dense = bound >= 1 || bound * THIN_COST > (n - pop.customerCount) / n;
        let found: number;
        if (dense) {
          ({ list: a.list, count: a.count } = pop.adoptable());
          found = advocacyDense(a, rng);
          pop.keepAdoptable(a.count);
        } else found = advocacyThinned(a, rng, bound);
        for (let k = 0; k < found; k++) adopt(a.found[k], a.hazard[k]);
      }
      // People who heard messages today weigh them too.
      for (let k = 0; k < said.heardCount; k++) {
        const i = heardList[k];
        if (state[i] === CUSTOMER || state[i] === RIVAL) continue;
        const degree = offsets[i + 1] - offsets[i];
        const h =
          (ties === null
            ? adoptionHazard(cfg, advocatesAround[i] / degree, warnersAround[i] / degree, posHeard[i] / degree, negHeard[i] / degree)
            : adoptionHazard(cfg, weighted(advocatesAround[i], ties.strongAdvocatesAround[i]) / degree, weighted(warnersAround[i], ties.strongWarnersAround[i]) / degree,
                weighted(posHeard[i], said.posHeardStrong[i]) / degree, weighted(negHeard[i], said.negHeardStrong[i]) / degree)) * (state[i] === CHURNED ? winBack : 1);
        if (h > 0 && rng() < h) adopt(i, h);
      }
    }

    return {
      adopt() {
        rng = run.stream('adoption');
        if (contacts === null) mixed();
        else network();
      },
      close() {
        counts[spend] += cfg.spendPerDay;
      },
      totals(series) {
        let cost = 0, won = 0;
        for (let d = 1; d < series.acquisitionCost.length; d++) {
          cost += series.acquisitionCost[d];
          won += series.acquired[d] + series.wonBack[d];
        }
        return { costPerAcquisition: won > 0 ? cost / won : NaN };
      },
    };
  },
};
