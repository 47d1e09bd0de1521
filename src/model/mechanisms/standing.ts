/**
 * A customer's standing: satisfaction memory S, trust T, and what follows from them — the
 * likelihood to recommend L and the stance (promoter +1, detractor −1, passive 0, §10) with
 * which the customer advocates to their contacts (§11), and the firm-wide running totals
 * behind NPS and mean satisfaction. Every change to S, T or status goes through this module,
 * so the totals and the contacts' advocacy counts are exact at all times without a daily sweep.
 * Sums of float32 values kept in float64 are exact at these magnitudes (24-bit values, sums
 * far below 2^53 ulps), so adding and subtracting never drifts.
 *
 *   memory   S ← S + w·(score − S) after every experience (§4)
 *   trust    + gain after a good episode or contact, − loss after a problem or a bad contact,
 *            + gain⁺·σ⁺ − loss⁻·σ⁻ after hearing word of mouth (§9)
 *   L        round(S + w_T·(T − T₀) + u), clamped to 0…10; promoters 9–10, detractors 0–6
 */
import { normal } from '../../random/normal.js';
import { CONTACT, EPISODE, type Mechanism, type Run } from '../mechanism.js';
import { nonneg, prob, score, section } from '../fields.js';
import { CUSTOMER } from '../lifecycle.js';
import type { Csr } from '../network/csr.js';
import { perSegment } from './market.js';

const sections = {
  customers: section(
    {
      memoryWeight: prob(0.3, 'Weight w of a new episode in satisfaction memory: S ← (1 − w)·S + w·episode score.'),
      badExperienceThreshold: score(5, 'An episode scoring below this is a bad experience (F4).'),
      neutralScore: score(7, 'Episode score that is neither worth praising nor complaining about; WOM valence and strength are measured from it.'),
      dispositionSd: nonneg(1.2, 'Std. dev. of each customer\'s fixed disposition added to likelihood-to-recommend.'),
      talkativenessSd: nonneg(0.5, 'Log-normal sigma of individual talkativeness around the segment mean.'),
      spendSd: nonneg(0.4, 'Log-normal sigma of individual margin around the segment mean.'),
    },
    'Customer memory, likelihood to recommend and heterogeneity.',
  ),
  trust: section(
    {
      initial: prob(0.5, 'Trust of a new customer (0–1).'),
      ltrWeight: nonneg(2, 'Points of likelihood-to-recommend per unit of trust above the initial level.'),
      goodEpisodeGain: prob(0.01, 'Trust gained after an episode at or above the neutral score.'),
      problemLoss: prob(0.05, 'Trust lost when a step fails.'),
      positiveMessageGain: prob(0.02, 'Trust gained per unit of positive WOM signal a customer hears (commitment).'),
      negativeMessageLoss: prob(0.04, 'Trust lost per unit of negative WOM signal a customer hears.'),
    },
    'Trust: built by good episodes and positive word of mouth, lost through problems and negative word of mouth.',
  ),
};

const metrics = [
  { key: 'satisfaction', label: 'Mean satisfaction', unit: '0–10', kind: 'stock', doc: 'Mean satisfaction memory S of active customers.' },
  { key: 'trust', label: 'Mean trust', unit: '0–1', kind: 'stock', doc: 'Mean trust of active customers.' },
  { key: 'promoters', label: 'Promoters', unit: '% of customers', kind: 'stock', doc: 'Share of customers scoring 9–10 on likelihood to recommend.' },
  { key: 'passives', label: 'Passives', unit: '% of customers', kind: 'stock', doc: 'Share scoring 7–8.' },
  { key: 'detractors', label: 'Detractors', unit: '% of customers', kind: 'stock', doc: 'Share scoring 0–6.' },
  { key: 'nps', label: 'Net Promoter Score', unit: 'points', kind: 'stock', doc: '% promoters − % detractors, −100…100.' },
] as const;

