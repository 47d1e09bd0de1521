/**
 * Word of mouth, episodic part (§11): after an experience a customer may talk, and the messages
 * land on contacts in the social network (CSR) or, fully mixed, on the population as a mean
 * field. (The persistent part, advocacy by promoters and detractors, is standing.ts's stance.)
 *
 *   P(talk) = τᵢ · (base + positive·g⁺ + CV)   for a score s ≥ neutral n, g⁺ = (s − n)/(10 − n)
 *   P(talk) = τᵢ · (base + negative·g⁻)        for s < n,                g⁻ = (n − s)/n
 *
 * τᵢ talkativeness, CV the conversation value of symbols of extremism (F3, F11). Recipients
 * count what they heard and are listed, so the day's later passes visit only them: prospects
 * weigh the messages when deciding to buy (adoption.ts), customers' trust moves (phase hear).
 */
import { z } from 'zod';
import { normal } from '../../random/normal.js';
import { nonneg, prob, section } from '../fields.js';
import { CUSTOMER } from '../lifecycle.js';
import type { Mechanism, Run } from '../mechanism.js';
import { perSegment } from './market.js';
import { tieWeights, tiesOf } from './standing.js';

const fanout = (def: number, doc: string) =>
  z
    .union([z.number().int().min(1), z.literal('all')])
    .default(def)
    .describe(`${doc} A whole number, or "all" for every contact. Default ${def}.`);

const sections = {
  wom: section(
    {
      network: section(
        {
          type: z
            .enum(['wattsStrogatz', 'barabasiAlbert', 'fullyMixed'])
            .default('wattsStrogatz')
            .describe('Social network: small world, scale free, or fully mixed (mean field). Default wattsStrogatz.'),
          meanDegree: z.number().int().min(2).default(10).describe('Mean number of contacts (even for the graph types). Default 10.'),
          rewiring: prob(0.1, 'Watts–Strogatz rewiring probability β.'),
        },
        'The social network WOM travels on.',
      ),
      talkBase: prob(0.01, 'Probability of talking after an unremarkable episode (before talkativeness).'),
      talkPositive: nonneg(0.15, 'Added talk probability per unit of positive strength (score above neutral, scaled to 0–1).'),
      talkNegative: nonneg(0.15, 'Added talk probability per unit of negative strength (score below neutral, scaled to 0–1), the same slope as talkPositive: TARP\'s asymmetry (a bad experience told to about twice as many people) is in the fanouts; a steeper slope would count it twice (MODEL.md §11).'),
      fanoutPositive: fanout(2, 'Contacts told about a good experience.'),
      fanoutNegative: fanout(4, 'Contacts told about a bad experience (TARP: about twice as many as for a good one).'),
      advocacyInfluence: prob(0.00104, 'Bass q per day: adoption probability of a prospect whose every contact recommends the firm (warners count −negativeWeight). Default 0.38 a year (Sultan, Farley & Lehmann 1990, mean q of 213 diffusion studies) ÷ 365.'),
      messageInfluence: prob(0.3, 'Adoption probability of a prospect whose every contact told it about a good experience today.'),
      negativeWeight: nonneg(1, 'Weight of a detractor or negative message against a promoter or positive message in a prospect\'s adoption signal.'),
      recommend: section(
        {
          promoters: prob(0.5, 'Share of promoters (9–10) who actually recommend the firm to their contacts.'),
          passives: prob(0.15, 'Share of passives (7–8) who recommend it all the same.'),
          detractorsWarn: prob(0.3, 'Share of detractors (0–6) who warn their contacts against it.'),
        },
        'Saying one would recommend is not recommending (East, Romaniuk & Lomax 2011; Keiningham et al. 2007): who acts on their stance. A customer\'s fixed voice u ~ U(0, 1) decides: it recommends if u is below its category\'s share. Assumed in the direction of the studies.',
      ),
      ties: section(
        {
          strongWeight: nonneg(1, 'Influence of a strong tie (the two share a contact: within a personal network) relative to today\'s per-contact influence: β_strong = strongWeight·q/degree for advocacy, strongWeight·messageInfluence/degree for a message.'),
          weakWeight: nonneg(1, 'Influence of a weak tie (no shared contact: a bridge across personal networks) relative to the same: β_weak = weakWeight·q/degree. Goldenberg, Libai & Muller (2001) set β_weak below β_strong and still found weak ties at least as important for the speed of diffusion.'),
        },
        'Tie strength (Goldenberg, Libai & Muller 2001): strong ties within a personal network, weak ties across. Both weights 1 (default): every tie counts the same, as without tie strength. Needs a network (not fullyMixed).',
      ),
    },
    'Word of mouth: promoters and detractors advocate to their contacts all the time; after strong experiences customers talk (messages).',
  ),
};

