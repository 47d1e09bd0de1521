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
import { CONTACT, EPISODE, EPISODE_PROBLEM, type Mechanism, type Run } from '../mechanism.js';
import { RESOLVED } from '../vocabulary.js';
import { nonneg, prob, score, section } from '../fields.js';
import { CUSTOMER } from '../lifecycle.js';
import type { Csr } from '../network/csr.js';
import { strongTies } from '../network/ties.js';
import type { Population } from '../population.js';
import { perSegment } from './market.js';
import type { Params } from '../params.js';

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
  { key: 'advocates', label: 'Customers who recommend', unit: '% of customers', kind: 'stock', doc: 'Share of customers who actually recommend the firm to their contacts (not all promoters do).' },
  { key: 'warners', label: 'Customers who warn', unit: '% of customers', kind: 'stock', doc: 'Share of customers who warn their contacts against the firm.' },
] as const;

export interface StandingConfig {
  /** Shares who act on their stance (wom.recommend): promoters and passives who recommend, detractors who warn. */
  recommend: { promoters: number; passives: number; detractorsWarn: number };
  customers: { memoryWeight: number; badExperienceThreshold: number; neutralScore: number; dispositionSd: number };
  trust: { initial: number; ltrWeight: number; goodEpisodeGain: number; positiveMessageGain: number; negativeMessageLoss: number };
  /** Trust lost when an episode has a problem: problemLoss, softened by proactive honesty (F16). */
  problemTrustLoss: number;
  /** Trust lost after a bad service contact: problemLoss. */
  badContactTrustLoss: number;
  asExpected: Float64Array; // by segment
  /** recovery.secondFailureDays: a failure this soon after the previous one is not re-judged. */
  secondFailureDays: number;
  /** Tie strength (wom.ties), or null when every tie counts the same. */
  ties: TieWeights | null;
}

/** Rounding is half-up, so L ≥ 9 ⇔ x ≥ 8.5 and L ≤ 6 ⇔ x < 6.5 for the unrounded x, which the hot paths compare. */
export const PROMOTER_FROM = 8.5, DETRACTOR_BELOW = 6.5;

/** The NPS stance of an unrounded likelihood x: promoter (+1), passive (0) or detractor (−1). */
export const stanceFrom = (x: number): number => (x >= PROMOTER_FROM ? 1 : x < DETRACTOR_BELOW ? -1 : 0);

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

/** Influence weights of strong and weak ties (§12), or null when every tie counts the same (both 1). */
export interface TieWeights {
  strong: number;
  weak: number;
}
export function tieWeights(p: Params): TieWeights | null {
  const t = p.wom.ties;
  return t.strongWeight === 1 && t.weakWeight === 1 ? null : { strong: t.strongWeight, weak: t.weakWeight };
}

/**
 * Tie strength on a network (§12): which arcs are strong (CSR-parallel) and, per person, how many
 * of its recommenders and warners sit on strong ties (the rest of advocatesAround/warnersAround
 * are weak). Kept exact as stances change, like the totals.
 */
export interface Ties {
  weights: TieWeights;
  strong: Uint8Array;
  strongAdvocatesAround: Int32Array;
  strongWarnersAround: Int32Array;
}

/** Firm-wide running totals over active customers. */
export interface StandingTotals {
  promoters: number;
  detractors: number;
  /** Customers who recommend the firm, and who warn against it (what they do, not what they say in a survey). */
  advocates: number;
  warners: number;
  /** Former customers who still recommend or warn (defectors, competition.ts; fully mixed signal); 0 without competitors. */
  formerAdvocates: number;
  formerWarners: number;
  sumSatisfaction: number;
  sumTrust: number;
}

/**
 * One run's standing: the columns, the running totals, and every change to a person's
 * satisfaction, trust or status. A class, so the per-person methods are compiled once for
 * every run (the JIT keeps optimised code per function, and a class's methods are shared).
 */
