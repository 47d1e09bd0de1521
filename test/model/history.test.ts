/**
 * Initial histories (market.initialHistoryDays, docs/MODEL.md §1): the initial customers take over
 * the satisfaction and trust of customers of their segment at the end of a history run of the same
 * model, so day 0 starts where the model settles instead of everyone at the as-expected score.
 *
 * Tolerance. The census NPS of n ≈ 5,000 customers, each a promoter (share P ≈ 0.15), passive or
 * detractor (D ≈ 0.35), has a sampling SD of 100·√((P + D − (P − D)²)/n) ≈ 1.0 point; the day-0
 * NPS (customers drawn from the history's) and a day's NPS a year later are two such figures, so
 * their difference has SD ≈ 1.4 points, and we accept 4.4 SD ≈ 6.2 points (two-sided 1·10⁻⁵).
 * Without a history the NPS falls by about 20 points over the first year (the drift the feature
 * removes), which the same check rejects: the test can fail.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { RunResult } from '../../src/model/metrics.js';
import { deepMerge } from '../../src/scenario/merge.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Params } from '../../src/scenario/schema.js';

const baseline = loadScenario('scenarios/default.yaml').strategies[0].params;
const TOLERANCE = 4.4 * Math.SQRT2 * 1.0;
const DAYS = 365;

const withHistory = (days: number): Params => deepMerge(baseline, { market: { initialHistoryDays: days } }) as Params;
const run = (p: Params, seed = 1): RunResult => simulate({ strategy: 'history', params: p, seed, replication: 0, days: DAYS });
/** NPS at day `d` (census). */
const nps = (r: RunResult, d: number) => r.series.nps[d];

describe('initial histories', () => {
  const fresh = run(withHistory(0));
  const settled = run(withHistory(730));

  it('without a history the NPS drifts from the as-expected start (the artefact)', () => {
    expect(Math.abs(nps(fresh, DAYS) - nps(fresh, 0))).toBeGreaterThan(3 * TOLERANCE);
  });

  it('with two years of history, day 0 is where the model settles: no drift over the year', () => {
    expect(Math.abs(nps(settled, DAYS) - nps(settled, 0)), `NPS ${nps(settled, 0)} → ${nps(settled, DAYS)}`).toBeLessThanOrEqual(TOLERANCE);
    // …and where the run without a history ends up a year later.
    expect(Math.abs(nps(settled, 0) - nps(fresh, DAYS))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('keeps the starting customer base: the history changes who they are, not how many', () => {
    expect(settled.series.customers[0]).toBe(baseline.market.initialCustomers);
    expect(settled.series.satisfaction[0]).toBeLessThan(fresh.series.satisfaction[0]);
  });

  it('is deterministic: same seed, same run', () => {
    const again = run(withHistory(730));
    expect(Array.from(again.series.nps)).toEqual(Array.from(settled.series.nps));
  });
});
