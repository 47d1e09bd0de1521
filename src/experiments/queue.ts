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
import { Redis } from 'ioredis';
import type { RunResult } from '../model/metrics.js';
import { UserError } from '../scenario/errors.js';
import type { Job } from './jobs.js';
import { JobsInterrupted, type RunJobsOptions } from './pool.js';
import { METRIC_KEYS } from '../model/metrics.js';
import { decodeResult, encodeResult, type EncodedResult } from './resultCodec.js';
import { jobHash } from './resume.js';

export interface QueueAddress {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  /** Key prefix in Redis (default "cxsim"): separate namespaces on one server. */
  prefix: string;
}

/** `redis://[user:password@]host[:port][/db][?prefix=name]` → connection settings; a UserError when it is not one. */
export function parseQueueUrl(url: string): QueueAddress {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError(`--queue: expected redis://host:port, got \`${url}\``);
  }
  if (u.protocol !== 'redis:') throw new UserError(`--queue: expected a redis:// address, got \`${url}\``);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new UserError(`--queue: the database number must be a whole number, got \`${u.pathname.slice(1)}\``);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username && { username: decodeURIComponent(u.username) }),
    ...(u.password && { password: decodeURIComponent(u.password) }),
    prefix: u.searchParams.get('prefix') ?? 'cxsim',
  };
}

/** ioredis settings for BullMQ (which opens its own connections with them). */
export const connectionOf = (a: QueueAddress) => ({ host: a.host, port: a.port, db: a.db, username: a.username, password: a.password, maxRetriesPerRequest: null });

/**
 * Connects once without retrying, so an address where no Redis answers is a clear error at once
 * (BullMQ's own connections retry for ever, which is what a running worker wants).
 */
export async function checkRedis(url: string, flag = '--queue'): Promise<QueueAddress> {
  const a = parseQueueUrl(url);
  const client = new Redis({ ...connectionOf(a), lazyConnect: true, connectTimeout: 5000, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  client.on('error', () => {}); // reported by connect() below
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new UserError(`${flag} ${url}: cannot reach Redis (${(e as Error).message || 'connection refused'})`);
  } finally {
    client.disconnect();
  }
  return a;
}

/** The queue of a model code: workers and coordinators meet there only when they run the same code. */
export const queueName = (model: string): string => `cxsim-${model.slice(0, 16)}`;

/** A job's id in the queue: the same run has the same id in every experiment. */
export const queueJobId = (job: Job): string => `run-${jobHash(job)}`;

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
  const queue = new Queue(name, { connection: connectionOf(address), prefix: address.prefix });
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
