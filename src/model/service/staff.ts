/**
 * Front-office employees as typed arrays: skill, culture fit (F10), engagement and tenure.
 *
 *   engagement  moves each day a share λ of the way to its target
 *                 E* = E₀ + feedbackEngagement·visibility·(1 + valence·d) + reward shift
 *                      + fitEngagement·(fit − 0.5) − workloadEngagement·clamp((u − 0.85)/0.15, 0, 1),
 *               d the recent mean contact score's shortfall or excess over what customers
 *               expected (relative, clamped to ±1), u yesterday's utilisation: staff who see
 *               end-customer feedback become more engaged (F15), the more so when it is good
 *               (service–profit chain), the reward scheme shapes motivation (F8), and overload wears
 *               people down;
 *   skill       a new hire starts `noviceGap` below its potential and closes the gap as
 *               e^(−tenure/learningDays); the staff the firm starts with are experienced;
 *   turnover    each employee leaves with hazard −ln(1 − turnoverPerYear)/365 ·
 *               exp(−engagementTurnover·(engagement − 0.5)) a day and is replaced at once by a new
 *               hire (hiringCost each, F17): engaged staff stay.
 */
import { normal } from '../../random/normal.js';
import type { Rng } from '../../random/streams.js';
import type { ServiceConfig } from './serviceConfig.js';

export interface Staff {
  n: number;
  skill: Float64Array;
  potential: Float64Array; // the skill an employee reaches with experience
  tenure: Float64Array; // days
  fit: Float64Array;
  engagement: Float64Array;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const EXPERIENCED = 1e6; // days: the starting staff have learnt what they will learn

/** Draws employee e's traits (a new hire when `novice`). */
function draw(cfg: ServiceConfig, staff: Staff, e: number, rng: Rng, novice: boolean): void {
  const s = cfg.staff;
  staff.potential[e] = clamp01(s.skillMean + s.skillSd * normal(rng));
  staff.fit[e] = clamp01(s.fitMean + s.fitSd * normal(rng));
  staff.engagement[e] = s.engagementInitial;
  staff.tenure[e] = novice ? 0 : EXPERIENCED;
  staff.skill[e] = skillAt(cfg, staff.potential[e], staff.tenure[e]);
}

/** Skill of an employee with this potential after `tenure` days. */
export const skillAt = (cfg: ServiceConfig, potential: number, tenure: number): number =>
  clamp01(potential - cfg.staff.noviceGap * Math.exp(-tenure / cfg.staff.learningDays));

export function hireStaff(cfg: ServiceConfig, rng: Rng): Staff {
  const n = cfg.employees;
  const staff: Staff = { n, skill: new Float64Array(n), potential: new Float64Array(n), tenure: new Float64Array(n), fit: new Float64Array(n), engagement: new Float64Array(n) };
  for (let e = 0; e < n; e++) draw(cfg, staff, e, rng, false);
  return staff;
}

/** What the staff felt yesterday: the relative gap of contact scores to expectation, and utilisation. */
export interface Climate {
  feedback: number; // (mean contact score − expected)/expected, clamped to ±1
  utilisation: number; // handle minutes ÷ minutes on duty
}

/** The engagement target of employee e. */
export function engagementTarget(cfg: ServiceConfig, staff: Staff, e: number, climate: Climate = { feedback: 0, utilisation: 0 }): number {
  const s = cfg.staff;
  const overload = Math.min(1, Math.max(0, (climate.utilisation - 0.85) / 0.15));
  return clamp01(
    s.engagementInitial + s.feedbackEngagement * cfg.feedbackVisibility * (1 + s.feedbackValence * climate.feedback) + cfg.reward.engagement +
      s.fitEngagement * (staff.fit[e] - 0.5) - s.workloadEngagement * overload,
  );
}

/** One day of engagement dynamics; returns the mean engagement. */
export function updateEngagement(cfg: ServiceConfig, staff: Staff, climate?: Climate): number {
  let sum = 0;
  for (let e = 0; e < staff.n; e++) {
    staff.engagement[e] += cfg.staff.engagementRate * (engagementTarget(cfg, staff, e, climate) - staff.engagement[e]);
    sum += staff.engagement[e];
  }
  return staff.n === 0 ? 0 : sum / staff.n;
}

/**
 * One day of tenure, learning and turnover; calls `leave(e)` for each employee who leaves
 * (before the replacement is drawn) and returns how many were replaced.
 */
export function staffDay(cfg: ServiceConfig, staff: Staff, rng: Rng, leave: (e: number) => void): number {
  const s = cfg.staff;
  const base = s.turnoverPerYear >= 1 ? Infinity : -Math.log1p(-s.turnoverPerYear) / 365;
  let left = 0;
  for (let e = 0; e < staff.n; e++) {
    staff.tenure[e]++;
    staff.skill[e] = skillAt(cfg, staff.potential[e], staff.tenure[e]);
    if (base > 0 && rng() < -Math.expm1(-base * Math.exp(-s.engagementTurnover * (staff.engagement[e] - 0.5)))) {
      leave(e);
      draw(cfg, staff, e, rng, true);
      left++;
    }
  }
  return left;
}

/** Mean skill of the staff. */
export const meanSkill = (staff: Staff): number => (staff.n === 0 ? 0 : staff.skill.reduce((a, b) => a + b, 0) / staff.n);
