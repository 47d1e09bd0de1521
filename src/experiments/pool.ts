/**
 * Runs jobs in parallel on worker threads (piscina), or in this thread when threads would not pay
 * (poolCost.ts decides from measured costs). Every job is deterministic by its seed keys, so
 * results do not depend on the number of threads or on the order jobs finish in; they come back
 * in job order.
 *
 * Each thread is a lane with a pool of its own, and jobs that share a social network (same seed,
 * replication and network settings: networkCache.ts) go to the same lane, so a network is built
 * once per experiment, not once per thread. A lane that runs out of its own groups takes jobs
 * from the back of the largest unfinished group.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Piscina } from 'piscina';
import type { RunResult } from '../model/metrics.js';
import type { Job } from './jobs.js';
import { cachedJobRunner, networkKey } from './networkCache.js';
import { jobWork, loadCalibration, recordRun, threadsPay } from './poolCost.js';
import { PING } from './worker.js';
import { workerBundle } from './workerBundle.js';

export interface RunJobsOptions {
  /** Most threads to use; 1 runs in this thread without a pool. Default: all cores. */
  workers?: number;
  /**
   * 'auto' (default): threads only when the measured costs say they save time; 'always': use
   * `workers` threads whatever it costs (tests, benchmarks).
   */
  threads?: 'auto' | 'always';
  /** Called with (runs finished, total runs) after each run. */
  onProgress?: (done: number, total: number) => void;
  /** When aborted, no further job starts; running jobs finish (and reach onResult), then runJobs rejects with JobsInterrupted. */
  signal?: AbortSignal;
  /** Called once per finished job, one call at a time, before progress is reported (e.g. to save it). */
  onResult?: (index: number, result: RunResult) => void | Promise<void>;
}

/** Thrown when the signal stopped runJobs before every job had run; `finished` jobs reached onResult. */
export class JobsInterrupted extends Error {
  override name = 'JobsInterrupted';
  constructor(
    readonly finished: number,
    readonly total: number,
  ) {
    super(`interrupted after ${finished} of ${total} runs`);
  }
}

/**
 * The threads runJobs would use for these jobs: at most `most` (default all cores) and at most
 * one per job, or 1 when threads are not estimated to save time, or under Deno (notebooks): its
 * Node compatibility cannot start the worker threads.
 */
export function defaultWorkers(jobs: readonly Job[], most = availableParallelism()): number {
  if ('Deno' in globalThis) return 1;
  const lanes = Math.min(most, jobs.length);
  return threadsPay(loadCalibration(), jobs.reduce((sum, j) => sum + jobWork(j), 0), lanes) ? lanes : 1;
}

export async function runJobs(jobs: readonly Job[], opts: RunJobsOptions = {}): Promise<RunResult[]> {
  const most = opts.workers ?? availableParallelism();
  if (!(Number.isInteger(most) && most >= 1)) throw new RangeError(`workers must be a whole number ≥ 1, got ${most}`);
  const lanes = opts.threads === 'always' ? Math.min(most, jobs.length) : defaultWorkers(jobs, most);
  const results: RunResult[] = new Array(jobs.length);
  let done = 0;
  let saving: Promise<void> = Promise.resolve();
  // Finished runs are handed over one at a time, so a store appending lines never interleaves them.
  const finish = (index: number, result: RunResult) => {
    results[index] = result;
    saving = saving.then(async () => {
      await opts.onResult?.(index, result);
      done++;
      opts.onProgress?.(done, jobs.length);
    });
    return saving;
  };
  const order = dispatchOrder(jobs);
  if (lanes <= 1) await inThread(jobs, order, opts.signal, finish);
  else await inLanes(jobs, order, lanes, opts.signal, finish);
  await saving;
  if (done < jobs.length) throw new JobsInterrupted(done, jobs.length);
  return results;
}

/** Replication-major, stable: jobs sharing a network run close together, so the network caches hit. */
function dispatchOrder(jobs: readonly Job[]): number[] {
  return jobs.map((_, i) => i).sort((a, b) => jobs[a].seed - jobs[b].seed || jobs[a].replication - jobs[b].replication || a - b);
}

type Finish = (index: number, result: RunResult) => Promise<void>;

async function inThread(jobs: readonly Job[], order: number[], signal: AbortSignal | undefined, finish: Finish): Promise<void> {
  const run = cachedJobRunner();
  let busy = 0, work = 0;
  for (const i of order) {
    if (signal?.aborted) break;
    const t = performance.now();
    const result = run(jobs[i]);
    busy += performance.now() - t;
    work += jobWork(jobs[i]);
    await finish(i, result);
    // A run blocks the event loop: yield between runs so a Ctrl-C handler can abort the signal.
    await nextTurn();
  }
  recordRun(1, work, busy / 1000);
}

/** Jobs grouped by the network they share, groups in dispatch order. */
function networkGroups(jobs: readonly Job[], order: readonly number[]): number[][] {
  const groups = new Map<string, number[]>();
  for (const i of order) {
    const key = networkKey(jobs[i]);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  return [...groups.values()];
}

async function inLanes(jobs: readonly Job[], order: number[], lanes: number, signal: AbortSignal | undefined, finish: Finish): Promise<void> {
  const started = performance.now();
  // The bundle is plain JS: threads start without the parent's tsx loader (execArgv), in ~0.1 s.
  const filename = pathToFileURL(workerBundle()).href;
  const pools = Array.from({ length: lanes }, () => new Piscina<Job | typeof PING, RunResult>({ filename, minThreads: 1, maxThreads: 1, idleTimeout: 60_000, execArgv: [] }));
  const groups = networkGroups(jobs, order);
  let nextGroup = 0;
  let failure: { error: unknown } | undefined;
  const ready: number[] = [], busy: number[] = [], work: number[] = [];
  /** The next job of a lane: its own group, else a fresh group, else the back of the largest group left. */
  const take = (current: { group?: number[]; stolen: boolean }): number | undefined => {
    if (!current.group?.length) {
      if (nextGroup < groups.length) Object.assign(current, { group: groups[nextGroup++], stolen: false });
      else {
        const largest = groups.reduce<number[] | undefined>((best, g) => (g.length > (best?.length ?? 0) ? g : best), undefined);
        Object.assign(current, { group: largest, stolen: true });
      }
    }
    return current.stolen ? current.group?.pop() : current.group?.shift();
  };
  const lane = async (k: number) => {
    await pools[k].run(PING);
    ready[k] = (performance.now() - started) / 1000;
    busy[k] = 0;
    work[k] = 0;
    const current: { group?: number[]; stolen: boolean } = { stolen: false };
    // One job at a time per lane: nothing queues up, so an abort stops scheduling at once.
    while (!failure && !signal?.aborted) {
      const i = take(current);
      if (i === undefined) break;
      try {
        const t = performance.now();
        const result = await pools[k].run(jobs[i]);
        busy[k] += performance.now() - t;
        work[k] += jobWork(jobs[i]);
        await finish(i, result);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  try {
    await Promise.all(pools.map((_, k) => lane(k)));
  } finally {
    await Promise.all(pools.map((p) => p.destroy()));
  }
  if (failure) throw failure.error;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  recordRun(lanes, sum(work) / lanes, sum(busy) / lanes / 1000, Math.max(...ready));
}
