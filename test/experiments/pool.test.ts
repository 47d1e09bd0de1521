/** runJobs: the same results whatever the number of workers, in job order, and a clean stop on abort. */
import { describe, expect, it } from 'vitest';
import { scenarioJobs, runJob } from '../../src/experiments/jobs.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultWorkers, JobsInterrupted, runJobs } from '../../src/experiments/pool.js';
import { resetCalibrationMemo } from '../../src/experiments/poolCost.js';
import { fingerprint, tinyScenario } from './helpers.js';

const scenario = tinyScenario();
const jobs = scenarioJobs(scenario); // 3 strategies × 2 replications, strategy-major

describe('runJobs', () => {
  it('gives byte-identical results on 1, 2 and 3 workers, equal to running each job alone', async () => {
    const direct = jobs.map((j) => fingerprint(runJob(j)));
    for (const workers of [1, 2, 3]) {
      const results = await runJobs(jobs, { workers, threads: 'always' });
      expect(results.map(fingerprint), `${workers} workers`).toEqual(direct);
    }
  });

  it('returns results in job order, whatever order they were dispatched or finished in', async () => {
    const shuffled = [jobs[5], jobs[0], jobs[3], jobs[2], jobs[4], jobs[1]];
    const seen: number[] = [];
    const results = await runJobs(shuffled, { workers: 2, threads: 'always', onResult: (i) => void seen.push(i) });
    expect(results.map((r) => `${r.strategy}|${r.replication}`)).toEqual(shuffled.map((j) => `${j.strategy}|${j.replication}`));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reports progress by finished runs, ending at the total', async () => {
    const progress: [number, number][] = [];
    await runJobs(jobs.slice(0, 3), { workers: 1, onProgress: (d, t) => progress.push([d, t]) });
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('stops scheduling when aborted and rejects with JobsInterrupted after saving the finished runs', async () => {
    const controller = new AbortController();
    const saved: number[] = [];
    const run = runJobs(jobs, { workers: 1, signal: controller.signal, onResult: (i) => void saved.push(i), onProgress: (d) => d === 2 && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(JobsInterrupted);
    await expect(run).rejects.toMatchObject({ finished: 2, total: 6 });
    expect(saved).toHaveLength(2);
  });

  it('runs small experiments in this thread by default: a pool would cost more than it saves', () => {
    // An empty measurement cache of its own (other tests record theirs): the default costs decide.
    process.env.CXSIM_CACHE_DIR = mkdtempSync(join(tmpdir(), 'cxsim-pool-defaults-'));
    resetCalibrationMemo();
    expect(defaultWorkers(jobs, 2)).toBe(1);
    const big = jobs.map((j) => ({ ...j, days: 20_000 }));
    expect(defaultWorkers(big, 2)).toBe(2);
    expect(defaultWorkers(big, 4)).toBe(4);
    expect(defaultWorkers(big.slice(0, 3), 4), 'never more threads than jobs').toBe(3);
  });

  it('lanes keep jobs that share a network together and steal from the largest group when idle: every job runs once', async () => {
    // One network group per replication; with 3 lanes one lane must steal.
    const many = scenarioJobs(tinyScenario({ replications: 2 }));
    const ran: number[] = [];
    const results = await runJobs(many, { workers: 3, threads: 'always', onResult: (i) => void ran.push(i) });
    expect([...ran].sort((a, b) => a - b)).toEqual(many.map((_, i) => i));
    expect(results.map(fingerprint)).toEqual(many.map((j) => fingerprint(runJob(j))));
  });

  it('rejects a worker count that is not a whole number ≥ 1', async () => {
    await expect(runJobs(jobs, { workers: 0 })).rejects.toThrow(/whole number/);
  });

  it('passes a failing job\'s error on', async () => {
    const bad = { ...jobs[0], params: { ...jobs[0].params, market: undefined as never } };
    await expect(runJobs([jobs[0], bad], { workers: 2, threads: 'always' })).rejects.toThrow();
  });
});