class Standing implements StandingTotals {
  promoters = 0;
  detractors = 0;
  advocates = 0;
  warners = 0;
  formerAdvocates = 0;
  formerWarners = 0;
  sumSatisfaction = 0;
  sumTrust = 0;
  private readonly satisfaction: Float32Array;
  private readonly trust: Float32Array;
  private readonly disposition: Float32Array;
  private readonly stance: Int8Array;
  private readonly voice: Float32Array;
  private readonly advocacy: Int8Array;
  private readonly segment: Uint8Array;
  private readonly advocatesAround: Int32Array;
  private readonly warnersAround: Int32Array;
  private readonly state: Uint8Array;
  private readonly contacts: Csr | null;
  private readonly trust0: number;
  private readonly trust0f: number; // as a float32 column stores it
  private readonly ltrWeight: number;
  readonly ties: Ties | null;

  constructor(
    pop: Population,
    private readonly cfg: StandingConfig,
  ) {
    this.satisfaction = pop.column('satisfaction', 'f32');
    this.trust = pop.column('trust', 'f32');
    this.disposition = pop.column('disposition', 'f32');
    this.stance = pop.column('stance', 'i8');
    this.voice = pop.column('voice', 'f32');
    this.advocacy = pop.column('advocacy', 'i8');
    this.segment = pop.column('segment', 'u8');
    this.advocatesAround = pop.column('advocatesAround', 'i32');
    this.warnersAround = pop.column('warnersAround', 'i32');
    this.state = pop.state;
    this.contacts = pop.contacts;
    this.trust0 = cfg.trust.initial;
    this.trust0f = Math.fround(cfg.trust.initial);
    this.ltrWeight = cfg.trust.ltrWeight;
    this.ties =
      cfg.ties === null || pop.contacts === null
        ? null
        : { weights: cfg.ties, strong: strongTies(pop.contacts), strongAdvocatesAround: new Int32Array(pop.n), strongWarnersAround: new Int32Array(pop.n) };
  }

  private stanceOf(i: number): number {
    const x = ltrScore(this.satisfaction[i], this.trust[i], this.disposition[i], this.ltrWeight, this.trust0);
    return stanceFrom(x);
  }

  /**
   * What i does with its stance: recommend (+1), warn (−1) or keep quiet (0). Saying one would
   * recommend is not recommending (East, Romaniuk & Lomax 2011): with a fixed voice u ~ U(0, 1),
   * a promoter recommends if u < share(promoters), a passive if u < share(passives), a detractor
   * warns if u < share(detractors).
   */
  private advocacyOf(i: number, stance: number): number {
    const u = this.voice[i], r = this.cfg.recommend;
    return stance === 1 ? (u < r.promoters ? 1 : 0) : stance === 0 ? (u < r.passives ? 1 : 0) : u < r.detractorsWarn ? -1 : 0;
  }

  /** The NPS totals learn that i's stance changed; its contacts, that what it says changed. */
  private change(i: number, from: number, to: number, customer: boolean): void {
    if (from === 1) this.promoters--;
    else if (from === -1) this.detractors--;
    if (to === 1) this.promoters++;
    else if (to === -1) this.detractors++;
    const said = this.advocacy[i], says = customer ? this.advocacyOf(i, to) : 0;
    if (says !== said) {
      this.broadcast(i, said, says);
      this.advocacy[i] = says;
    }
  }

