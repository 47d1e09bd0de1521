/**
 * Surveys (docs/MODEL.md §23): NPS as a firm measures it.
 *
 * 1. Coverage. Without response bias, a relationship survey of k answers is a simple random
 *    sample without replacement from the n customers, so its NPS estimates the census NPS of the
 *    same day with standard error 100·√((P + D − (P − D)²)/k)·√((n − k)/(n − 1)) (brief §4, with
 *    the finite-population correction). The 95% interval must cover the census in 95% of
 *    surveys: over K surveys the share covered is within 4.4·√(0.95·0.05/K) of 0.95 (the
 *    normal approximation at k = 200 answers; K = 480).
 * 2. Response bias. When happier customers answer more (tilt > 0), the survey overstates the
 *    census NPS: over the same surveys the mean gap is positive beyond 4.4 standard errors.
 * 3. Transactional. A share s·r of service contacts gets an answer (binomial, 4.4 SD).
 */
import { describe, expect, it } from 'vitest';
import { params, run, sumDays } from '../helpers/model.js';

const Z = 4.4;
const market = { market: { size: 12_000, initialCustomers: 3_000 }, acquisition: { spendPerDay: 300 }, journey: { episodesPerYear: 12, processQuality: 0.97 } };

/** Survey NPS and census NPS on every survey day of `reps` runs. */
function surveys(surveyParams: Record<string, number>, reps: number, days: number) {
  const out: { survey: number; census: number; answers: number; p: number; d: number; n: number }[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const s = run(params({ ...market, survey: surveyParams }), days, 21, rep).series;
    for (let day = 1; day <= days; day++) {
      const k = s.surveyResponses[day];
      if (k === 0) continue;
      out.push({ survey: (100 * s.surveyNetPromoters[day]) / k, census: s.nps[day], answers: k, p: s.promoters[day] / 100, d: s.detractors[day] / 100, n: s.customers[day] });
    }
  }
  return out;
}

describe('relationship survey', () => {
  it('without response bias, its 95% interval covers the census NPS in 95% of surveys', () => {
    const all = surveys({ everyDays: 10, sampleSize: 200, responseRate: 1, responseTilt: 0 }, 12, 400);
    expect(all.length).toBe(480);
    const covered = all.filter((x) => {
      const se = 100 * Math.sqrt((x.p + x.d - (x.p - x.d) ** 2) / x.answers) * Math.sqrt((x.n - x.answers) / (x.n - 1));
      return Math.abs(x.survey - x.census) <= 1.96 * se;
    }).length / all.length;
    expect(Math.abs(covered - 0.95)).toBeLessThanOrEqual(Z * Math.sqrt((0.95 * 0.05) / all.length));
  });

  it('with happier customers answering more, it overstates the census', () => {
    const all = surveys({ everyDays: 10, sampleSize: 400, responseRate: 0.3, responseTilt: 1 }, 4, 400);
    const gaps = all.map((x) => x.survey - x.census);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const se = Math.sqrt(gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / (gaps.length - 1) / gaps.length);
    expect(mean, `gap ${mean.toFixed(1)} ± ${se.toFixed(1)}`).toBeGreaterThan(Z * se);
  });
});

describe('transactional survey', () => {
  it('a share s·r of service contacts is answered', () => {
    const s = run(params({ ...market, service: { model: 'contactCentre' }, survey: { transactionalShare: 0.5, transactionalResponseRate: 0.4 } }), 120, 22).series;
    const contacts = sumDays(s.contactsAnswered) + sumDays(s.contactsAbandoned);
    const answers = sumDays(s.transactionalResponses);
    expect(contacts).toBeGreaterThan(1_000);
    expect(Math.abs(answers / contacts - 0.2)).toBeLessThanOrEqual(Z * Math.sqrt((0.2 * 0.8) / contacts));
  });
});