export interface StandingConfig {
  customers: { memoryWeight: number; badExperienceThreshold: number; neutralScore: number; dispositionSd: number };
  trust: { initial: number; ltrWeight: number; goodEpisodeGain: number; positiveMessageGain: number; negativeMessageLoss: number };
  /** Trust lost when an episode has a problem: problemLoss, softened by proactive honesty (F16). */
  problemTrustLoss: number;
  /** Trust lost after a bad service contact: problemLoss. */
  badContactTrustLoss: number;
  asExpected: Float64Array; // by segment
}

/** Rounding is half-up, so L ≥ 9 ⇔ x ≥ 8.5 and L ≤ 6 ⇔ x < 6.5 for the unrounded x, which the hot paths compare. */
export const PROMOTER_FROM = 8.5, DETRACTOR_BELOW = 6.5;

/** Likelihood to recommend before rounding, x = S + w_T·(T − T₀) + disposition. */
export function ltrScore(s: number, t: number, disposition: number, trustWeight: number, trust0: number): number {
  return s + trustWeight * (t - trust0) + disposition;
}

/** Likelihood to recommend (0–10) as a customer would answer, from x. */
export function ltrAnswer(x: number): number {
  const l = Math.round(x);
  return l < 0 ? 0 : l > 10 ? 10 : l;
}

/** Likelihood to recommend (0–10) of a customer with satisfaction s, trust t and disposition u. */
export function likelihoodToRecommend(cfg: StandingConfig, s: number, t: number, u: number): number {
  return ltrAnswer(ltrScore(s, t, u, cfg.trust.ltrWeight, cfg.trust.initial));
}

/** NPS in points from counts. */
export function nps(promoters: number, detractors: number, answers: number): number {
  return answers === 0 ? 0 : (100 * (promoters - detractors)) / answers;
}

/** Firm-wide running totals over active customers. */
export interface StandingTotals {
  promoters: number;
  detractors: number;
  sumSatisfaction: number;
  sumTrust: number;
}

/** i's contacts learn that i's stance went from `from` to `to` (a module-level loop the JIT compiles once). */
function tellContacts(contacts: Csr, promotersAround: Int32Array, detractorsAround: Int32Array, i: number, from: number, to: number): void {
  const nb = contacts.neighbors, start = contacts.offsets[i], end = contacts.offsets[i + 1];
  if (from === 1) for (let e = start; e < end; e++) promotersAround[nb[e]]--;
  else if (from === -1) for (let e = start; e < end; e++) detractorsAround[nb[e]]--;
  if (to === 1) for (let e = start; e < end; e++) promotersAround[nb[e]]++;
  else if (to === -1) for (let e = start; e < end; e++) detractorsAround[nb[e]]++;
}

const totalsOf = new WeakMap<Run, StandingTotals>();
/** The running totals of a run (for mechanisms that weigh advocacy under full mixing). */
export const standingOf = (run: Run): StandingTotals => totalsOf.get(run)!;