const metrics = [
  { key: 'womPositive', label: 'Positive WOM messages', unit: 'messages/day', kind: 'flow', doc: 'Positive messages sent.' },
  { key: 'womNegative', label: 'Negative WOM messages', unit: 'messages/day', kind: 'flow', doc: 'Negative messages sent.' },
  { key: 'womReach', label: 'WOM reach', unit: 'people/day', kind: 'flow', doc: 'Non-customers (prospects and churned) who heard at least one message (network); expected number under full mixing.' },
] as const;

/** Fanout value meaning "every contact". */
export const ALL = -1;

export interface WomConfig {
  talkBase: number;
  talkPositive: number;
  talkNegative: number;
  /** symbols.conversationValue (F11). */
  conversationValue: number;
  neutralScore: number;
  fanoutPositive: number; // ALL or a count
  fanoutNegative: number;
  meanDegree: number;
  talkativeness: Float64Array; // segment means
  talkativenessSd: number;
}

/** What was said today, for the passes that read it. */
export interface WomState {
  /** Network: messages each person heard today, and the people who heard any, in order of first hearing. */
  posHeard: Int32Array;
  negHeard: Int32Array;
  heardList: Int32Array;
  heardCount: number;
  /** With tie strength (§12): of those, messages that came over strong ties (empty without). */
  posHeardStrong: Int32Array;
  negHeardStrong: Int32Array;
  /** Fully mixed: messages sent today, and the nominal contacts per person they spread over. */
  mixedPositive: number;
  mixedNegative: number;
  meanDegree: number;
}

const states = new WeakMap<Run, WomState>();
export const womOf = (run: Run): WomState => states.get(run)!;

/** Probability that a customer with talkativeness τ talks about an experience scored `score`. */
export function talkProbability(cfg: WomConfig, talkativeness: number, score: number): number {
  const n = cfg.neutralScore;
  const raw =
    score >= n
      ? cfg.talkBase + cfg.talkPositive * (n < 10 ? (score - n) / (10 - n) : 0) + cfg.conversationValue
      : cfg.talkBase + cfg.talkNegative * ((n - score) / n);
  return talkativeness * raw;
}

/** Expected share of people reached by M messages spread uniformly over N people: 1 − e^(−M/N). */
export const mixedReachShare = (messages: number, n: number) => -Math.expm1(-messages / n);

