/**
 * Where an experiment's runs come from — the one seam every command shares (plan → jobs → runs →
 * outputs), so the same flags work for compare, run, sweep and sensitivity:
 *   local   worker threads here (default);
 *   queue   `--queue redis://…`: BullMQ workers anywhere (queue.ts), collected as they finish;
 *   shard   `--shard K/N`: only slice K of the jobs, saved in the folder's store; the outputs are
 *           written later by `cxsim merge` of all N folders (the command stops after its slice);
 *   merge   the runs the shard folders saved (merge.ts), nothing simulated.
 * Runs are pure functions of their jobs, so outputs are byte-identical whatever the source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Job } from '../experiments/jobs.js';
import { modelHash } from '../experiments/modelHash.js';
import { runJobs } from '../experiments/pool.js';
import { jobHash, openRunStore, type JobRunner } from '../experiments/resume.js';
import { shardIndices, shardLabel, type Shard } from '../experiments/shard.js';
import type { RunResult } from '../model/metrics.js';
import { writeManifest } from '../outputs/write.js';
import { UserError } from '../scenario/errors.js';
import type { Io } from './io.js';

export type RunSource = { kind: 'local' } | { kind: 'queue'; url: string } | { kind: 'shard'; shard: Shard } | { kind: 'merge'; dirs: readonly string[] };

export const LOCAL: RunSource = { kind: 'local' };

/** The source the flags ask for: --shard and --queue together run the slice's jobs on the queue (not supported: one at a time). */
export function sourceOf(flags: { shard?: Shard; queue?: string }): RunSource {
  if (flags.shard && flags.queue) throw new UserError('--shard and --queue: choose one (shards are for batch schedulers, the queue for elastic workers)');
  if (flags.shard) return { kind: 'shard', shard: flags.shard };
  if (flags.queue) return { kind: 'queue', url: flags.queue };
  return LOCAL;
}

/** The runner of a source that simulates (local or queue). */
export function runnerOf(io: Io, source: RunSource, quiet: boolean): JobRunner {
  if (source.kind !== 'queue') return runJobs;
  // BullMQ loads only for a run that uses the queue.
  return async (jobs, opts) =>
    (await import('../experiments/queue.js')).runJobsOnQueue(jobs, {
      url: source.url,
      model: modelHash(),
      onProgress: opts.onProgress,
      onResult: opts.onResult,
      signal: opts.signal,
      onNoWorkers: (queue) => quiet || io.err(`cxsim: ${jobs.length} runs wait in queue ${queue} on ${source.url}; no worker serves it yet: start \`cxsim worker --queue ${source.url}\` on any machine with this version of cxsim`),
    });
}

/** Thrown once a shard's runs are saved: the command writes no outputs; its exit code is 0 and the message says what to do next. */
export class ShardSaved extends UserError {
  override name = 'ShardSaved';
  readonly exitCode = 0;
}

/** What a shard folder's manifest says about its shard. */
export interface ShardRecord {
  index: number;
  count: number;
  /** Runs in this shard and in the whole experiment. */
  runs: number;
  total: number;
}

/** The indices of shard `s` and its jobs. */
export function shardJobs(jobs: readonly Job[], s: Shard): { indices: number[]; jobs: Job[] } {
  const indices = shardIndices(jobs, s);
  return { indices, jobs: indices.map((i) => jobs[i]) };
}

/** Writes a shard folder's manifest: the experiment's draft (so merge can plan it again) and the shard. */
export async function writeShardManifest(dir: string, draft: object, record: ShardRecord): Promise<void> {
  await writeManifest(dir, { ...draft, shard: record, files: [] });
}

/** Reads the manifest of a shard folder. */
export function readShardManifest(dir: string): { manifest: Record<string, unknown> & { shard: ShardRecord; scenarioHash: string; modelHash?: string; command: string[] }; path: string } {
  const path = join(dir, 'manifest.json');
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`${dir}: no shard here (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no manifest.json' : (e as Error).message}); give the --out folders of \`--shard\` runs`);
  }
  const shard = m.shard as ShardRecord | undefined;
  if (m.cxsimManifest !== 1 || !shard || !Number.isInteger(shard.index) || !Number.isInteger(shard.count)) throw new UserError(`${path} is not the manifest of a shard (written by a command run with --shard K/N)`);
  return { manifest: m as never, path };
}

/** Every job's run from the shard folders' stores, in job order; a UserError naming each shard that is missing, doubled or incomplete. */
export function runsFromShards(jobs: readonly Job[], dirs: readonly string[], scenarioHash: string): RunResult[] {
  const shards = dirs.map((dir) => ({ dir, ...readShardManifest(dir).manifest.shard }));
  const count = shards[0].count;
  const problems: string[] = [];
  if (shards.some((s) => s.count !== count)) problems.push(`the folders are shards of different splits (${[...new Set(shards.map((s) => s.count))].join(' and ')} shards)`);
  for (let k = 0; k < count; k++) {
    const at = shards.filter((s) => s.index === k);
    if (at.length === 0) problems.push(`shard ${k}/${count} is missing`);
    if (at.length > 1) problems.push(`shard ${k}/${count} is given twice (${at.map((s) => s.dir).join(', ')})`);
  }
  if (problems.length) throw new UserError(`cannot merge: ${problems.join('; ')}`);
  const results: RunResult[] = new Array(jobs.length);
  for (const s of shards) {
    const slice = shardJobs(jobs, s);
    const store = openRunStore(s.dir, slice.jobs, { scenarioHash });
    try {
      let missing = 0;
      slice.indices.forEach((i, k) => {
        const r = store.finished.get(jobHash(slice.jobs[k]));
        if (r) results[i] = { ...r, strategy: jobs[i].strategy, replication: jobs[i].replication };
        else missing++;
      });
      if (missing) throw new UserError(`cannot merge: shard ${shardLabel(s)} in ${s.dir} has ${slice.jobs.length - missing} of its ${slice.jobs.length} runs; run it again (it resumes) until it finishes`);
    } finally {
      store.close();
    }
  }
  return results;
}