  /** The advocacy totals and i's contacts learn that what i says changed from `from` to `to` (fully mixed: the totals are the signal). */
  private broadcast(i: number, from: number, to: number): void {
    if (from === 1) this.advocates--;
    else if (from === -1) this.warners--;
    if (to === 1) this.advocates++;
    else if (to === -1) this.warners++;
    const csr = this.contacts;
    if (csr === null) return;
    const nb = csr.neighbors, start = csr.offsets[i], end = csr.offsets[i + 1];
    const up = this.advocatesAround, down = this.warnersAround;
    if (from === 1) for (let e = start; e < end; e++) up[nb[e]]--;
    else if (from === -1) for (let e = start; e < end; e++) down[nb[e]]--;
    if (to === 1) for (let e = start; e < end; e++) up[nb[e]]++;
    else if (to === -1) for (let e = start; e < end; e++) down[nb[e]]++;
    const ties = this.ties;
    if (ties === null) return;
    const strong = ties.strong, sUp = ties.strongAdvocatesAround, sDown = ties.strongWarnersAround;
    if (from === 1) for (let e = start; e < end; e++) sUp[nb[e]] -= strong[e];
    else if (from === -1) for (let e = start; e < end; e++) sDown[nb[e]] -= strong[e];
    if (to === 1) for (let e = start; e < end; e++) sUp[nb[e]] += strong[e];
    else if (to === -1) for (let e = start; e < end; e++) sDown[nb[e]] += strong[e];
  }

  /** Person i's satisfaction and trust become s and t (only customers count in the totals). */
  set(i: number, s: number, t: number): void {
    const satisfaction = this.satisfaction, trust = this.trust;
    if (this.state[i] !== CUSTOMER) {
      satisfaction[i] = s;
      trust[i] = t;
      return;
    }
    const oldS = satisfaction[i], oldT = trust[i];
    satisfaction[i] = s;
    trust[i] = t;
    // Sums use the stored (float32) values so that what is added is exactly what is later subtracted.
    this.sumSatisfaction += satisfaction[i] - oldS;
    this.sumTrust += trust[i] - oldT;
    const now = this.stanceOf(i);
    if (now !== this.stance[i]) {
      this.change(i, this.stance[i], now, true);
      this.stance[i] = now;
    }
  }

  /** A fresh relationship starts at the segment's as-expected satisfaction and the initial trust. */
  join(i: number): void {
    // The values as stored (float32), without reading them back: a join is on the hot path of a diffusion.
    const s = Math.fround(this.cfg.asExpected[this.segment[i]]), t = this.trust0f;
    this.satisfaction[i] = s;
    this.trust[i] = t;
    this.sumSatisfaction += s;
    this.sumTrust += t;
    const x = ltrScore(s, t, this.disposition[i], this.ltrWeight, this.trust0);
    const stance = stanceFrom(x);
    this.stance[i] = stance;
    this.change(i, 0, stance, true);
  }

  /**
   * The day's new customers (one call a day on the hot path of a diffusion): join() for each,
   * in two tight passes — the columns and totals first, then the neighbours of those who start
   * recommending (the common case) counted up in one loop. Sums are added in list order, as
   * join() one by one would; the counts are integers, so their order does not matter.
   */
  joinAll(list: Int32Array, count: number): void {
    if (this.ties !== null) {
      for (let k = 0; k < count; k++) this.join(list[k]);
      return;
    }
    const { satisfaction, trust, disposition, stance, advocacy, segment } = this;
    const asExpected = this.cfg.asExpected, t = this.trust0f, w = this.ltrWeight, t0 = this.trust0;
    const speakers = this.speakers(count);
    let sumS = this.sumSatisfaction, sumT = this.sumTrust, promoters = 0, detractors = 0, m = 0;
    for (let k = 0; k < count; k++) {
      const i = list[k];
      const s = Math.fround(asExpected[segment[i]]);
      satisfaction[i] = s;
      trust[i] = t;
      sumS += s;
      sumT += t;
      const x = ltrScore(s, t, disposition[i], w, t0);
      const st = stanceFrom(x);
      stance[i] = st;
      if (st === 1) promoters++;
      else if (st === -1) detractors++;
      const says = this.advocacyOf(i, st), said = advocacy[i];
      if (says === said) continue;
      if (said === 0 && says === 1) speakers[m++] = i;
      else this.broadcast(i, said, says);
      advocacy[i] = says;
    }
    this.sumSatisfaction = sumS;
    this.sumTrust = sumT;
    this.promoters += promoters;
    this.detractors += detractors;
    this.advocates += m;
    const csr = this.contacts;
    if (csr === null) return;
    const nb = csr.neighbors, offsets = csr.offsets, up = this.advocatesAround;
    for (let k = 0; k < m; k++) {
      const i = speakers[k];
      for (let e = offsets[i], end = offsets[i + 1]; e < end; e++) up[nb[e]]++;
    }
  }

