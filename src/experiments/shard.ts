/**
 * Shards for batch schedulers: `--shard K/N` runs slice K (0 ≤ K < N) of an experiment's jobs,
 * the same slice on every machine for the same experiment, so N array tasks of Slurm or a
 * Kubernetes Indexed Job cover every job exactly once. K can come from the scheduler's
 * environment: `--shard N` takes it from SLURM_ARRAY_TASK_ID (Slurm arrays, numbered from 0 as
 * in `--array=0-(N-1)`) or JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs).
 *
 * Slices are contiguous blocks of the jobs in replication-major order, sizes differing by at most
 * one: jobs that share a social network (same replication) mostly stay on one machine, which
 * then builds that network once.
 */
import { UserError } from '../scenario/errors.js';
import type { Job } from './jobs.js';

export interface Shard {
  index: number;
  count: number;
}

/** Environment variables that carry the index of an array task, in the order they are looked at. */
export const SHARD_INDEX_VARIABLES = ['SLURM_ARRAY_TASK_ID', 'JOB_COMPLETION_INDEX'] as const;

const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

/** `K/N`, or `N` with K from the scheduler's environment; a UserError saying what is wrong. */
export function parseShard(text: string, env: Readonly<Record<string, string | undefined>> = process.env): Shard {
  const parts = text.split('/');
  if (parts.length > 2) throw new UserError(`--shard: expected K/N (e.g. 0/3) or N with the index from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX, got \`${text}\``);
  const count = whole(parts.at(-1)!);
  if (!(count >= 1)) throw new UserError(`--shard: the number of shards must be a whole number ≥ 1, got \`${parts.at(-1)}\``);
  let index: number;
  if (parts.length === 2) index = whole(parts[0]);
  else {
    const from = SHARD_INDEX_VARIABLES.find((v) => env[v] !== undefined && env[v] !== '');
    if (!from) throw new UserError(`--shard ${text}: no shard index; give it as --shard K/${count}, or run as an array task (SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX set)`);
    index = whole(env[from]!);
    if (!(index >= 0)) throw new UserError(`--shard ${text}: ${from}=${env[from]} is not a shard index`);
  }
  if (!(index >= 0 && index < count)) throw new UserError(`--shard: the index must be 0 to ${count - 1} for ${count} shard${count === 1 ? '' : 's'}, got ${parts.length === 2 ? parts[0] : index}${parts.length === 1 ? ' (from the environment; Slurm arrays must start at 0: --array=0-' + (count - 1) + ')' : ''}`);
  return { index, count };
}

/** Replication-major, stable: the order jobs are dispatched in (pool.ts). */
const byReplication = (jobs: readonly Job[]) => jobs.map((_, i) => i).sort((a, b) => jobs[a].seed - jobs[b].seed || jobs[a].replication - jobs[b].replication || a - b);

/** Indices (into `jobs`) of shard `s`, ascending: contiguous in replication-major order, sizes within one of each other. */
export function shardIndices(jobs: readonly Job[], s: Shard): number[] {
  const order = byReplication(jobs);
  const start = Math.floor((s.index * order.length) / s.count), end = Math.floor(((s.index + 1) * order.length) / s.count);
  return order.slice(start, end).sort((a, b) => a - b);
}

export const shardLabel = (s: Shard): string => `${s.index}/${s.count}`;
