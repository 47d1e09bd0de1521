/**
 * The worker side of the queue (queue.ts): takes runs from the model's queue and runs them on
 * worker threads (the simulation never blocks this thread, so BullMQ keeps renewing the locks of
 * running jobs), returning each result compressed. Any number of these may run on any number of
 * machines; killing one loses nothing: its running jobs' locks expire and other workers take
 * them over.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'bullmq';
import { Piscina } from 'piscina';
import type { RunResult } from '../model/metrics.js';
import type { Job } from './jobs.js';
import { checkRedis, connectionOf, packResult, queueName } from './queue.js';
import { workerBundle } from './workerBundle.js';

export interface QueueWorkerOptions {
  url: string;
  /** Hash of this process's model code (modelHash.ts): the queue it serves. */
  model: string;
  /** Runs at once (worker threads). */
  threads: number;
  /** How long a running job's lock lasts without renewal (ms); a killed worker's jobs return to the queue after it. */
  lockMs?: number;
  /** How often stalled jobs are looked for (ms). */
  stalledMs?: number;
  /** A name for this worker, recorded on the jobs it runs. */
  name?: string;
  /** Called after each finished run with its job's key. */
  onRun?: (key: string) => void;
  onError?: (e: Error) => void;
}

export interface RunningWorker {
  queue: string;
  /** Stops taking jobs, lets running ones finish, closes the threads. */
  close(): Promise<void>;
}

export async function startQueueWorker(o: QueueWorkerOptions): Promise<RunningWorker> {
  const address = await checkRedis(o.url);
  const name = queueName(o.model);
  const pool = new Piscina<Job, RunResult>({ filename: pathToFileURL(workerBundle()).href, minThreads: o.threads, maxThreads: o.threads, idleTimeout: 60_000, execArgv: [] });
  const worker = new Worker<Job, string>(
    name,
    async (job) => {
      const packed = await packResult(await pool.run(job.data));
      o.onRun?.(job.data.key);
      return packed;
    },
    {
      connection: connectionOf(address),
      prefix: address.prefix,
      concurrency: o.threads,
      lockDuration: o.lockMs ?? 30_000,
      stalledInterval: o.stalledMs ?? 30_000,
      // A job whose worker died is put back this many times before it counts as failed.
      maxStalledCount: 5,
      name: o.name,
      autorun: false,
    },
  );
  worker.on('error', (e) => o.onError?.(e));
  await worker.waitUntilReady();
  void worker.run();
  return {
    queue: name,
    close: async () => {
      await worker.close();
      await pool.destroy();
    },
  };
}
