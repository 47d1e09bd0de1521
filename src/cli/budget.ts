/**
 * The commands' side of experiments/resources.ts: cap --workers at the cores (saying so), and
 * refuse, before anything is written, what this machine cannot hold or (without --force) what
 * would take hours.
 */
import { scenarioJobs, type Job } from '../experiments/jobs.js';
import { defaultWorkers } from '../experiments/pool.js';
import { jobWork, loadCalibration, simulatedDays } from '../experiments/poolCost.js';
import { capWorkers, checkResources, estimateCount, estimateJobs, fmtBytes, fmtCount, fmtDuration, TIME_LIMIT_S, type Estimate } from '../experiments/resources.js';
import type { Params, Scenario } from '../scenario/schema.js';
import type { Io } from './io.js';

export interface BudgetOptions {
  workers?: number;
  force?: boolean;
  quiet: boolean;
  /** "this compare", "this sweep"… */
  what: string;
}

/** Worker threads for the command: --workers capped at the cores, with a note when capped. */
export function workersFor(io: Io, requested: number | undefined, quiet: boolean): number | undefined {
  const { workers, note } = capWorkers(requested);
  if (note && !quiet) io.err(`cxsim: note: ${note}`);
  return workers;
}

/** Checks the jobs against memory and time; returns the worker threads to run them on. */
export function checkJobs(io: Io, jobs: readonly Job[], o: BudgetOptions): number | undefined {
  const workers = workersFor(io, o.workers, o.quiet);
  checkResources(estimateJobs(jobs, workers ?? defaultWorkers(jobs)), { force: o.force, what: o.what });
  return workers;
}

/** Checks a design of `count` runs of `params` over `days` before it is built (a grid of 10^9 points is refused here, not built). */
export function checkCount(count: number, params: Params, days: number, o: BudgetOptions): Estimate {
  const { workers } = capWorkers(o.workers);
  const e = estimateCount(count, params.market.size, simulatedDays(params, days), params.wom.network, workers ?? 1);
  checkResources(e, { force: o.force, what: o.what });
  return e;
}

/**
 * A calibration holds one batch at a time (the first simplex: parameters + 1 points × replications)
 * but may run up to its evaluation budget: memory from the batch, time from the budget.
 */
export function checkCalibration(parameters: number, replications: number, maxEvaluations: number, params: Params, days: number, o: BudgetOptions): void {
  const batch = estimateCount((parameters + 1) * replications, params.market.size, days, params.wom.network, o.workers ?? 1);
  const all = estimateCount(maxEvaluations * replications, params.market.size, days, params.wom.network, o.workers ?? 1);
  checkResources({ ...batch, jobs: all.jobs, seconds: all.seconds }, { force: o.force, what: o.what });
}

/**
 * What `validate` says about running the scenario: a UserError when a compare of every strategy
 * cannot fit in memory, a note when it would ask for --force; returns a line with the size of
 * that compare.
 */
export function validateBudget(io: Io, scenario: Scenario): string {
  checkScenarioCount(scenario, { force: true, quiet: true, what: '`cxsim compare` of this scenario' });
  const jobs = scenarioJobs(scenario);
  const e = estimateJobs(jobs, defaultWorkers(jobs));
  checkResources(e, { force: true, what: '`cxsim compare` of this scenario' });
  if (e.seconds > TIME_LIMIT_S) io.err(`cxsim: note: \`cxsim compare\` of this scenario would take about ${fmtDuration(e.seconds)} (${e.jobs.toLocaleString('en-US')} runs); it asks for --force`);
  // Time only from this machine's own measurement of the engine (the budget's rate is a deliberately low bound).
  const personDays = jobs.reduce((sum, j) => sum + jobWork(j), 0);
  const rate = loadCalibration().rate['1'];
  const time = rate ? `, about ${fmtDuration(personDays / rate)} on one thread of this machine` : '';
  const days = personDays >= 1e7 ? `${fmtCount(personDays / 1e6)} M` : fmtCount(personDays);
  return `a compare of it: ${e.jobs.toLocaleString('en-US')} runs, ${days} person-days, memory up to about ${fmtBytes(e.peakBytes)}${time}`;
}

/**
 * `params` with market.size and the network's mean degree at the largest value a design gives
 * them (`tops`: the varied paths with their largest value): the largest run, for an estimate made
 * before the design is built.
 */
export function largestCase(params: Params, tops: readonly { path: string; max: number }[]): Params {
  const top = (path: string, current: number) => Math.max(current, ...tops.filter((t) => t.path === path && Number.isFinite(t.max)).map((t) => Math.ceil(t.max)));
  return { ...params, market: { ...params.market, size: top('market.size', params.market.size) }, wom: { ...params.wom, network: { ...params.wom.network, meanDegree: top('wom.network.meanDegree', params.wom.network.meanDegree) } } };
}

/**
 * A scenario's strategies × replications checked by count before their jobs are built (a million
 * replications would build a million job objects first), at the largest market among them.
 */
export function checkScenarioCount(scenario: Scenario, o: BudgetOptions): void {
  const largest = scenario.strategies.reduce((a, s) => (s.params.market.size > a.market.size ? s.params : a), scenario.strategies[0].params);
  checkCount(scenario.strategies.length * scenario.replications, largest, scenario.days, o);
}