  private speakerList = new Int32Array(0);
  /** Scratch room for a day's new recommenders (grown as needed). */
  private speakers(count: number): Int32Array {
    if (this.speakerList.length < count) this.speakerList = new Int32Array(Math.max(count, 2 * this.speakerList.length));
    return this.speakerList;
  }

  leave(i: number): void {
    this.sumSatisfaction -= this.satisfaction[i];
    this.sumTrust -= this.trust[i];
    this.change(i, this.stance[i], 0, false);
    this.stance[i] = 0;
  }

  /** Memory S ← S + w·(score − S), w the experience's salience or memoryWeight; trust by the kind of experience (§9). */
  experience(i: number, score: number, kind: number, salience?: number): void {
    const { customers, trust: tr, badContactTrustLoss, problemTrustLoss } = this.cfg;
    const t = this.trust[i];
    const t2 =
      kind === EPISODE ? (score >= customers.neutralScore ? Math.min(1, t + tr.goodEpisodeGain) : t)
      : kind === CONTACT ? (score >= customers.neutralScore ? Math.min(1, t + tr.goodEpisodeGain) : score < customers.badExperienceThreshold ? Math.max(0, t - badContactTrustLoss) : t)
      : Math.max(0, t - problemTrustLoss);
    const s = this.satisfaction[i];
    this.set(i, s + (salience ?? customers.memoryWeight) * (score - s), t2);
  }

  /** Moves satisfaction by `delta` (kept within 0–10), trust unchanged; returns the move made. */
  shift(i: number, delta: number): number {
    const before = this.satisfaction[i];
    const s = before + delta;
    this.set(i, s > 10 ? 10 : s < 0 ? 0 : s, this.trust[i]);
    return this.satisfaction[i] - before;
  }

  /** Commitment: T ← clamp(T + gain·σ⁺ − loss·σ⁻, 0, 1). */
  hear(i: number, positive: number, negative: number): void {
    const t = this.trust[i] + this.cfg.trust.positiveMessageGain * positive - this.cfg.trust.negativeMessageLoss * negative;
    const t2 = t < 0 ? 0 : t > 1 ? 1 : t;
    if (t2 !== this.trust[i]) this.set(i, this.satisfaction[i], t2);
  }
}

const totalsOf = new WeakMap<Run, StandingTotals & { ties: Ties | null }>();
/** The running totals of a run (for mechanisms that weigh advocacy under full mixing). */
export const standingOf = (run: Run): StandingTotals => totalsOf.get(run)!;
/** The run's tie strength, or null when every tie counts the same or there is no network. */
export const tiesOf = (run: Run): Ties | null => totalsOf.get(run)!.ties;

