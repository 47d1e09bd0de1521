/**
 * Service recovery and the quit decision after a problem (§6). A problem that ends with
 * outcome o (silent, unresolved, resolved, resolved quickly) and severity class c (minor;
 * major = money lost or mistreatment) makes the customer leave over it with probability
 *   q = κ · q_TARP(o, c) · min(1, b / b_full),
 * graded in how far the episode fell below expectation (b = (E − s)/E; TARP's figures hold in
 * full from b_full on, and shrink in proportion below it: no threshold, no cliff), and
 * discounted from TARP's stated intentions to behaviour by κ (Mittal & Kamakura 2001). The
 * customer then carries an extra churn hazard
 *   J_k = ΔJ·δᵏ on the k-th day of exposure,  ΔJ = −ln(1 − q)·(1 − δ),  δ = 2^(−1/halfLife),
 * whose total Σₖ J_k = −ln(1 − q): the incident alone makes the customer leave with probability
 * exactly q. Exposure starts the same day when the incident happens before the day's churn
 * decisions (a silent problem in an episode), the next day otherwise (a case the desk ends
 * later in the day).
 *
 * Event-driven: instead of decaying J for everyone every day, the day the incident's hazard
 * would make the customer leave is drawn once, when it happens — with E ~ Exp(1), never if
 * E ≥ −ln(1 − q), else on the first day k with ΔJ·(1 − δ^(k+1))/(1 − δ) ≥ E — and kept as the
 * customer's quit day (the earliest of its incidents': independent hazards add, so the first
 * event wins). Leaving clears it, so a customer who is won back starts without one.
 */
import { z } from 'zod';
import { EventHeap } from '../eventHeap.js';
import { nonneg, prob, score, section } from '../fields.js';
import { CUSTOMER } from '../lifecycle.js';
import type { Mechanism, Run } from '../mechanism.js';
import { MAJOR_SEVERITY } from '../vocabulary.js';

const quitTable = (minor: number, major: number, what: string) =>
  section(
    {
      minor: prob(minor, `Probability of leaving after a bad minor problem that ${what}.`),
      major: prob(major, `Probability of leaving after a bad major problem (money lost or mistreatment) that ${what}.`),
    },
    `Quit probability after a bad experience that ${what} (TARP repurchase figures, see MODEL.md).`,
  );

const sections = {
  recovery: section(
    {
      silent: quitTable(0.63, 0.91, 'the customer did not complain about'),
      unresolved: quitTable(0.54, 0.81, 'was complained about and not resolved'),
      resolved: quitTable(0.3, 0.46, 'was resolved'),
      resolvedQuickly: quitTable(0.05, 0.18, 'was resolved quickly'),
      halfLifeDays: nonneg(7, 'Half-life of the extra churn hazard after a bad experience, in days.'),
      fullShortfall: z.number().min(0.01).max(1).default(0.4).describe('Shortfall below expectation, (E − episode score)/E, from which the quit figures apply in full; a smaller shortfall scales them down in proportion (no threshold). Default 0.4: one minor failure in a default episode. Assumed.'),
      intentionRealisation: prob(0.5, 'Share of TARP\'s stated quit intentions that become behaviour (intentions overstate behaviour: Mittal & Kamakura 2001; plausible range 0.3–0.8). Assumed.'),
      resolvedScore: score(7, 'Score of the recovery episode when a complaint is resolved.'),
      resolvedQuicklyScore: score(8.5, 'Score of the recovery episode when resolved quickly (simple desk); re-judged into the failed encounter, it lifts satisfaction above the no-failure level = service-recovery paradox (satisfaction only, MODEL.md §6).'),
      unresolvedScore: score(2, 'Score of the episode when a complaint is not resolved.'),
      secondFailureDays: nonneg(180, 'A failure within this many days of the previous one is a second failure: its recovery is not re-judged into the encounter (Maxham & Netemeyer 2002: the paradox disappears after a second failure). Assumed.'),
      storyRecoveryWeight: prob(0.5, 'A resolved case is told as one encounter: its story scores (1 − this)·failed episode + this·recovery. 0.5: failure and fix weigh alike, so recovered customers tell no more good stories than customers without a failure (de Matos et al. 2007: no paradox in word of mouth). Assumed.'),
    },
    'Service recovery: quit probabilities by outcome and severity (TARP), and the recovery episode.',
  ),
};

