/**
 * Random streams and determinism (docs/MODEL.md §14). Exact comparisons, no tolerance:
 * - the same parameters, seed and replication give identical series (every metric, every day)
 *   and totals, also with another run in between;
 * - another seed or another replication gives different series, also when the initial
 *   population is the same (so the daily streams themselves depend on seed and replication);
 * - common random numbers: a strategy that changes only the symbols (more talk, a cost per
 *   episode) leaves the experience draws untouched. On day 1 the customers are the same, so the
 *   episode, problem, complaint and churn counts are identical in any market. In a closed
 *   market (no prospects, no win-back) in which trust does not enter the churn hazard, talk
 *   cannot change who is a customer, so they stay identical every day — while the talk itself
 *   (womPositive) and the symbol cost do change, so the comparison is not vacuous.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult, Series } from '../../src/model/metrics.js';
import { oneSegmentParams, params, run, sumDays } from '../helpers/model.js';

const keys = (s: Series) => Object.keys(s) as (keyof Series)[];
const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
const differing = (a: RunResult, b: RunResult) => keys(a.series).filter((k) => !same(a.series[k], b.series[k]));

const base = params({ market: { size: 3_000, initialCustomers: 500 }, journey: { episodesPerYear: 40, processQuality: 0.95 }, acquisition: { spendPerDay: 200 } });

describe('determinism', () => {
  it('same parameters, seed and replication: identical series and totals', () => {
    const a = run(base, 40, 7, 2);
    run(params(), 5, 99, 0); // another run in between shares no state
    const b = run(base, 40, 7, 2);
    expect(keys(a.series).length).toBeGreaterThan(20);
    for (const k of keys(a.series)) expect(same(a.series[k], b.series[k]), k).toBe(true);
    expect(b.totals).toEqual(a.totals);
  });

  it('another seed or another replication: different runs', () => {
    const a = run(base, 40, 7, 2);
    for (const other of [run(base, 40, 8, 2), run(base, 40, 7, 3)]) {
      const diff = differing(a, other);
      expect(diff).toContain('episodes');
      expect(diff).toContain('customers');
    }
  });

  it('replications differ in their daily draws, not only in their initial population', () => {
    // Everyone a customer, one segment without trait spread, fully mixed: the day-0 population is
    // the same whatever the seed or replication, so any difference comes from the daily streams.
    const identical = oneSegmentParams({
      market: { size: 2_000, initialCustomers: 2_000 },
      journey: { episodesPerYear: 40 },
      customers: { dispositionSd: 0, talkativenessSd: 0, spendSd: 0 },
      wom: { network: { type: 'fullyMixed' } },
    });
    const a = run(identical, 10, 7, 0);
    const b = run(identical, 10, 7, 1);
    const c = run(identical, 10, 8, 0);
    expect(a.series.nps[0]).toBe(b.series.nps[0]);
    expect(a.series.satisfaction[0]).toBe(b.series.satisfaction[0]); // same population …
    // … different days: ≈ 220 episodes a day, so equal 10-day series by chance are negligible.
    for (const other of [b, c]) expect(same(a.series.episodes, other.series.episodes)).toBe(false);
  });
});

describe('common random numbers: changing only the symbols', () => {
  const symbols = { symbols: { conversationValue: 0.3, costPerEpisode: 2 } };
  const experience = ['episodes', 'problems', 'badExperiences', 'complaintsVoiced', 'complaintsHeard', 'resolved'] as const;

  it('open market: day 1 experiences and churn are identical', () => {
    const a = run(base, 20, 4);
    const b = run(params({ ...base, ...symbols }), 20, 4);
    for (const k of [...experience, 'lost', 'retentionContacts'] as const) expect(b.series[k][1], k).toBe(a.series[k][1]);
    expect(b.series.womPositive[1]).toBeGreaterThan(a.series.womPositive[1]);
  });

  it('closed market, trust outside the hazard: identical every day while talk differs', () => {
    const closed = params({
      market: { size: 3_000, initialCustomers: 3_000 },
      journey: { episodesPerYear: 40, processQuality: 0.95 },
      churn: { trustSensitivity: 0 },
      acquisition: { winBackFactor: 0 },
    });
    const a = run(closed, 60, 4);
    const b = run(params({ ...closed, ...symbols }), 60, 4);
    for (const k of [...experience, 'customers', 'lost', 'satisfaction'] as const) expect(same(a.series[k], b.series[k]), k).toBe(true);
    expect(same(a.series.womPositive, b.series.womPositive)).toBe(false);
    expect(same(a.series.symbolCost, b.series.symbolCost)).toBe(false);
    expect(same(a.series.trust, b.series.trust)).toBe(false); // what they heard moved trust, not churn
  });
});

describe('common random numbers: changing what happens inside an episode', () => {
  it('a strategy with other process quality and frustration has episodes on the same days, every day', () => {
    // A closed market where nobody leaves keeps the same customers, so with "who has an episode"
    // drawn from its own stream the daily episode counts are identical for 30 days, whatever the
    // episodes contain. On the shared stream more failures (more draws) shifted later picks, and
    // the counts parted within days.
    const closed = params({
      market: { size: 1_500, initialCustomers: 1_500 },
      journey: { episodesPerYear: 40, processQuality: 0.95 },
      churn: { annualBaseRate: 0 },
      recovery: { silent: { minor: 0, major: 0 }, unresolved: { minor: 0, major: 0 }, resolved: { minor: 0, major: 0 }, resolvedQuickly: { minor: 0, major: 0 } },
    });
    const a = run(closed, 30, 6);
    const b = run(params({ ...closed, journey: { ...closed.journey, processQuality: 0.9, frustrationRate: 0.3 } }), 30, 6);
    expect(sumDays(a.series.lost) + sumDays(b.series.lost)).toBe(0);
    expect(Array.from(b.series.episodes)).toEqual(Array.from(a.series.episodes));
    expect(sumDays(b.series.problems)).toBeGreaterThan(sumDays(a.series.problems));
  });
});
