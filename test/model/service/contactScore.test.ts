/**
 * A contact is scored against what the customer expected, with an effort cost (docs/MODEL.md §19;
 * Dixon, Freeman & Toman 2010): a solved routine matter meets the expectation E and no more; what
 * falls short and what costs effort (waiting, earlier contacts) scores below it; only warmth and
 * delight lift a contact above E. Waiting weighs 0.8 of not being helped (F5).
 *
 * Then, end to end: under satisfaction-based rewards more service requests per customer no longer
 * raise NPS (they did when a solved question scored 1.2·E: 0.5 → 2 requests a year gave NPS 9.2 →
 * 16.5). Six replications on common random numbers; the paired difference must not be positive
 * beyond 4.4 standard errors (one-sided 5·10⁻⁶).
 */
import { describe, expect, it } from 'vitest';
import { contactScore, type ContactFeel } from '../../../src/model/service/handling.js';
import { compileService } from '../../../src/model/service/serviceConfig.js';
import { params, run } from '../../helpers/model.js';

const svc = compileService(params({ service: { model: 'contactCentre', rewardScheme: 'satisfaction', style: 'process' } }));
const routine: ContactFeel = { asExpected: 7.5, result: 'solved', waitMinutes: 0, toleranceMinutes: 3, earlierContacts: 0, pitched: false, delighted: false, fit: 0, served: true };

describe('contact score against expectation and effort', () => {
  it('a solved routine matter without waiting meets the expectation, no more', () => {
    expect(contactScore(svc, routine)).toBeCloseTo(7.5, 12);
  });

  it('effort costs: waiting beyond tolerance, earlier contacts', () => {
    expect(contactScore(svc, { ...routine, waitMinutes: 30 })).toBeLessThan(7.5);
    expect(contactScore(svc, { ...routine, earlierContacts: 2 })).toBeCloseTo(7.5 * 0.81, 12);
  });

  it('waiting weighs 0.8 of not being helped (F5): the longest wait costs 0.8 × what not solving costs', () => {
    const x = svc.experience;
    const endless = contactScore(svc, { ...routine, waitMinutes: 1e9 });
    const unsolved = contactScore(svc, { ...routine, result: 'unsolved' });
    expect((7.5 - endless) / (7.5 - unsolved)).toBeCloseTo(x.waitWeight, 9);
    expect(x.waitWeight).toBe(0.8);
  });

  it('only warmth and delight lift a contact above what was expected', () => {
    const personal = compileService(params({ service: { model: 'contactCentre', rewardScheme: 'satisfaction', style: 'personal' } }));
    expect(contactScore(personal, { ...routine, fit: 1 })).toBeGreaterThan(7.5);
    expect(contactScore(svc, { ...routine, delighted: true })).toBeGreaterThan(7.5);
  });
});

describe('more service requests do not raise NPS', () => {
  it('0.5 → 2 requests per customer a year under satisfaction-based rewards: NPS does not rise', () => {
    const R = 6, days = 365;
    const nps = (questions: number) =>
      Array.from({ length: R }, (_, rep) =>
        run(params({ market: { size: 10_000, initialCustomers: 2_500 }, acquisition: { spendPerDay: 500 }, service: { model: 'contactCentre', rewardScheme: 'satisfaction', questionsPerCustomerPerYear: questions } }), days, 2, rep).series.nps[days],
      );
    const few = nps(0.5), many = nps(2);
    const d = many.map((x, k) => x - few[k]);
    const mean = d.reduce((a, b) => a + b, 0) / R;
    const se = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1) / R);
    expect(mean, `NPS change ${mean.toFixed(1)} ± ${se.toFixed(1)}`).toBeLessThanOrEqual(4.4 * se);
  });
});
