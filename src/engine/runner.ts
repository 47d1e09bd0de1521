/**
 * Runs the strategies × replications of a scenario. Replication r of every strategy uses the
 * same seed keys, so strategies are compared on common random numbers (paired); the network
 * of replication r is built once and shared by the strategies whose network spec is equal.
 */
import type { RunResult } from '../model/metrics.js';
import type { Csr } from '../model/network/csr.js';
import type { Scenario, Strategy } from '../scenario/schema.js';
import { networkFor, simulate } from './simulate.js';

export interface RunJob {
  strategy: Strategy;
  replication: number;
}

export interface RunOptions {
  /** Only these strategies (default: all, baseline first). */
  strategies?: string[];
  /** Called with (days simulated so far, total days) as the runs progress. */
  onProgress?: (done: number, total: number) => void;
}

/** The jobs of a scenario, strategy-major: the order results are reported in. */
export function jobsOf(scenario: Scenario, only?: string[]): RunJob[] {
  const chosen = only ? scenario.strategies.filter((s) => only.includes(s.name)) : scenario.strategies;
  return chosen.flatMap((strategy) => Array.from({ length: scenario.replications }, (_, replication) => ({ strategy, replication })));
}

export function runScenario(scenario: Scenario, opts: RunOptions = {}): RunResult[] {
  const jobs = jobsOf(scenario, opts.strategies);
  const total = jobs.length * scenario.days;
  const networks = new Map<string, Csr | null>();
  const results: RunResult[] = [];
  let done = 0;
  // Replication-major execution keeps only one replication's networks in memory at a time.
  const byReplication = [...jobs].sort((a, b) => a.replication - b.replication);
  for (const job of byReplication) {
    const { params } = job.strategy;
    const key = `${job.replication}|${params.market.size}|${JSON.stringify(params.wom.network)}`;
    if (!networks.has(key)) {
      for (const k of networks.keys()) if (!k.startsWith(`${job.replication}|`)) networks.delete(k);
      networks.set(key, networkFor(params, scenario.seed, job.replication));
    }
    results.push(
      simulate({
        strategy: job.strategy.name,
        params,
        seed: scenario.seed,
        replication: job.replication,
        days: scenario.days,
        network: networks.get(key),
        onDay: opts.onProgress ? () => opts.onProgress!(++done, total) : undefined,
      }),
    );
  }
  const order = new Map(jobs.map((j, k) => [`${j.strategy.name}|${j.replication}`, k]));
  return results.sort((a, b) => order.get(`${a.strategy}|${a.replication}`)! - order.get(`${b.strategy}|${b.replication}`)!);
}
