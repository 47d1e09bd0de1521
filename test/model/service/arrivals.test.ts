/**
 * Arrival patterns by weekday and hour (service.arrivals). Weekday weights move service
 * requests between days without changing the yearly volume: with all weight on Monday, requests
 * arrive on Mondays only, and their number over the run is Binomial(customer-days, q·7) per
 * Monday (4.4 SD, two-sided 10⁻⁵). Hourly weights set the moment customers want contact: calls
 * placed at 3 a.m. to a line staffed 10–11 h wait for the morning, and customers feel it.
 */
import { describe, expect, it } from 'vitest';
import { periodValue } from '../../../src/model/metrics.js';
import { paramsWith, run, sumDays } from '../../helpers/model.js';

const requestsPerYear = 6;
const base = (arrivals: object, hours: string | object = '24/7') =>
  paramsWith(
    {
      market: { size: 2000, initialCustomers: 2000 },
      wom: { network: { type: 'fullyMixed' } },
      journey: { episodesPerYear: 0 },
      churn: { annualBaseRate: 0 },
      service: { model: 'contactCentre', employees: 20, questionsPerCustomerPerYear: requestsPerYear, arrivals },
    },
    { channels: { phone: { share: 1, hours, synchronous: true, patienceMinutes: 0, toleranceMinutes: 3 } } },
  );

describe('arrival patterns', () => {
  it('weekday weights: all requests on Mondays, the same yearly volume', () => {
    const r = run(base({ weekdays: [1, 0, 0, 0, 0, 0, 0] }), 70);
    const s = r.series;
    for (let d = 1; d <= 70; d++) if ((d - 1) % 7 !== 0) expect(s.contactsArrived[d], `day ${d} is not a Monday`).toBe(0);
    const mondays = 10, q = Math.min(1, (7 * requestsPerYear) / 365);
    const mean = mondays * 2000 * q, sd = Math.sqrt(mondays * 2000 * q * (1 - q));
    expect(Math.abs(sumDays(s.contactsArrived) - mean)).toBeLessThanOrEqual(4.4 * sd);
  });

  it('hourly weights: calls at 3 a.m. to a line open 10–11 h wait for the morning and score lower', () => {
    const line = { open: 10, close: 11, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] };
    const at = (hour: number) => Array.from({ length: 24 }, (_, h) => (h === hour ? 1 : 0));
    const night = run(base({ hourly: at(3) }, line), 60), morning = run(base({ hourly: at(10) }, line), 60);
    const score = (r: ReturnType<typeof run>) => periodValue(r.series, 'contactSatisfaction', 1, r.days);
    expect(sumDays(night.series.contactsAnswered)).toBeGreaterThan(500);
    expect(score(night)).toBeLessThan(score(morning) - 0.2);
  });
});
