/**
 * Callers hang up only while they wait. Contact ids are recycled, so a hang-up timer must not
 * fire on a later contact that reuses the id (that made about half of all hang-ups at long
 * patience). With exponential patience of mean P, a caller who waits w hangs up with probability
 * 1 − e^(−w/P) ≤ w/P, so the expected number of hang-ups is at most (Σ waits)/P; the count is a
 * sum of independent Bernoullis, so it may exceed that by 4.4·√bound (+1) only with probability
 * below 10⁻⁵. The queue runs near 96% load so that recycled ids are often queued when a stale
 * timer would fire.
 */
import { describe, expect, it } from 'vitest';
import { paramsWith, run, sumDays } from '../../helpers/model.js';

const centre = (patienceMinutes: number, employees: number) =>
  paramsWith(
    {
      market: { size: 3000, initialCustomers: 3000 },
      wom: { network: { type: 'fullyMixed' } },
      journey: { episodesPerYear: 0 },
      churn: { annualBaseRate: 0 },
      service: { model: 'contactCentre', employees, questionsPerCustomerPerYear: 90, arrivalFrom: 0, arrivalTo: 24 },
    },
    { channels: { phone: { share: 1, hours: '24/7', synchronous: true, patienceMinutes, handleMinutes: 5 } } },
  );

describe('hang-ups', () => {
  it('no caller hangs up after being served: long patience gives no more hang-ups than the waits allow', () => {
    // 3000 customers × 90/365 ≈ 740 calls a day ≈ 0.51 a minute; 2 employees at ≈ 3.8 minutes: load ≈ 96%.
    const patience = 2000;
    const r = run(centre(patience, 2), 40);
    const bound = sumDays(r.series.waitMinutesTotal) / patience;
    expect(sumDays(r.series.contactsAnswered)).toBeGreaterThan(20000);
    expect(bound).toBeGreaterThan(1); // the queue is busy: the check has something to catch
    expect(sumDays(r.series.contactsAbandoned)).toBeLessThanOrEqual(bound + 4.4 * Math.sqrt(bound) + 1);
  });

  it('impatient callers in an understaffed centre do hang up, and every contact is accounted for', () => {
    const r = run(centre(1, 1), 20);
    const s = r.series;
    expect(sumDays(s.contactsAbandoned)).toBeGreaterThan(100);
    expect(sumDays(s.contactsArrived)).toBe(sumDays(s.contactsAnswered) + sumDays(s.contactsAbandoned) + s.contactsWaiting[20]);
  });
});
