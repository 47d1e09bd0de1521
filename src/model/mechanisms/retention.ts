/**
 * Retention as a campaign (§8, F1). Every `everyDays` days the firm spends its budget on
 * contacting customers with a retention offer, at `costPerContact` each, whether the offer works
 * or not. It picks them by what it can observe — a risk score from recent complaints, recent
 * service contacts and short tenure (or at random) — among customers it has not contacted
 * within `recontactDays`. For `offerDays` the offer changes the customer's experience-driven
 * churn only (moving house is not an experience): the everyday hazard's experience share is
 * multiplied by 1 − u, and a quit over a problem falling due while the offer acts goes through
 * with probability 1 − u (the offer talks the customer out of it with u), with u drawn per customer:
 *   u ~ N(upliftMean, upliftSd) clipped to [0, 1], or, with probability backfireShare,
 *   u = −backfireIncrease (the offer reminds a customer to leave: Ascarza, Iyengar & Schleicher
 *   2016 saw churn rise from 6.4% to 10.0%, +56%, among customers contacted proactively).
 * The save desk is the other way to keep customers: of the customers who decide to leave over an
 * experience (not those who move house), a share `saves.callShare` calls to cancel; each gets an
 * offer at `saves.costPerOffer` and stays with probability `saves.successRate`.
 *
 * Whether either pays is an outcome: the model's own counterfactual — each treated customer's
 * probability of leaving with and without the offer, day by day; a saved caller would have left
 * — gives the customers kept, and so the realised cost per customer kept, to set against
 * marketing's cost per customer won (F1 says 6–7×: here it comes out of the model, it does not
 * go in).
 */
import { z } from 'zod';
import { nonneg, posint, prob, section } from '../fields.js';
import { CONTACT, type Mechanism } from '../mechanism.js';
import { CUSTOMER } from '../lifecycle.js';
import { addChurnFactor, everydayHazard, type HazardFactor } from './churn.js';
import { addQuitFactor } from './recovery.js';
import { normal } from '../../random/normal.js';

const sections = {
  retention: section(
    {
      budgetPerDay: nonneg(0, 'Retention campaign budget per day (money): customers contacted with an offer.'),
      costPerContact: nonneg(30, 'Cost of contacting one customer with an offer, paid whether it works or not (money; default ≈ a month\'s margin as a discount plus the contact). Assumed.'),
      targeting: z.enum(['risk', 'random']).default('risk').describe('Whom the campaign contacts: the highest observable risk scores first, or customers at random. Default risk.'),
      everyDays: posint(30, 'Days between campaign waves (each spends the budget of its days).'),
      recontactDays: nonneg(180, 'A customer contacted is not contacted again for this many days.'),
      offerDays: posint(90, 'Days an offer acts on the customer\'s churn.'),
      upliftMean: prob(0.3, 'Mean share of the experience-driven churn an offer removes while it acts. Assumed; uplift varies and is not aligned with risk (Ascarza 2018).'),
      upliftSd: nonneg(0.2, 'Standard deviation of the uplift across customers (clipped to 0–1).'),
      backfireShare: prob(0.15, 'Share of contacted customers for whom the offer backfires (a reminder to leave). Assumed.'),
      backfireIncrease: nonneg(0.56, 'How much a backfiring offer raises experience-driven churn: Ascarza, Iyengar & Schleicher 2016, 6.4% → 10.0% (+56%).'),
      riskWindowDays: posint(90, 'The risk score counts complaints and service contacts of this many recent days.'),
      saves: section(
        {
          callShare: prob(0, 'Share of customers leaving over an experience who call to cancel and get a save offer; 0 = no save desk. TARP: most dissatisfied customers leave without a word.'),
          successRate: prob(0.3, 'Probability a save offer keeps the caller. Assumed.'),
          costPerOffer: nonneg(30, 'Cost of a save offer, paid whether it keeps the caller or not (money). Assumed.'),
        },
        'The save desk: offers to customers who call to cancel.',
      ),
      riskPoints: section(
        {
          complaint: z.number().int().min(0).default(3).describe('Risk points for a complaint in the window. Default 3.'),
          contact: z.number().int().min(0).default(1).describe('Risk points for a service contact in the window. Default 1.'),
          newCustomer: z.number().int().min(0).default(1).describe('Risk points for a customer in the first year (new customers leave more). Default 1.'),
        },
        'The firm\'s observable risk score (it does not see satisfaction or trust).',
      ),
    },
    'Retention campaigns: offers to customers picked by an observable risk score, paid per contact, with uncertain and possibly negative uplift (F1 as an outcome).',
  ),
};

