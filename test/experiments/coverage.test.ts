/**
 * The reported 95 % intervals have their nominal coverage on a model whose truth is known exactly.
 *
 * Design: constant retention (as in test/model/clv.test.ts): N = 500 people, all customers on
 * day 0, one neutral segment, no episodes (satisfaction and trust stay at their initial levels, so
 * every customer's daily leave probability is exactly 1 − r, r = (1 − annualBaseRate)^(1/365)),
 * no acquisition or win-back, margin 1 a day, discount 10 % a year, T = 30 days.
 *
 * What is the truth of a finite-population statistic? Not the large-population limit but the
 * expectation of what one run reports, which the replication mean estimates:
 * - final customers: each of the N customers survives T days independently with probability r^T,
 *   so final customers ~ Binomial(N, r^T) and E = N·r^T exactly, whatever N;
 * - cohort value (mean discounted margin per initial customer): a mean of N i.i.d. lifetimes'
 *   values, E = Σ_{t=1..T} (r/(1 + d))^t exactly;
 * - the paired difference of final customers between annual churn 0.9 and 0.5 on common random
 *   numbers: pairs are i.i.d. across replications, E = N·(r₂^T − r₁^T).
 * (totals.clv is not used: it is CLV evaluated at an estimated retention r̂, a non-linear function
 * of a ratio, so its finite-N expectation differs from CLV(r) by an O(1/N) bias that is not known
 * in closed form.)
 *
 * Method: M = 400 independent experiments (seeds 1000…1399), each R = 5 replications; count how
 * often the reported interval (summary table / tInterval / pairedDifference, Student t with 4 df)
 * covers the truth. The statistics are sums of many independent terms, so near normal (binomial
 * skewness −0.08), and the t interval's coverage is 95 % up to a few tenths of a point. If it is,
 * the count is Binomial(400, 0.95): SD 1.09 points. Acceptance band 95 ± 3.5 points = ±3.2 SD
 * (two-sided false alarm 0.14 %). Power: a normal-quantile interval (1.96 instead of 2.776) covers
 * ≈ 88 %, 6.5 SD below; the test checks that the same data put it outside the band.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src/experiments/jobs.js';
import { runJobs } from '../../src/experiments/pool.js';
import type { RunResult } from '../../src/model/metrics.js';
import { summaryRows } from '../../src/outputs/tables.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { pairedDifference } from '../../src/stats/paired.js';
import { tInterval } from '../../src/stats/summary.js';
import { oneSegmentParams } from '../helpers/model.js';

const N = 500, T = 30, R = 5, M = 400, BAND = 3.5;
const CHURN = { baseline: 0.9, lower: 0.5 };

const paramsFor = (annualChurn: number) =>
  oneSegmentParams({
    market: { size: N, initialCustomers: N },
    journey: { episodesPerYear: 0 },
    customers: { spendSd: 0 },
    churn: { annualBaseRate: annualChurn },
    acquisition: { winBackFactor: 0, organicInfluence: 0 },
    economics: { marginPerCustomerPerYear: 365, discountRatePerYear: 0.1 },
    wom: { network: { type: 'fullyMixed' } },
  });

const survival = (annualChurn: number) => Math.pow(1 - annualChurn, T / 365); // r^T
const d = Math.pow(1.1, 1 / 365) - 1;
const r1 = Math.pow(1 - CHURN.baseline, 1 / 365);
const TRUTH = {
  finalCustomers: N * survival(CHURN.baseline),
  cohortValue: Array.from({ length: T }, (_, t) => Math.pow(r1 / (1 + d), t + 1)).reduce((s, v) => s + v, 0),
  difference: N * (survival(CHURN.lower) - survival(CHURN.baseline)),
};

const strategies = Object.entries(CHURN).map(([name, churn]) => ({ name, label: name, description: '', params: paramsFor(churn) }));
const scenarioFor = (seed: number): Scenario => ({ name: 'coverage', description: '', seed, days: T, replications: R, strategies });

interface Experiment {
  baseline: RunResult[];
  lower: RunResult[];
  seed: number;
}
let experiments: Experiment[];

beforeAll(async () => {
  const jobs: Job[] = [];
  for (let e = 0; e < M; e++)
    for (const s of strategies) for (let rep = 0; rep < R; rep++) jobs.push({ key: `${e}|${s.name}|${rep}`, strategy: s.name, params: s.params, seed: 1000 + e, replication: rep, days: T });
  const results = await runJobs(jobs, { workers: 1 });
  experiments = Array.from({ length: M }, (_, e) => ({ seed: 1000 + e, baseline: results.slice(e * 2 * R, e * 2 * R + R), lower: results.slice(e * 2 * R + R, (e + 1) * 2 * R) }));
});

/** Coverage in percent and whether it lies in 95 ± BAND. */
function coverage(hits: boolean[]) {
  const pct = (100 * hits.filter(Boolean).length) / hits.length;
  return { pct, ok: Math.abs(pct - 95) <= BAND };
}

describe(`95 % intervals cover the truth 95 ± ${BAND} % of the time (M = ${M} experiments × R = ${R})`, () => {
  it('the truths are what the design implies', () => {
    expect(TRUTH.finalCustomers).toBeCloseTo(413.77, 1);
    expect(TRUTH.difference).toBeGreaterThan(50); // far from 0: a real difference to cover
  });

  it('final active customers, as the summary table reports it', () => {
    const hits = experiments.map((x) => {
      const row = summaryRows({ ...scenarioFor(x.seed), strategies: [strategies[0]] }, x.baseline).find((r) => r.metric === 'finalCustomers')!;
      expect(row.n).toBe(R);
      return row.lo <= TRUTH.finalCustomers && TRUTH.finalCustomers <= row.hi;
    });
    const c = coverage(hits);
    expect(c.ok, `coverage ${c.pct.toFixed(1)} %`).toBe(true);
  });

  it('realised cohort value per initial customer (tInterval)', () => {
    const c = coverage(experiments.map((x) => {
      const ci = tInterval(x.baseline.map((r) => r.totals.cohortValue));
      return ci.lo <= TRUTH.cohortValue && TRUTH.cohortValue <= ci.hi;
    }));
    expect(c.ok, `coverage ${c.pct.toFixed(1)} %`).toBe(true);
  });

  it('paired difference of final customers on common random numbers (pairedDifference)', () => {
    const last = (r: RunResult) => r.series.customers[T];
    const c = coverage(experiments.map((x) => {
      const p = pairedDifference(x.lower.map(last), x.baseline.map(last));
      return p.lo <= TRUTH.difference && TRUTH.difference <= p.hi;
    }));
    expect(c.ok, `coverage ${c.pct.toFixed(1)} %`).toBe(true);
  });

  it('has power: a normal-quantile interval on the same data falls outside the band', () => {
    const c = coverage(experiments.map((x) => {
      const ci = tInterval(x.baseline.map((r) => r.series.customers[T]));
      const half = (1.96 * ci.sd) / Math.sqrt(R);
      return Math.abs(ci.mean - TRUTH.finalCustomers) <= half;
    }));
    expect(c.ok, `z-interval coverage ${c.pct.toFixed(1)} %`).toBe(false);
    expect(c.pct).toBeLessThan(95 - BAND);
  });
});
