/** --precision's engine: replications added until each interval is narrow enough, with a cap. */
import { describe, expect, it } from 'vitest';
import { runJob, scenarioJobs, type Job } from '../../src/experiments/jobs.js';
import type { MetricDef } from '../../src/experiments/objective.js';
import { halfWidths, projectReplications, runToPrecision, type PrecisionUnit } from '../../src/experiments/precision.js';
import { emptySeries, type RunResult } from '../../src/model/metrics.js';
import { SUMMARY_METRIC_BY_KEY } from '../../src/outputs/summaryMetrics.js';
import { normal } from '../../src/random/normal.js';
import { stream } from '../../src/random/streams.js';
import { tCritical } from '../../src/stats/summary.js';
import { fingerprint, tinyScenario } from './helpers.js';

/** A metric read from totals.clv, which the synthetic runs below set. */
const VALUE: MetricDef = { key: 'value', label: 'Value', unit: 'units', extract: (r) => r.totals.clv };

/**
 * Synthetic runs: strategy a = 5·z_r (noise shared by replication r), b = a + 1 + 2·e_r. The paired
 * difference b − a has mean 1 and sd 2, so its 95 % half-width is about 1.96·2/√n.
 */
function synthetic(job: Job): RunResult {
  const shared = 5 * normal(stream(99, 'shared', job.replication));
  const own = job.strategy === 'b' ? 1 + 2 * normal(stream(99, 'own', job.replication)) : 0;
  return { strategy: job.strategy, replication: job.replication, days: 0, series: emptySeries(0), totals: { customerDays: 0, churnEvents: 0, clv: shared + own, cohortValue: 0, costPerAcquisition: NaN } };
}
const jobsUpTo = (n: number): Job[] => ['a', 'b'].flatMap((s) => Array.from({ length: n }, (_, r) => ({ key: `${s}|rep${r}`, strategy: s, params: {} as never, seed: 1, replication: r, days: 0 })));
const units = (results: readonly RunResult[]): PrecisionUnit[] => ['a', 'b'].map((name) => ({ name, runs: results.filter((r) => r.strategy === name) }));

describe('runToPrecision', () => {
  it('stops at the first batch whose interval is narrow enough, running every job once, results in full-run order', async () => {
    const ran: string[] = [];
    const out = await runToPrecision({ targets: [{ metric: VALUE, halfWidth: 0.5 }], start: 5, cap: 1000, jobsUpTo, baseline: 'a', units, run: async (jobs) => { ran.push(...jobs.map((j) => j.key)); return jobs.map(synthetic); } });
    expect(out.met).toBe(true);
    const last = out.steps.at(-1)!;
    expect(last.widest[0].halfWidth).toBeLessThanOrEqual(0.5);
    for (const step of out.steps.slice(0, -1)) expect(step.widest[0].halfWidth).toBeGreaterThan(0.5);
    // 1.96·2/√n ≤ 0.5 needs n ≈ 62: the estimate of sd varies, so allow a wide band around it.
    expect(out.replications).toBeGreaterThan(35);
    expect(out.replications).toBeLessThan(130);
    expect(new Set(ran).size).toBe(ran.length);
    expect(ran.length).toBe(2 * out.replications);
    expect(out.results.map((r) => `${r.strategy}|rep${r.replication}`)).toEqual(jobsUpTo(out.replications).map((j) => j.key));
    // The last interval, recomputed from the results, is the one reported.
    const [check] = halfWidths(units(out.results), [{ metric: VALUE, halfWidth: 0.5 }], 'a');
    expect(check).toEqual(last.widest[0]);
  });

  it('stops at the cap when the target is out of reach, and says so', async () => {
    const out = await runToPrecision({ targets: [{ metric: VALUE, halfWidth: 0.01 }], start: 3, cap: 20, jobsUpTo, baseline: 'a', units, run: async (jobs) => jobs.map(synthetic) });
    expect(out).toMatchObject({ met: false, replications: 20 });
    expect(out.steps.at(-1)!.widest[0].halfWidth).toBeGreaterThan(0.01);
  });

  it('with nothing to pair with, checks each unit’s mean; every target must be met', async () => {
    const wide: MetricDef = { ...VALUE, key: 'wide' };
    const out = await runToPrecision({ targets: [{ metric: VALUE, halfWidth: 100 }, { metric: wide, halfWidth: 2 }], start: 4, cap: 400, jobsUpTo, units, run: async (jobs) => jobs.map(synthetic) });
    // Means vary with sd ≈ 5: 1.96·5/√n ≤ 2 needs n ≈ 24.
    expect(out.met).toBe(true);
    expect(out.steps.at(-1)!.widest.map((c) => c.metric)).toEqual(['value', 'wide']);
    expect(out.replications).toBeGreaterThan(12);
  });

  it('rejects a start below 2 or a cap below the start', async () => {
    const base = { targets: [{ metric: VALUE, halfWidth: 1 }], jobsUpTo, units, run: async (jobs: Job[]) => jobs.map(synthetic) };
    await expect(runToPrecision({ ...base, start: 1, cap: 10 })).rejects.toThrow(/at least 2/);
    await expect(runToPrecision({ ...base, start: 5, cap: 4 })).rejects.toThrow(/cap/);
  });
});

describe('projectReplications', () => {
  const targets = [{ metric: VALUE, halfWidth: 1 }];
  it('solves t(m−1)·s/√m ≤ target for the spread the interval implies: n = 4, half-width 2 → 9', () => {
    // s = 2·√4/t(3) = 1.257; m = 8 gives 2.365·1.257/√8 = 1.05 > 1, m = 9 gives 2.306·1.257/3 = 0.966.
    const s = (2 * 2) / tCritical(0.95, 3);
    expect((tCritical(0.95, 7) * s) / Math.sqrt(8)).toBeGreaterThan(1);
    expect((tCritical(0.95, 8) * s) / Math.sqrt(9)).toBeLessThanOrEqual(1);
    expect(projectReplications(4, [{ unit: 'b', metric: 'value', halfWidth: 2, n: 4 }], targets, 100)).toBe(9);
  });
  it('grows at most fourfold per step and never past the cap; an interval without spread estimate jumps to that limit', () => {
    expect(projectReplications(4, [{ unit: 'b', metric: 'value', halfWidth: 50, n: 4 }], targets, 100)).toBe(16);
    expect(projectReplications(4, [{ unit: 'b', metric: 'value', halfWidth: 50, n: 4 }], targets, 10)).toBe(10);
    expect(projectReplications(4, [{ unit: 'b', metric: 'value', halfWidth: Infinity, n: 1 }], targets, 100)).toBe(16);
  });
});

describe('on the engine', () => {
  it('gives exactly the runs of an experiment asked for the replications it stopped at', async () => {
    const scenario = tinyScenario({ replications: 2 });
    const metric = SUMMARY_METRIC_BY_KEY.finalCustomers as MetricDef;
    const out = await runToPrecision({
      targets: [{ metric, halfWidth: 15 }],
      start: 2,
      cap: 12,
      baseline: scenario.strategies[0].name,
      jobsUpTo: (n) => scenarioJobs({ ...scenario, replications: n }),
      units: (results) => scenario.strategies.map((s) => ({ name: s.name, runs: results.filter((r) => r.strategy === s.name) })),
      run: async (jobs) => jobs.map(runJob),
    });
    expect(out.replications).toBeGreaterThan(2);
    const direct = scenarioJobs({ ...scenario, replications: out.replications }).map(runJob);
    expect(out.results.map(fingerprint)).toEqual(direct.map(fingerprint));
  });
});