const metrics = [
  { key: 'retentionContacts', label: 'Customers contacted for retention', unit: 'customers/day', kind: 'flow', doc: 'Customers who received a retention offer from a campaign.' },
  { key: 'saveOffers', label: 'Save offers', unit: 'offers/day', kind: 'flow', doc: 'Offers made to customers who called to cancel.' },
  { key: 'retentionCost', label: 'Retention spend', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Cost of the campaign offers and save offers made.' },
  { key: 'retentionKept', label: 'Customers kept by retention (model)', unit: 'customers/day', kind: 'flow', doc: 'Customers kept: for campaign offers Σ P(leave without the offer) − P(leave with it) over treated customers (negative when offers backfire), plus the callers a save offer kept.' },
  { key: 'costPerCustomerKept', label: 'Cost per customer kept', unit: 'money/customer', kind: 'ratio', doc: 'Retention spend ÷ customers kept (F1).', ratio: { num: 'retentionCost', den: 'retentionKept', scale: 1 } },
] as const;

export interface RetentionConfig {
  budgetPerDay: number;
  costPerContact: number;
  byRisk: boolean;
  everyDays: number;
  recontactDays: number;
  offerDays: number;
  upliftMean: number;
  upliftSd: number;
  backfireShare: number;
  backfireIncrease: number;
  riskWindowDays: number;
  riskPoints: { complaint: number; contact: number; newCustomer: number };
  saves: { callShare: number; successRate: number; costPerOffer: number };
}

const LONG_AGO = -0x3fffffff;

export const retention: Mechanism<typeof sections, RetentionConfig, (typeof metrics)[number]['key']> = {
  name: 'retention',
  doc: 'Retention campaigns by observable risk, paid per contact, uplift uncertain and possibly negative; customers kept and cost per customer kept as outcomes (§8, F1).',
  sections,
  columns: { offerUntil: 'i32', uplift: 'f32', lastOffer: 'i32', lastComplaint: 'i32', lastContact: 'i32', joinDay: 'i32' },
  metrics,
  compile(p) {
    const r = p.retention;
    return { ...r, byRisk: r.targeting === 'risk' };
  },
  setup(run, cfg) {
    const [contacted, cost, kept, offers] = ['retentionContacts', 'retentionCost', 'retentionKept', 'saveOffers'].map((k) => run.counter(k));
    const counts = run.counts;
    const saves = cfg.saves;
    /** The save desk: experience-driven leavers who call get an offer; a share stays. */
    const keep = (list: Int32Array, experience: Uint8Array, count: number): number => {
      const rng = run.stream('saves');
      let left = 0;
      for (let k = 0; k < count; k++) {
        if (experience[k] === 1 && rng() < saves.callShare) {
          counts[offers]++;
          counts[cost] += saves.costPerOffer;
          if (rng() < saves.successRate) {
            counts[kept]++;
            continue;
          }
        }
        list[left] = list[k];
        experience[left++] = experience[k];
      }
      return left;
    };
    const desk = saves.callShare > 0 ? { keep } : {};
    if (cfg.budgetPerDay <= 0 || cfg.costPerContact <= 0) return desk;
    const { pop } = run;
    const offerUntil = pop.column('offerUntil', 'i32'), uplift = pop.column('uplift', 'f32');
    const lastOffer = pop.column('lastOffer', 'i32').fill(LONG_AGO), lastComplaint = pop.column('lastComplaint', 'i32').fill(LONG_AGO);
    const lastContact = pop.column('lastContact', 'i32').fill(LONG_AGO), joinDay = pop.column('joinDay', 'i32');
    const active = (i: number) => offerUntil[i] >= run.day && pop.state[i] === CUSTOMER;
    // The offer acts on the experience-driven share of the everyday hazard and on quits over problems.
    const everyday: HazardFactor = { max: cfg.backfireShare > 0 ? 1 + cfg.backfireIncrease : 1, at: (i, share) => (offerUntil[i] >= run.day ? 1 - uplift[i] * share : 1) };
    addChurnFactor(run, everyday);
    addQuitFactor(run, {
      at: (i) => (offerUntil[i] >= run.day ? 1 - uplift[i] : 1),
      applied: (_i, without, withIt) => { counts[kept] += without - withIt; }, // expected: the model's counterfactual
    });
    const treated: number[] = []; // customers whose offer may still act
    let carry = 0; // budget not yet spent on a whole contact

    /** The customers to contact in a wave: the k highest scores (random among equals), or k at random. */
    function pick(k: number): Int32Array {
      const rng = run.stream('retentionTargeting');
      const list = pop.customers, n = pop.customerCount, day = run.day, w = cfg.riskWindowDays, pts = cfg.riskPoints;
      const eligible = new Int32Array(n), key = new Float64Array(n);
      let m = 0;
      for (let c = 0; c < n; c++) {
        const i = list[c];
        if (day - lastOffer[i] < cfg.recontactDays) continue;
        const score = cfg.byRisk
          ? (day - lastComplaint[i] <= w ? pts.complaint : 0) + (day - lastContact[i] <= w ? pts.contact : 0) + (day - joinDay[i] < 365 ? pts.newCustomer : 0)
          : 0;
        eligible[m] = i;
        key[m++] = score + rng(); // points are whole numbers: the uniform only breaks ties, at random
      }
      if (k >= m) return eligible.subarray(0, m);
      const sorted = key.slice(0, m).sort();
      const threshold = sorted[m - k];
      const chosen = new Int32Array(k);
      let c = 0;
      for (let e = 0; e < m && c < k; e++) if (key[e] >= threshold) chosen[c++] = eligible[e];
      return chosen.subarray(0, c);
    }

    return {
      ...desk,
      joined(i) {
        joinDay[i] = run.day === 0 ? LONG_AGO : run.day; // the initial customers are not new
      },
      complaint(i) {
        lastComplaint[i] = run.day;
      },
      leaving(i) {
        offerUntil[i] = 0; // an offer ends with the relationship
      },
      experience(i, _score, kind) {
        if (kind === CONTACT) lastContact[i] = run.day;
      },
      begin(day) {
        if ((day - 1) % cfg.everyDays !== 0) return;
        carry += cfg.budgetPerDay * cfg.everyDays;
        const chosen = pick(Math.floor(carry / cfg.costPerContact));
        const rng = run.stream('retentionUplift');
        for (const i of chosen) {
          const backfire = rng() < cfg.backfireShare;
          const u = backfire ? -cfg.backfireIncrease : cfg.upliftMean + cfg.upliftSd * normal(rng);
          uplift[i] = backfire ? u : u < 0 ? 0 : u > 1 ? 1 : u;
          offerUntil[i] = day + cfg.offerDays - 1;
          lastOffer[i] = day;
          treated.push(i);
        }
        carry -= chosen.length * cfg.costPerContact;
        counts[contacted] += chosen.length;
        counts[cost] += chosen.length * cfg.costPerContact;
      },
      due() {
        // The model's counterfactual: each treated customer's P(leave today) without and with the offer.
        let live = 0;
        for (let k = 0; k < treated.length; k++) {
          const i = treated[k];
          if (!active(i)) continue;
          treated[live++] = i;
          const withOffer = everydayHazard(run, i), without = everydayHazard(run, i, everyday);
          counts[kept] += Math.exp(-withOffer) - Math.exp(-without);
        }
        treated.length = live;
      },
    };
  },
};
