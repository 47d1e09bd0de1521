/**
 * Runs jobs in parallel on a pool of worker threads (piscina), or in this thread with one worker.
 * Every job is deterministic by its seed keys, so results do not depend on the number of workers
 * or on the order jobs finish in; they come back in job order.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Piscina } from 'piscina';
import type { RunResult } from '../model/metrics.js';
import type { Job } from './jobs.js';
import { cachedJobRunner } from './networkCache.js';
import { workerBundle } from './workerBundle.js';

export interface RunJobsOptions {
  /** Worker threads; 1 runs in this thread without a pool. Default: defaultWorkers(jobs). */
  workers?: number;
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
 * A worker thread starts in about 0.1 s (the bundled worker, workerBundle.ts), but its JIT warms
 * up again from cold; the engine runs ≈ 10–20 M person-days a second once warm. Measured on two
 * cores: 8 jobs of 7 M person-days in all ran at 0.5× on two workers, 58 M at 1.4×. Below this
 * much work the pool does not pay for itself, so it runs in this thread.
 */
export const SMALL_WORK_PERSON_DAYS = 20e6;

/**
 * All available cores, or 1 when the jobs are too small to pay for starting worker threads, or
 * when running under Deno (notebooks): its Node compatibility cannot start the tsx worker shim.
 */
export function defaultWorkers(jobs: readonly Job[]): number {
  if ('Deno' in globalThis) return 1;
  const work = jobs.reduce((sum, j) => sum + j.params.market.size * j.days, 0);
  return work < SMALL_WORK_PERSON_DAYS ? 1 : availableParallelism();
}


export async function runJobs(jobs: readonly Job[], opts: RunJobsOptions = {}): Promise<RunResult[]> {
  const workers = opts.workers ?? defaultWorkers(jobs);
  if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`workers must be a whole number ≥ 1, got ${workers}`);
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
  const lanes = Math.min(workers, jobs.length);
  if (lanes <= 1) await inThread(jobs, order, opts.signal, finish);
  else await inPool(jobs, order, lanes, opts.signal, finish);
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
  for (const i of order) {
    if (signal?.aborted) return;
    await finish(i, run(jobs[i]));
    // A run blocks the event loop: yield between runs so a Ctrl-C handler can abort the signal.
    await nextTurn();
  }
}

async function inPool(jobs: readonly Job[], order: number[], workers: number, signal: AbortSignal | undefined, finish: Finish): Promise<void> {
  // The bundle is plain JS: threads start without the parent's tsx loader (execArgv), in ~0.1 s.
  const pool = new Piscina<Job, RunResult>({ filename: pathToFileURL(workerBundle()).href, minThreads: workers, maxThreads: workers, idleTimeout: 60_000, execArgv: [] });
  let next = 0;
  let failure: { error: unknown } | undefined;
  // One lane per worker, each feeding its worker the next job: nothing queues up, so an abort stops scheduling at once.
  const lane = async () => {
    while (!failure && !signal?.aborted && next < order.length) {
      const i = order[next++];
      try {
        await finish(i, await pool.run(jobs[i]));
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, lane));
  } finally {
    await pool.destroy();
  }
  if (failure) throw failure.error;
}
