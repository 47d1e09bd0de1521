/**
 * Runs jobs on any number of machines through a BullMQ queue on Redis: the coordinator adds the
 * jobs and collects the results as they finish; `cxsim worker` processes (queueWorker.ts) run
 * them wherever they are started. Same contract as runJobs (results in job order, onResult per
 * finished job, JobsInterrupted on abort), so resuming and outputs work as for a local run, and
 * the results are the same bytes: a run is a pure function of its job.
 *
 *   - Idempotent job ids (`run-<job hash>`): adding a job that is already queued, running or
 *     finished does nothing, so a coordinator restarted with the same command picks up what
 *     finished meanwhile, and two jobs with the same parameters run once.
 *   - One queue per model code (`cxsim-<model hash>`): a worker running other model code never
 *     sees these jobs, so results never mix code versions.
 *   - A worker killed mid-job holds its lock until it expires; BullMQ's stalled-job check then
 *     puts the job back for another worker. Nothing is lost, nothing counted twice.
 *   - Finished jobs are removed once collected (their result is in the coordinator's store).
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { Queue, type JobsOptions } from 'bullmq';
import type { RunResult } from '../model/metrics.js';
import { UserError } from '../scenario/errors.js';
import type { Job } from './jobs.js';
import { JobsInterrupted, type RunJobsOptions } from './pool.js';
import { METRIC_KEYS } from '../model/metrics.js';
import { decodeResult, encodeResult, type EncodedResult } from './resultCodec.js';

export { checkRedis, connectionOf, parseQueueUrl, queueJobId, queueName, type QueueAddress } from './queueAddress.js';
import { checkRedis, connectionOf as connectionOfAddress, queueJobId, queueName } from './queueAddress.js';

/** What a worker returns: the exact RunResult, compressed (daily series of every metric). */
export async function packResult(r: RunResult): Promise<string> {
  return (await promisify(gzip)(JSON.stringify(encodeResult(r)))).toString('base64');
}

export async function unpackResult(packed: string): Promise<RunResult> {
  const encoded = JSON.parse((await promisify(gunzip)(Buffer.from(packed, 'base64'))).toString('utf8')) as EncodedResult;
  const result = decodeResult(encoded, METRIC_KEYS);
  if (!result) throw new Error('a queued result lacks metrics this model reports (a worker ran other model code?)');
  return result;
}

export interface QueueRunOptions extends Pick<RunJobsOptions, 'onProgress' | 'onResult' | 'signal'> {
  /** redis://host:port… */
  url: string;
  /** Hash of the model code (modelHash.ts): names the queue. */
  model: string;
  /** How often to look for finished jobs (ms). */
  pollMs?: number;
  /** Called once when jobs wait and no worker is connected (e.g. to tell the user to start one). */
  onNoWorkers?: (queue: string) => void;
}

const JOB_OPTIONS: JobsOptions = { attempts: 3, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: false, removeOnFail: false };
const BATCH = 500;

export async function runJobsOnQueue(jobs: readonly Job[], opts: QueueRunOptions): Promise<RunResult[]> {
  const address = await checkRedis(opts.url);
  const name = queueName(opts.model);
  const queue = new Queue(name, { connection: connectionOfAddress(address), prefix: address.prefix });
  let connectionError: Error | undefined;
  queue.on('error', (e) => void (connectionError ??= e));
  // Every job index waiting for an id (equal jobs share one run).
  const waiting = new Map<string, number[]>();
  jobs.forEach((j, i) => {
    const id = queueJobId(j);
    waiting.set(id, [...(waiting.get(id) ?? []), i]);
  });
  const results: RunResult[] = new Array(jobs.length);
  let done = 0;
  try {
    await queue.waitUntilReady();
    const unique = [...waiting.keys()];
    for (let k = 0; k < unique.length; k += BATCH) {
      await queue.addBulk(unique.slice(k, k + BATCH).map((id) => ({ name: 'run', data: jobs[waiting.get(id)![0]], opts: { ...JOB_OPTIONS, jobId: id } })));
    }
    let warned = false;
    while (waiting.size > 0) {
      if (connectionError) throw new UserError(`--queue ${opts.url}: ${connectionError.message}`);
      if (opts.signal?.aborted) throw new JobsInterrupted(done, jobs.length);
      let progressed = false;
      for (const finished of await queue.getJobs(['completed'], 0, 999, true)) {
        const indices = finished.id === undefined ? undefined : waiting.get(finished.id);
        if (!indices) continue;
        const run = await unpackResult(finished.returnvalue as string);
        waiting.delete(finished.id!);
        for (const i of indices) {
          // A shared run is labelled with each job's own strategy.
          results[i] = { ...run, strategy: jobs[i].strategy, replication: jobs[i].replication };
          await opts.onResult?.(i, results[i]);
          opts.onProgress?.(++done, jobs.length);
        }
        await finished.remove();
        progressed = true;
      }
      for (const failed of await queue.getJobs(['failed'], 0, 999, true)) {
        if (failed.id !== undefined && waiting.has(failed.id)) throw new Error(`queued run ${jobs[waiting.get(failed.id)![0]].key} failed on a worker: ${failed.failedReason}`);
      }
      if (!progressed) {
        if (!warned && (await queue.getWorkersCount()) === 0) {
          warned = true;
          opts.onNoWorkers?.(name);
        }
        await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
      }
    }
    return results;
  } finally {
    await queue.close();
  }
}
