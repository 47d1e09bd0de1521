/**
 * The unit of work of every experiment: one simulation run, fully specified by plain data so
 * it can cross a worker-thread boundary and be keyed for resuming. Experiments treat the model
 * as a black box: parameters in, RunResult out.
 */
import { simulate } from '../engine/simulate.js';
import type { RunResult } from '../model/metrics.js';
import type { Params, Scenario } from '../scenario/schema.js';

export interface Job {
  /** Identifies the run within an experiment (strategy or design point, and replication). */
  key: string;
  strategy: string;
  params: Params;
  seed: number;
  replication: number;
  days: number;
}

/** Runs one job in this thread. */
export function runJob(job: Job): RunResult {
  return simulate({ strategy: job.strategy, params: job.params, seed: job.seed, replication: job.replication, days: job.days });
}

/** The jobs of a scenario's strategies × replications, strategy-major (the order tables report them in), keyed `strategy|repN`. */
export function scenarioJobs(scenario: Scenario, strategies?: readonly string[]): Job[] {
  const chosen = strategies ? scenario.strategies.filter((s) => strategies.includes(s.name)) : scenario.strategies;
  return chosen.flatMap((s) =>
    Array.from({ length: scenario.replications }, (_, replication) => ({ key: `${s.name}|rep${replication}`, strategy: s.name, params: s.params, seed: scenario.seed, replication, days: scenario.days })),
  );
}
