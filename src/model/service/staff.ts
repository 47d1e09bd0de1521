/**
 * Front-office employees as typed arrays: skill, culture fit (F10) and engagement. Engagement
 * moves each day a share λ of the way to its target
 *   E* = E₀ + feedbackEngagement·visibility + reward shift + fitEngagement·(fit − 0.5),
 * so staff who see end-customer feedback become more engaged (F15) and the reward scheme
 * shapes motivation (F8).
 */
import { normal } from '../../random/normal.js';
import type { Rng } from '../../random/streams.js';
import type { ServiceConfig } from './serviceConfig.js';

export interface Staff {
  n: number;
  skill: Float64Array;
  fit: Float64Array;
  engagement: Float64Array;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

export function hireStaff(cfg: ServiceConfig, rng: Rng): Staff {
  const n = cfg.employees;
  const s = cfg.staff;
  const staff: Staff = { n, skill: new Float64Array(n), fit: new Float64Array(n), engagement: new Float64Array(n) };
  for (let e = 0; e < n; e++) {
    staff.skill[e] = clamp01(s.skillMean + s.skillSd * normal(rng));
    staff.fit[e] = clamp01(s.fitMean + s.fitSd * normal(rng));
    staff.engagement[e] = s.engagementInitial;
  }
  return staff;
}

/** The engagement target of employee e. */
export function engagementTarget(cfg: ServiceConfig, staff: Staff, e: number): number {
  return clamp01(cfg.staff.engagementInitial + cfg.staff.feedbackEngagement * cfg.feedbackVisibility + cfg.reward.engagement + cfg.staff.fitEngagement * (staff.fit[e] - 0.5));
}

/** One day of engagement dynamics; returns the mean engagement. */
export function updateEngagement(cfg: ServiceConfig, staff: Staff): number {
  let sum = 0;
  for (let e = 0; e < staff.n; e++) {
    staff.engagement[e] += cfg.staff.engagementRate * (engagementTarget(cfg, staff, e) - staff.engagement[e]);
    sum += staff.engagement[e];
  }
  return staff.n === 0 ? 0 : sum / staff.n;
}
