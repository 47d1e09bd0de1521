/**
 * Employees change (docs/MODEL.md §17): they learn, respond to feedback and workload, leave and
 * are replaced.
 *
 * 1. Turnover: at engagement e every employee leaves with p = 1 − exp(−h₀·e^(−k·(e − 0.5))) a
 *    day, h₀ = −ln(1 − turnoverPerYear)/365, and is replaced at once, so over D days the leavers
 *    are Binomial(n·D, p): 4.4 SD. Engaged staff (0.9) leave at e^(−0.8) ≈ 0.45 of that rate.
 * 2. Learning: a new hire's skill after t days is potential − noviceGap·e^(−t/learningDays).
 * 3. Engagement target: overload (utilisation above 85%) lowers it by up to workloadEngagement;
 *    good feedback raises the feedback shift by the valence.
 * 4. End to end: hiring cost = leavers × hiringCost; mean skill drops after hires and recovers.
 */
import { describe, expect, it } from 'vitest';
import { compileService } from '../../../src/model/service/serviceConfig.js';
import { engagementTarget, hireStaff, skillAt, staffDay } from '../../../src/model/service/staff.js';
import { stream } from '../../../src/random/streams.js';
import { params, run, sumDays } from '../../helpers/model.js';

const Z = 4.4;
const svcWith = (staff: Record<string, number>, employees = 200) => compileService(params({ service: { model: 'contactCentre', employees, staff } }));

describe('turnover', () => {
  it.each([
    [0.5, 1],
    [0.9, Math.exp(-2 * 0.4)],
  ] as const)('engagement %s: leavers are Binomial(n·D, p) with the rate × %s', (engagement, factor) => {
    const svc = svcWith({ engagementInitial: engagement, turnoverPerYear: 0.35 });
    const staff = hireStaff(svc, stream(1, 'hire'));
    const days = 365;
    let left = 0;
    for (let d = 1; d <= days; d++) left += staffDay(svc, staff, stream(1, 'turnover', d), () => {});
    const p = -Math.expm1((Math.log(1 - 0.35) / 365) * factor);
    const trials = staff.n * days;
    expect(Math.abs(left - trials * p)).toBeLessThanOrEqual(Z * Math.sqrt(trials * p * (1 - p)));
  });
});

describe('learning and engagement', () => {
  it('a new hire closes its skill gap as e^(−tenure/learningDays)', () => {
    const svc = svcWith({ noviceGap: 0.2, learningDays: 180 });
    for (const t of [0, 30, 180, 720]) expect(skillAt(svc, 0.7, t)).toBeCloseTo(0.7 - 0.2 * Math.exp(-t / 180), 12);
  });

  it('overload lowers the engagement target; good feedback raises it', () => {
    const svc = svcWith({ workloadEngagement: 0.3, feedbackValence: 0.5 });
    const staff = hireStaff(svc, stream(2, 'hire'));
    const calm = engagementTarget(svc, staff, 0, { feedback: 0, utilisation: 0.5 });
    expect(calm - engagementTarget(svc, staff, 0, { feedback: 0, utilisation: 1 })).toBeCloseTo(0.3, 12);
    expect(engagementTarget(svc, staff, 0, { feedback: 0.2, utilisation: 0.5 }) - calm).toBeCloseTo(svc.staff.feedbackEngagement * svc.feedbackVisibility * 0.5 * 0.2, 12);
  });
});

describe('in a run', () => {
  it('every replacement costs hiringCost, and new hires bring the mean skill down', () => {
    const s = run(params({ market: { size: 8_000, initialCustomers: 2_000 }, service: { model: 'contactCentre', employees: 30, staff: { turnoverPerYear: 0.9, hiringCost: 2_500 } } }), 120, 3).series;
    expect(sumDays(s.staffLeft)).toBeGreaterThan(0);
    expect(sumDays(s.hiringCost)).toBe(2_500 * sumDays(s.staffLeft));
    expect(s.meanSkill[120]).toBeLessThan(s.meanSkill[0]); // novices replace experienced staff
  });
});
