/**
 * Runs jobs with a small cache of social networks: a network is a function of (seed,
 * replication, network spec, market size) only, so jobs that share those reuse one graph
 * instead of rebuilding it (strategies of a comparison, sweep points that leave the network alone).
 */
import { networkFor, simulate } from '../engine/simulate.js';
import type { RunResult } from '../model/metrics.js';
import type { Csr } from '../model/network/csr.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioJobs, type Job } from './jobs.js';

/** Few entries: jobs are dispatched replication-major, so hits come from the last few graphs. */
const CAPACITY = 3;

export type JobRunner = (job: Job) => RunResult;

/** What a job's network depends on: jobs with the same key can share one graph. */
export const networkKey = (job: Job): string => `${job.seed}|${job.replication}|${job.params.market.size}|${JSON.stringify(job.params.wom.network)}`;

/** A runner with its own cache (one per thread); results are identical to runJob's. */
export function cachedJobRunner(capacity = CAPACITY): JobRunner {
  const cache = new Map<string, Csr | null>();
  return (job) => {
    const key = networkKey(job);
    let network = cache.get(key);
    if (network === undefined) {
      network = networkFor(job.params, job.seed, job.replication);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    } else cache.delete(key); // re-inserted below: the map's order is the recency order
    cache.set(key, network);
    return simulate({ strategy: job.strategy, params: job.params, seed: job.seed, replication: job.replication, days: job.days, network });
  };
}

/** Every strategy × replication of a scenario in this thread (strategy-major), networks shared. */
export function runScenario(scenario: Scenario, strategies?: readonly string[]): RunResult[] {
  return scenarioJobs(scenario, strategies).map(cachedJobRunner());
}
