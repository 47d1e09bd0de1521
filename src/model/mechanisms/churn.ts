/**
 * Everyday churn (§7): a customer's hazard per day is
 *   H = h₀·c_seg · exp(β·(E − S) + γ·(T₀ − T)) · Π_f F_f(i),   P(leave today) = 1 − e^(−H),
 * with S satisfaction, E the segment's as-expected score, T trust, and F_f the proportional
 * factors other mechanisms add with `addChurnFactor` (the price premium, a loyalty
 * programme…). The quit decision over a problem is recovery.ts's.
 *
 * Drawn by thinning: every customer is a candidate with the bound q̄ = 1 − e^(−H̄), H̄ the
 * largest hazard any customer can have (S = 0, T = 0, every factor at its maximum), picked by
 * skipping; a candidate leaves with probability (1 − e^(−H))/q̄. Each customer thus leaves
 * with probability exactly 1 − e^(−H), and only a share q̄ of the customers is looked at.
 */
import { DAYS_PER_YEAR, nonneg, prob, section } from '../fields.js';
import type { Mechanism, Run } from '../mechanism.js';
import { perSegment } from './market.js';

const sections = {
  churn: section(
    {
      annualBaseRate: prob(0.1, 'Share of customers leaving per year for reasons unrelated to experience (moves, needs).'),
      satisfactionSensitivity: nonneg(0.35, 'β: hazard × exp(β·(as-expected score − S)), per satisfaction point below expectation.'),
      trustSensitivity: nonneg(2, 'γ: hazard × exp(γ·(initial trust − T)).'),
    },
    'Churn hazard: base × satisfaction × trust × other factors (price premium, …); the quit decision over a problem is in `recovery`.',
  ),
};

export interface ChurnConfig {
  satisfactionSensitivity: number;
  trustSensitivity: number;
  trust0: number;
  /** h₀·c_seg per day, by segment. */
  baseHazard: Float64Array;
  asExpected: Float64Array;
}

/**
 * A proportional factor on the everyday churn hazard, with its largest value (for the bound).
 * `at` also gets the share of i's hazard that its experience drives, 1 − e^(−x) for
 * x = β·(E − S) + γ·(T₀ − T) > 0 (0 when i is as happy as expected or happier), for factors that
 * act on experience-driven churn only.
 */
export interface HazardFactor {
  max: number;
  at(i: number, experienceShare: number): number;
}

/** Hazard rate whose survival over `days` days is 1 − probability. */
export const hazardFor = (probability: number, days: number) => (probability >= 1 ? Infinity : -Math.log1p(-probability) / days);

/** The experience-driven hazard h₀·exp(β·(E − S) + γ·(T₀ − T)). */
export function experienceHazard(base: number, asExpected: number, s: number, t: number, beta: number, gamma: number, trust0: number): number {
  return base * Math.exp(beta * (asExpected - s) + gamma * (trust0 - t));
}

const factorsOf = new WeakMap<Run, HazardFactor[]>();
const hazards = new WeakMap<Run, (i: number, without?: HazardFactor) => number>();

/** Customer i's everyday hazard in a run, with every factor or without one of them (for counterfactuals). */
export const everydayHazard = (run: Run, i: number, without?: HazardFactor): number => hazards.get(run)!(i, without);

/** Adds a proportional factor to the everyday churn hazard of a run (call it in setup). */
export function addChurnFactor(run: Run, factor: HazardFactor): void {
  const list = factorsOf.get(run);
  if (list === undefined) factorsOf.set(run, [factor]);
  else list.push(factor);
}

export const churn: Mechanism<typeof sections, ChurnConfig, never> = {
  name: 'churn',
  doc: 'Everyday churn hazard from satisfaction and trust, with proportional factors from other mechanisms (§7).',
  sections,
  compile(p) {
    const base = hazardFor(p.churn.annualBaseRate, DAYS_PER_YEAR);
    return {
      satisfactionSensitivity: p.churn.satisfactionSensitivity,
      trustSensitivity: p.churn.trustSensitivity,
      trust0: p.trust.initial,
      baseHazard: perSegment(p, (s) => base * s.churnMultiplier),
      asExpected: perSegment(p, (s) => s.asExpectedScore),
    };
  },
  setup(run, cfg) {
    const { pop } = run;
    const segment = pop.column('segment', 'u8'), satisfaction = pop.column('satisfaction', 'f32'), trust = pop.column('trust', 'f32');
    const { satisfactionSensitivity: beta, trustSensitivity: gamma, trust0, baseHazard, asExpected } = cfg;
    let factors: HazardFactor[] = [];
    // The largest hazard: S = 0 and T = 0 (both bounded below by 0), every factor at its maximum.
    let bound = 0;
    /** x = β·(E − S) + γ·(T₀ − T): how far i's experience is below what it expected. */
    const excess = (i: number): number => beta * (asExpected[segment[i]] - satisfaction[i]) + gamma * (trust0 - trust[i]);
    /** The share of i's everyday hazard its experience drives: 1 − e^(−x) for x > 0. */
    const experienceShare = (i: number): number => {
      const x = excess(i);
      return x > 0 ? -Math.expm1(-x) : 0;
    };
    const hazard = (i: number, without?: HazardFactor): number => {
      let h = baseHazard[segment[i]] * Math.exp(excess(i));
      if (factors.length > 0) {
        const share = experienceShare(i);
        for (let f = 0; f < factors.length; f++) if (factors[f] !== without) h *= factors[f].at(i, share);
      }
      // ∞·0 (a certain leaver, annualBaseRate 1, whose factor rounds to 0): the limit is still ∞.
      return h === h ? h : Infinity;
    };
    hazards.set(run, hazard); // (read after phase begin, when the factors are in place)
    return {
      begin() {
        factors = factorsOf.get(run) ?? [];
        let worst = 0;
        for (let s = 0; s < baseHazard.length; s++) worst = Math.max(worst, experienceHazard(baseHazard[s], asExpected[s], 0, 0, beta, gamma, trust0));
        for (const f of factors) worst *= f.max;
        bound = -Math.expm1(-worst);
      },
      customerEvents: [
        {
          stream: 'churnCandidates',
          probability: () => bound,
          fire(i) {
            const q = -Math.expm1(-hazard(i));
            if (q > bound * (1 + 1e-12)) throw new Error(`churn: a customer's leaving probability ${q} exceeds the bound ${bound}; a churn factor exceeds its max`);
            const rng = run.stream('churn');
            // Over an experience with probability 1 − e^(−x), the experience-driven share of the hazard.
            if (rng() * bound < q) run.wouldLeave(i, rng() < experienceShare(i));
          },
        },
      ],
    };
  },
};