export const standing: Mechanism<typeof sections, StandingConfig, (typeof metrics)[number]['key']> = {
  name: 'standing',
  doc: 'Satisfaction memory, trust, likelihood to recommend, NPS and advocacy stance (§4, §9, §10).',
  sections,
  columns: { satisfaction: 'f32', trust: 'f32', disposition: 'f32', stance: 'i8', promotersAround: { kind: 'i32', network: true }, detractorsAround: { kind: 'i32', network: true } },
  metrics,
  compile(p) {
    const honest = p.service.honesty === 'proactive';
    return {
      customers: p.customers,
      trust: p.trust,
      problemTrustLoss: p.trust.problemLoss * (honest ? p.service.experience.honestTrustFactor : 1),
      badContactTrustLoss: p.trust.problemLoss,
      asExpected: perSegment(p, (s) => s.asExpectedScore),
    };
  },
  setup(run, cfg) {
    const { pop, contacts } = run;
    const satisfaction = pop.column('satisfaction', 'f32'), trust = pop.column('trust', 'f32');
    const disposition = pop.column('disposition', 'f32'), stance = pop.column('stance', 'i8');
    const segment = pop.column('segment', 'u8');
    const promotersAround = pop.column('promotersAround', 'i32'), detractorsAround = pop.column('detractorsAround', 'i32');
    const state = pop.state;
    const totals: StandingTotals = { promoters: 0, detractors: 0, sumSatisfaction: 0, sumTrust: 0 };
    totalsOf.set(run, totals);
    const { memoryWeight, badExperienceThreshold: bad, neutralScore: neutral } = cfg.customers;
    const { initial: trust0, ltrWeight, goodEpisodeGain, positiveMessageGain, negativeMessageLoss } = cfg.trust;

    const draws = run.stream('traits.disposition');
    if (cfg.customers.dispositionSd > 0) for (let i = 0; i < pop.n; i++) disposition[i] = cfg.customers.dispositionSd * normal(draws);

    const stanceOf = (i: number): number => {
      const x = ltrScore(satisfaction[i], trust[i], disposition[i], ltrWeight, trust0);
      return x >= PROMOTER_FROM ? 1 : x < DETRACTOR_BELOW ? -1 : 0;
    };

    /** The totals and i's contacts learn that i's stance changed from `from` to `to`. */
    function broadcast(i: number, from: number, to: number): void {
      if (from === 1) totals.promoters--;
      else if (from === -1) totals.detractors--;
      if (to === 1) totals.promoters++;
      else if (to === -1) totals.detractors++;
      if (contacts !== null) tellContacts(contacts, promotersAround, detractorsAround, i, from, to); // fully mixed: the totals are the signal
    }

    /** Person i's satisfaction and trust become s and t (only customers count in the totals). */
    function set(i: number, s: number, t: number): void {
      if (state[i] !== CUSTOMER) {
        satisfaction[i] = s;
        trust[i] = t;
        return;
      }
      const oldS = satisfaction[i], oldT = trust[i];
      satisfaction[i] = s;
      trust[i] = t;
      // Sums use the stored (float32) values so that what is added is exactly what is later subtracted.
      totals.sumSatisfaction += satisfaction[i] - oldS;
      totals.sumTrust += trust[i] - oldT;
      const now = stanceOf(i);
      if (now !== stance[i]) {
        broadcast(i, stance[i], now);
        stance[i] = now;
      }
    }

    const share = (x: number) => (pop.customerCount === 0 ? 0 : (100 * x) / pop.customerCount);
    return {
      joined(i) {
        // A fresh relationship starts at the segment's as-expected satisfaction and the initial trust.
        satisfaction[i] = cfg.asExpected[segment[i]];
        trust[i] = trust0;
        totals.sumSatisfaction += satisfaction[i];
        totals.sumTrust += trust[i];
        stance[i] = stanceOf(i);
        broadcast(i, 0, stance[i]);
      },
      leaving(i) {
        totals.sumSatisfaction -= satisfaction[i];
        totals.sumTrust -= trust[i];
        broadcast(i, stance[i], 0);
        stance[i] = 0;
      },
      experience(i, score, kind) {
        const t = trust[i];
        const t2 =
          kind === EPISODE ? (score >= neutral ? Math.min(1, t + goodEpisodeGain) : t)
          : kind === CONTACT ? (score >= neutral ? Math.min(1, t + goodEpisodeGain) : score < bad ? Math.max(0, t - cfg.badContactTrustLoss) : t)
          : Math.max(0, t - cfg.problemTrustLoss);
        const s = satisfaction[i];
        set(i, s + memoryWeight * (score - s), t2);
      },
      heard(i, positive, negative) {
        const t = trust[i] + positiveMessageGain * positive - negativeMessageLoss * negative;
        const t2 = t < 0 ? 0 : t > 1 ? 1 : t;
        if (t2 !== trust[i]) set(i, satisfaction[i], t2);
      },
      stocks: {
        satisfaction: () => (pop.customerCount === 0 ? 0 : totals.sumSatisfaction / pop.customerCount),
        trust: () => (pop.customerCount === 0 ? 0 : totals.sumTrust / pop.customerCount),
        promoters: () => share(totals.promoters),
        passives: () => share(pop.customerCount - totals.promoters - totals.detractors),
        detractors: () => share(totals.detractors),
        nps: () => nps(totals.promoters, totals.detractors, pop.customerCount),
      },
    };
  },
};
