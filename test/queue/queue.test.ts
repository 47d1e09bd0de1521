/**
 * Runs through a BullMQ queue on a real Redis (Debian's redis-server on loopback) with real
 * `cxsim worker` processes: the results are the bytes a local run gives, even when a worker is
 * killed in the middle of a run (its lock expires and the other worker runs the job again);
 * a coordinator stopped half-way and started again picks up what finished meanwhile, and
 * nothing runs twice (idempotent job ids).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioJobs } from '../../src/experiments/jobs.js';
import { modelHash } from '../../src/experiments/modelHash.js';
import { JobsInterrupted, runJobs } from '../../src/experiments/pool.js';
import { connectionOf, parseQueueUrl, queueName, runJobsOnQueue } from '../../src/experiments/queue.js';
import type { RunResult } from '../../src/model/metrics.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { BIN, ROOT } from '../cli/helpers.js';
import { fingerprint } from '../experiments/helpers.js';
import { RUN_QUEUE_TESTS, startRedis, type Redis } from './redis.js';

// Runs long enough (a tenth of a second or more each) to catch a worker in the middle of one.
const scenario = parseScenarioText(
  ['name: Queue test', 'seed: 5', 'days: 150', 'replications: 4', 'market: { size: 4000, initialCustomers: 1000 }', 'strategies:', '  push: { acquisition: { spendPerDay: 3000 } }', '  basics: { journey: { processQuality: 0.995 } }', ''].join('\n'),
  'queue.yaml',
);
const jobs = scenarioJobs(scenario);

interface WorkerProcess {
  child: ChildProcess;
  name: string;
  ran: string[];
  exited: Promise<number | null>;
}

function startWorker(url: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--threads', '1', '--lock-seconds', '2'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const w: WorkerProcess = { child, name: `${hostname()}:${child.pid}`, ran: [], exited: new Promise((r) => child.on('exit', (code) => r(code))) };
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      for (const m of d.matchAll(/ran (\S+) \(/g)) w.ran.push(m[1]);
      if (err.includes('serving queue')) resolve(w);
    });
    child.on('exit', (code) => reject(new Error(`cxsim worker exited (${code}) before serving:\n${err}`)));
  });
}

async function stop(w: WorkerProcess): Promise<void> {
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  await w.exited;
}

let redis: Redis;
let local: string[];
beforeAll(async () => {
  if (!RUN_QUEUE_TESTS) return;
  redis = await startRedis();
  local = (await runJobs(jobs, { workers: 1 })).map(fingerprint);
}, 120_000);
afterAll(async () => redis?.stop());

/** A queue of its own for each test (a key prefix), so tests sharing one Redis never meet. */
const freshUrl = () => `${redis.url}?prefix=test-${randomBytes(4).toString('hex')}`;

describe.runIf(RUN_QUEUE_TESTS)('queue on Redis', () => {
  it('two worker processes, one killed in the middle of a run: byte-identical to a local run, the killed run done again', async () => {
    const url = freshUrl();
    const [a, b] = await Promise.all([startWorker(url), startWorker(url)]);
    const address = parseQueueUrl(url);
    const watcher = new Queue(queueName(modelHash()), { connection: connectionOf(address), prefix: address.prefix });
    watcher.on('error', () => {});
    try {
      const running = runJobsOnQueue(jobs, { url, model: modelHash(), pollMs: 50 });
      running.catch(() => {});
      // Kill worker a while it holds a job: SIGKILL, so it cannot hand the job back.
      let killedDuring: string | undefined;
      while (!killedDuring) {
        const active = await watcher.getJobs(['active']);
        const mine = active.find((j) => j.processedBy === a.name);
        if (mine) {
          a.child.kill('SIGKILL');
          killedDuring = (mine.data as { key: string }).key;
        } else await new Promise((r) => setTimeout(r, 20));
      }
      const results = await running;
      await a.exited;
      expect(results.map(fingerprint)).toEqual(local);
      expect(a.ran, 'the killed worker never finished the run it held').not.toContain(killedDuring);
      expect(b.ran, 'the other worker ran it after the lock expired').toContain(killedDuring);
      expect(await watcher.getJobCounts('completed', 'failed', 'waiting', 'active')).toEqual({ completed: 0, failed: 0, waiting: 0, active: 0 });
    } finally {
      await watcher.close();
      await Promise.all([stop(a), stop(b)]);
    }
  });

  it('a coordinator stopped half-way and started again collects what finished meanwhile; nothing runs twice', async () => {
    const url = freshUrl();
    const w = await startWorker(url);
    try {
      const controller = new AbortController();
      // What the coordinator collected goes to its store (runs.jsonl); a restart sends only the rest.
      const store = new Map<number, RunResult>();
      const stopped = runJobsOnQueue(jobs, { url, model: modelHash(), pollMs: 50, signal: controller.signal, onResult: (i, r) => void (store.set(i, r), store.size === 3 && controller.abort()) });
      await expect(stopped).rejects.toBeInstanceOf(JobsInterrupted);
      expect(store.size).toBeLessThan(jobs.length);
      // The worker keeps going meanwhile; the restarted coordinator adds the same ids (no-ops for
      // jobs queued, running or finished uncollected) and collects.
      const rest = jobs.map((_, i) => i).filter((i) => !store.has(i));
      const again = await runJobsOnQueue(rest.map((i) => jobs[i]), { url, model: modelHash(), pollMs: 50 });
      rest.forEach((i, k) => store.set(i, again[k]));
      expect(jobs.map((_, i) => fingerprint(store.get(i)!))).toEqual(local);
      expect([...w.ran].sort(), 'every run ran exactly once').toEqual(jobs.map((j) => j.key).sort());
    } finally {
      await stop(w);
    }
  });

  it('tells the coordinator when no worker serves the queue, and says where Redis cannot be reached', async () => {
    const noWorkers: string[] = [];
    const controller = new AbortController();
    const run = runJobsOnQueue(jobs.slice(0, 1), { url: freshUrl(), model: modelHash(), pollMs: 20, signal: controller.signal, onNoWorkers: (q) => (noWorkers.push(q), controller.abort()) });
    await expect(run).rejects.toBeInstanceOf(JobsInterrupted);
    expect(noWorkers).toEqual([queueName(modelHash())]);
    await expect(runJobsOnQueue(jobs.slice(0, 1), { url: 'redis://127.0.0.1:1/0', model: modelHash() })).rejects.toThrow(/cannot reach Redis/);
  });
});