export const wom: Mechanism<typeof sections, WomConfig, (typeof metrics)[number]['key']> = {
  name: 'wom',
  doc: 'Word of mouth after experiences, more after bad ones, on a social network or fully mixed (§11, F3, F11).',
  sections,
  columns: { talkativeness: 'f32', posHeard: { kind: 'i32', network: true }, negHeard: { kind: 'i32', network: true } },
  metrics,
  check(p, issue) {
    const net = p.wom.network;
    if (tieWeights(p) !== null && net.type === 'fullyMixed') issue(['wom', 'ties'], 'tie strength needs a network (wattsStrogatz or barabasiAlbert): a fully mixed population has no personal networks; set strongWeight and weakWeight to 1 or choose a network');
    if (net.type === 'fullyMixed') return;
    if (net.meanDegree % 2 !== 0) issue(['wom', 'network', 'meanDegree'], `meanDegree must be even for ${net.type} (k/2 links per side or per new node), got ${net.meanDegree}`);
    if (net.meanDegree >= p.market.size - 1) issue(['wom', 'network', 'meanDegree'], `meanDegree (${net.meanDegree}) must be below market.size − 1 (${p.market.size - 1}) for a ${net.type} graph`);
  },
  compile(p) {
    const w = p.wom;
    const fan = (f: number | 'all') => (f === 'all' ? ALL : f);
    return {
      talkBase: w.talkBase,
      talkPositive: w.talkPositive,
      talkNegative: w.talkNegative,
      conversationValue: p.symbols.conversationValue,
      neutralScore: p.customers.neutralScore,
      fanoutPositive: fan(w.fanoutPositive),
      fanoutNegative: fan(w.fanoutNegative),
      meanDegree: w.network.meanDegree,
      talkativeness: perSegment(p, (s) => s.talkativeness),
      talkativenessSd: p.customers.talkativenessSd,
    };
  },
  setup(run, cfg) {
    const { pop, contacts } = run;
    const n = pop.n;
    const talkativeness = pop.column('talkativeness', 'f32'), segment = pop.column('segment', 'u8');
    const ties = tiesOf(run);
    const state: WomState = {
      posHeard: pop.column('posHeard', 'i32'), negHeard: pop.column('negHeard', 'i32'),
      heardList: new Int32Array(contacts === null ? 0 : n), heardCount: 0,
      posHeardStrong: new Int32Array(ties === null ? 0 : n), negHeardStrong: new Int32Array(ties === null ? 0 : n),
      mixedPositive: 0, mixedNegative: 0, meanDegree: cfg.meanDegree,
    };
    states.set(run, state);
    const { posHeard, negHeard, heardList } = state;
    // Log-normal talkativeness with the segment's mean: τ_seg·exp(σZ − σ²/2) (stream `traits.talkativeness`).
    const sigma = cfg.talkativenessSd, draws = run.stream('traits.talkativeness');
    for (let i = 0; i < n; i++) talkativeness[i] = cfg.talkativeness[segment[i]] * (sigma > 0 ? Math.exp(sigma * normal(draws) - (sigma * sigma) / 2) : 1);

    const [sentPositive, sentNegative, reach] = ['womPositive', 'womNegative', 'womReach'].map((k) => run.counter(k));
    const counts = run.counts;

    const tell = (j: number, heard: Int32Array) => {
      if (posHeard[j] === 0 && negHeard[j] === 0) heardList[state.heardCount++] = j;
      heard[j]++;
    };
    /** Over arc e: with tie strength, a strong tie's message is also counted as such. */
    const strong = ties?.strong;
    const tellOver = (e: number, j: number, positive: boolean) => {
      tell(j, positive ? posHeard : negHeard);
      if (strong !== undefined && strong[e] === 1) (positive ? state.posHeardStrong : state.negHeardStrong)[j]++;
    };

    return {
      story(i, score) {
        const pTalk = talkProbability(cfg, talkativeness[i], score);
        if (pTalk <= 0) return;
        const rng = run.stream('wom');
        if (pTalk < 1 && rng() >= pTalk) return;
        const positive = score >= cfg.neutralScore;
        const fanout = positive ? cfg.fanoutPositive : cfg.fanoutNegative;
        let sent: number;
        if (contacts === null) {
          sent = fanout === ALL ? cfg.meanDegree : fanout;
          if (positive) state.mixedPositive += sent;
          else state.mixedNegative += sent;
        } else {
          const heard = positive ? posHeard : negHeard;
          const nb = contacts.neighbors;
          const start = contacts.offsets[i], end = contacts.offsets[i + 1];
          const degree = end - start;
          if (ties !== null) {
            if (fanout === ALL || fanout >= degree) for (let e = start; e < end; e++) tellOver(e, nb[e], positive);
            else for (let e = start, left = degree, needed = fanout; needed > 0; e++, left--) if (rng() * left < needed) { tellOver(e, nb[e], positive); needed--; }
            sent = fanout === ALL || fanout >= degree ? degree : fanout;
          } else if (fanout === ALL || fanout >= degree) {
            for (let e = start; e < end; e++) tell(nb[e], heard);
            sent = degree;
          } else {
            // Selection sampling (Knuth's algorithm S): `fanout` distinct contacts, each equally likely.
            let needed = fanout;
            for (let e = start, left = degree; needed > 0; e++, left--) {
              if (rng() * left < needed) { tell(nb[e], heard); needed--; }
            }
            sent = fanout;
          }
        }
        counts[positive ? sentPositive : sentNegative] += sent;
      },
      hear() {
        if (contacts === null) {
          const messages = state.mixedPositive + state.mixedNegative;
          if (messages > 0) {
            const norm = n * cfg.meanDegree;
            const pos = state.mixedPositive / norm, neg = state.mixedNegative / norm;
            const list = pop.customers;
            for (let k = 0, m = pop.customerCount; k < m; k++) run.emit.heard(list[k], pos, neg);
            counts[reach] += (n - pop.customerCount) * mixedReachShare(messages, n);
          }
          state.mixedPositive = 0;
          state.mixedNegative = 0;
          return;
        }
        const offsets = contacts.offsets;
        let reached = 0;
        for (let k = 0; k < state.heardCount; k++) {
          const j = heardList[k];
          if (pop.state[j] === CUSTOMER) {
            const degree = offsets[j + 1] - offsets[j];
            if (ties === null) run.emit.heard(j, posHeard[j] / degree, negHeard[j] / degree);
            else {
              const { strong: ws, weak: ww } = ties.weights;
              run.emit.heard(j, (ww * posHeard[j] + (ws - ww) * state.posHeardStrong[j]) / degree, (ww * negHeard[j] + (ws - ww) * state.negHeardStrong[j]) / degree);
            }
          } else reached++;
          posHeard[j] = 0;
          negHeard[j] = 0;
          if (ties !== null) {
            state.posHeardStrong[j] = 0;
            state.negHeardStrong[j] = 0;
          }
        }
        state.heardCount = 0;
        counts[reach] += reached;
      },
    };
  },
};