export interface RecoveryConfig {
  /** Quit probability by outcome·2 + major at full shortfall: κ·q_TARP (after proactive honesty, F16). */
  quitProbability: Float64Array;
  /** The hazard increment ΔJ of the same entries, and its daily decay δ (MODEL.md §6). */
  jumpIncrement: Float64Array;
  jumpDecay: number;
  fullShortfall: number;
}

const NEVER = 0x7fffffff;

/**
 * A factor on a quit decision on the day it falls due (e.g. while a retention offer runs): the
 * customer goes through with it with probability min(1, Π factors) — talked out of it with the
 * rest. (A factor above 1 changes nothing here: it cannot create a decision that was not taken.)
 */
export interface QuitFactor {
  at(i: number): number;
  /** Told what the factors did to a due decision: the probability of leaving without and with them. */
  applied?(i: number, without: number, withIt: number): void;
}

const quitFactorsOf = new WeakMap<Run, QuitFactor[]>();

/** Adds a factor on the quit probability over problems (call it in setup). */
export function addQuitFactor(run: Run, factor: QuitFactor): void {
  const list = quitFactorsOf.get(run);
  if (list === undefined) quitFactorsOf.set(run, [factor]);
  else list.push(factor);
}

/** The exposure day k (0-based) on which a hazard ΔJ·δᵏ with total H = −ln(1 − q) reaches E, or −1 if it never does. */
export function quitDelay(total: number, decay: number, e: number): number {
  if (!(e < total)) return -1;
  if (decay === 0) return 0;
  // First k with 1 − δ^(k+1) ≥ E/H: δ^(k+1) ≤ 1 − E/H.
  const k = Math.ceil(Math.log1p(-e / total) / Math.log(decay)) - 1;
  return k > 0 ? k : 0;
}

export const recovery: Mechanism<typeof sections, RecoveryConfig, never> = {
  name: 'recovery',
  doc: 'How a problem ends decides whether the customer leaves over it: TARP quit probabilities by outcome and severity, decaying hazard (§6, F4, F16).',
  sections,
  columns: { quitDay: 'i32' },
  compile(p) {
    const r = p.recovery;
    const decay = r.halfLifeDays > 0 ? Math.pow(0.5, 1 / r.halfLifeDays) : 0;
    // Proactive honesty about failures keeps part of the trust and brings customers back (F16).
    const factor = r.intentionRealisation * (p.service.honesty === 'proactive' ? p.service.experience.honestQuitFactor : 1);
    const q = Float64Array.from([r.silent, r.unresolved, r.resolved, r.resolvedQuickly].flatMap((o) => [o.minor * factor, o.major * factor]));
    return { quitProbability: q, jumpIncrement: q.map((x) => -Math.log1p(-x) * (1 - decay)), jumpDecay: decay, fullShortfall: r.fullShortfall };
  },
  setup(run, cfg) {
    const { pop } = run;
    const quitDay = pop.column('quitDay', 'i32').fill(NEVER);
    const due = new EventHeap();
    let checked = false; // today's quits already decided: new incidents count from tomorrow
    const clear = (i: number) => { quitDay[i] = NEVER; };
    return {
      begin() {
        checked = false;
      },
      caseEnded(i, severity, shortfall, outcome) {
        if (shortfall <= 0 || pop.state[i] !== CUSTOMER) return;
        const q = cfg.quitProbability[outcome * 2 + (severity >= MAJOR_SEVERITY ? 1 : 0)] * Math.min(1, shortfall / cfg.fullShortfall);
        if (q <= 0) return;
        const k = quitDelay(-Math.log1p(-q), cfg.jumpDecay, -Math.log(1 - run.stream('recovery')()));
        if (k < 0) return;
        const day = run.day + (checked ? 1 : 0) + k;
        if (day < quitDay[i]) {
          quitDay[i] = day;
          due.push(day, i);
        }
      },
      due(day) {
        checked = true;
        const factors = quitFactorsOf.get(run) ?? [];
        while (due.peekTime() <= day) {
          const d = due.peekTime(), i = due.peekId();
          due.pop();
          if (quitDay[i] !== d || pop.state[i] !== CUSTOMER) continue;
          let go = 1;
          for (const f of factors) go *= f.at(i);
          if (go < 1) {
            for (const f of factors) f.applied?.(i, 1, go);
            if (run.stream('recoveryOffers')() >= go) continue;
          }
          run.wouldLeave(i, true);
        }
      },
      leaving: clear,
    };
  },
};