export const standing: Mechanism<typeof sections, StandingConfig, (typeof metrics)[number]['key']> = {
  name: 'standing',
  doc: 'Satisfaction memory, trust, likelihood to recommend, NPS and advocacy stance (§4, §9, §10).',
  sections,
  columns: { satisfaction: 'f32', trust: 'f32', disposition: 'f32', failWeight: 'f32', rejudged: 'f32', failDay: 'i32', stance: 'i8', voice: 'f32', advocacy: 'i8', advocatesAround: { kind: 'i32', network: true }, warnersAround: { kind: 'i32', network: true } },
  metrics,
  compile(p) {
    const honest = p.service.honesty === 'proactive';
    return {
      customers: p.customers,
      trust: p.trust,
      recommend: p.wom.recommend,
      problemTrustLoss: p.trust.problemLoss * (honest ? p.service.experience.honestTrustFactor : 1),
      badContactTrustLoss: p.trust.problemLoss,
      asExpected: perSegment(p, (s) => s.asExpectedScore),
      secondFailureDays: p.recovery.secondFailureDays,
      ties: tieWeights(p),
    };
  },
  setup(run, cfg) {
    const { pop } = run;
    const disposition = pop.column('disposition', 'f32');
    const draws = run.stream('traits.disposition');
    if (cfg.customers.dispositionSd > 0) for (let i = 0; i < pop.n; i++) disposition[i] = cfg.customers.dispositionSd * normal(draws);
    const voice = pop.column('voice', 'f32'), voices = run.stream('traits.voice');
    for (let i = 0; i < pop.n; i++) voice[i] = voices();
    const st = new Standing(pop, cfg);
    totalsOf.set(run, st);
    // Re-judging an encounter (§6). failWeight: the weight in memory now of the customer's last
    // failed episode (0: none, already re-judged, or a second failure); rejudged: what its
    // re-judgement added, at its weight now (withdrawn if a second failure follows).
    const segment = pop.column('segment', 'u8');
    const failWeight = pop.column('failWeight', 'f32'), rejudged = pop.column('rejudged', 'f32');
    const failDay = pop.column('failDay', 'i32').fill(-1);
    const { memoryWeight } = cfg.customers;
    const share = (x: number) => (pop.customerCount === 0 ? 0 : (100 * x) / pop.customerCount);
    // A history run's columns (market.initialHistoryDays), looked up once.
    let history: { from: Population; satisfaction: Float32Array; trust: Float32Array } | null = null;
    return {
      joinedAll: (list, count) => st.joinAll(list, count),
      inherit: (i, from, j) => {
        if (history?.from !== from) history = { from, satisfaction: from.column('satisfaction', 'f32'), trust: from.column('trust', 'f32') };
        st.set(i, history.satisfaction[j], history.trust[j]);
      },
      leaving: (i) => {
        st.leave(i);
        // A customer won back starts a new relationship: no open encounter from the last one.
        failWeight[i] = 0;
        rejudged[i] = 0;
        failDay[i] = -1;
      },
      experience: (i, score, kind, salience) => {
        st.experience(i, score, kind, salience);
        // Every memory update weighs what came before by 1 − w, the failed episode and a re-judgement too.
        const keep = 1 - (salience ?? memoryWeight);
        if (failWeight[i] !== 0) failWeight[i] *= keep;
        if (rejudged[i] !== 0) rejudged[i] *= keep;
        if (kind === EPISODE_PROBLEM) {
          const second = failDay[i] >= 0 && run.day - failDay[i] <= cfg.secondFailureDays;
          // A second failure shows the first was no accident: its re-judgement is withdrawn.
          if (second && rejudged[i] !== 0) st.shift(i, -rejudged[i]);
          rejudged[i] = 0;
          failWeight[i] = second ? 0 : 1 - keep;
          failDay[i] = run.day;
        }
      },
      caseEnded: (i, _severity, shortfall, outcome, score) => {
        if (outcome < RESOLVED || shortfall <= 0 || failWeight[i] === 0 || pop.state[i] !== CUSTOMER) return;
        // The failed episode counts as the recovery: S += weight·(R − s_fail), s_fail = E·(1 − shortfall); only upwards.
        const sFail = cfg.asExpected[segment[i]] * (1 - shortfall);
        if (score > sFail) rejudged[i] = st.shift(i, failWeight[i] * (score - sFail));
        failWeight[i] = 0;
      },
      heard: (i, positive, negative) => st.hear(i, positive, negative),
      stocks: {
        satisfaction: () => (pop.customerCount === 0 ? 0 : st.sumSatisfaction / pop.customerCount),
        trust: () => (pop.customerCount === 0 ? 0 : st.sumTrust / pop.customerCount),
        promoters: () => share(st.promoters),
        passives: () => share(pop.customerCount - st.promoters - st.detractors),
        detractors: () => share(st.detractors),
        nps: () => nps(st.promoters, st.detractors, pop.customerCount),
        advocates: () => share(st.advocates),
        warners: () => share(st.warners),
      },
    };
  },
};
