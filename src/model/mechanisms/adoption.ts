/**
 * Adoption: the Bass mechanism on a network (§12). A prospect adopts today with
 *   h = p + q_a·(a⁺ − ν·a⁻) + q_m·(σ⁺ − ν·σ⁻),  clamped to [0, 1],
 * a± the shares of its contacts who are promoters/detractors (advocacy, standing.ts), σ± the
 * shares who told it about a good/bad experience today (messages, wom.ts); fully mixed, the
 * shares are taken over the whole population. p is the external influence marketing buys
 * (p = p₀ + spend/(cost per customer · M)), q_a the Bass imitation coefficient, q_m the pull of
 * a message. Churned people adopt again with winBackFactor·h. Every decision uses the word of
 * mouth of the start of the phase: adoptions take effect in phase join (synchronous update).
 *
 * Event-driven: on a network, people who heard messages today are listed (wom.ts) and decided
 * one by one; everyone else's hazard is at most h̄ = p + q_a, so they are drawn by thinning —
 * candidates picked by skipping at rate h̄, accepted with probability h/h̄. Fully mixed, all
 * non-customers share one hazard, drawn by skipping. When h̄ is large against the share of
 * non-customers (the bass benchmark), each person gets one uniform instead.
 */
import { z } from 'zod';
import { forEachHit } from '../../random/bernoulli.js';
import { nonneg, prob, section } from '../fields.js';
import { CHURNED, CUSTOMER, PROSPECT } from '../lifecycle.js';
import type { Mechanism } from '../mechanism.js';
import { standingOf } from './standing.js';
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
] as const;

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
    const promotersAround = pop.column('promotersAround', 'i32'), detractorsAround = pop.column('detractorsAround', 'i32');
    const totals = standingOf(run), said = womOf(run);
    const { posHeard, negHeard, heardList } = said;
    const [marketing, byWom, wonBack, spend] = ['acquiredMarketing', 'acquiredWom', 'wonBack', 'acquisitionCost'].map((k) => run.counter(k));
    const acquired = run.counter('acquired');
    const counts = run.counts;
    const winBack = cfg.winBackFactor;
    let rng = run.stream('adoption');

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
      const h = adoptionHazard(cfg, totals.promoters / n, totals.detractors / n, said.mixedPositive / norm, said.mixedNegative / norm);
      forEachHit(h, n, rng, (i) => {
        const st = state[i];
        if (st === PROSPECT || (st === CHURNED && rng() < winBack)) adopt(i, st === PROSPECT ? h : h * winBack);
      }, (n - pop.customerCount) / n);
    }

    /** Network: the advocacy-only hazard of person i (not a customer). */
    const advocacyHazard = (i: number, degree: number) => {
      const a = promotersAround[i], d = detractorsAround[i];
      const h = a === 0 && d === 0 ? cfg.p : adoptionHazard(cfg, a / degree, d / degree, 0, 0);
      return state[i] === CHURNED ? h * winBack : h;
    };

    function network(): void {
      const { offsets } = contacts!;
      const anyHeard = said.heardCount > 0;
      const bound = adoptionHazard(cfg, 1, 0, 0, 0);
      const nonCustomers = (n - pop.customerCount) / n;
      if (bound * 2 > nonCustomers) {
        // Dense: one uniform per non-customer.
        for (let i = 0; i < n; i++) {
          if (state[i] === CUSTOMER || (anyHeard && (posHeard[i] !== 0 || negHeard[i] !== 0))) continue;
          const h = advocacyHazard(i, offsets[i + 1] - offsets[i]);
          if (h > 0 && rng() < h) adopt(i, h);
        }
      } else {
        forEachHit(bound, n, rng, (i) => {
          if (state[i] === CUSTOMER || (anyHeard && (posHeard[i] !== 0 || negHeard[i] !== 0))) return;
          const h = advocacyHazard(i, offsets[i + 1] - offsets[i]);
          if (rng() * bound < h) adopt(i, h);
        }, nonCustomers);
      }
      // People who heard messages today weigh them too.
      for (let k = 0; k < said.heardCount; k++) {
        const i = heardList[k];
        if (state[i] === CUSTOMER) continue;
        const degree = offsets[i + 1] - offsets[i];
        const h = adoptionHazard(cfg, promotersAround[i] / degree, detractorsAround[i] / degree, posHeard[i] / degree, negHeard[i] / degree) * (state[i] === CHURNED ? winBack : 1);
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
