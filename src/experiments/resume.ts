/**
 * Resuming experiments: an append-only JSONL store (runs.jsonl in the output folder) with one
 * line per finished job, so a rerun after a crash or Ctrl-C reads finished runs back instead of
 * rerunning them. Line 1 names the experiment; a store of another experiment is refused.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC_KEYS, type RunResult } from '../model/metrics.js';
import { UserError } from '../scenario/errors.js';
import { VERSION } from '../version.js';
import type { Job } from './jobs.js';
import { JobsInterrupted, runJobs, type RunJobsOptions } from './pool.js';
import { decodeResult, encodeResult, type EncodedResult } from './resultCodec.js';

export const STORE_FILE = 'runs.jsonl';

interface Header {
  cxsimRuns: 1;
  cxsimVersion: string;
  experiment: string;
  scenarioHash: string;
  jobs: number;
}

export interface RunStore {
  readonly path: string;
  /** Finished runs by job hash. */
  readonly finished: ReadonlyMap<string, RunResult>;
  append(job: Job, hash: string, result: RunResult): void;
  close(): void;
  /** Closes and deletes the store (a command whose outputs are complete no longer needs it). */
  remove(): void;
}

export interface OpenStoreOptions {
  /** Hash of the scenario as resolved: a store of another scenario is refused with this in the message. */
  scenarioHash: string;
  /** Discard whatever the folder's store holds. */
  fresh?: boolean;
}

/** JSON with object keys sorted at every depth: equal values hash equally whatever their key order. */
function stableJson(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => (v === null || typeof v !== 'object' || Array.isArray(v) ? v : Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What makes a run what it is: parameters, seed, replication and horizon (not its key or label). */
export function jobHash(job: Job): string {
  return sha256(stableJson({ params: job.params, seed: job.seed, replication: job.replication, days: job.days }));
}

/** The experiment: cxsim version and every job, in order. */
export function experimentHash(jobs: readonly Job[]): string {
  return sha256([VERSION, ...jobs.map((j) => `${j.key}:${jobHash(j)}`)].join('\n'));
}

/** Opens (or starts) the store of `dir` for these jobs; repairs a torn last line; refuses another experiment's store unless fresh. */
export function openRunStore(dir: string, jobs: readonly Job[], opts: OpenStoreOptions): RunStore {
  const path = join(dir, STORE_FILE);
  const header: Header = { cxsimRuns: 1, cxsimVersion: VERSION, experiment: experimentHash(jobs), scenarioHash: opts.scenarioHash, jobs: jobs.length };
  mkdirSync(dir, { recursive: true });
  const finished = new Map<string, RunResult>();
  let keep = 0; // bytes of the file worth keeping: the header and every complete, readable line
  if (!opts.fresh && existsSync(path)) {
    // Line by line from a Buffer: a big sweep's store can exceed the longest string V8 allows.
    const bytes = readFileSync(path);
    const lines = lineEnds(bytes);
    const found = lines.length > 0 ? parseLine<Header>(bytes.toString('utf8', 0, lines[0])) : undefined;
    if (found?.cxsimRuns === 1) {
      if (found.experiment !== header.experiment) throw new UserError(mismatch(path, found, header));
      keep = lines[0] + 1;
      // Only complete lines count: bytes after the last newline are a line torn by a crash.
      for (let k = 1; k < lines.length; k++) {
        const record = parseLine<{ hash: string; result: EncodedResult }>(bytes.toString('utf8', lines[k - 1] + 1, lines[k]));
        const result = record && decodeResult(record.result, METRIC_KEYS);
        if (!record || !result) continue;
        finished.set(record.hash, result);
        keep = lines[k] + 1;
      }
    }
  }
  if (keep > 0) truncateSync(path, keep);
  const fd = openSync(path, keep > 0 ? 'a' : 'w');
  if (keep === 0) writeSync(fd, JSON.stringify(header) + '\n');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    path,
    finished,
    append(job, hash, result) {
      // One write per line, so a crash can tear only the last line, which the next open drops.
      const line = Buffer.from(JSON.stringify({ key: job.key, hash, result: encodeResult(result) }) + '\n');
      for (let at = 0; at < line.length; ) at += writeSync(fd, line, at);
      finished.set(hash, result);
    },
    close,
    remove() {
      close();
      rmSync(path, { force: true });
    },
  };
}

/** Offsets of every newline byte. */
function lineEnds(bytes: Buffer): number[] {
  const ends: number[] = [];
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) ends.push(at);
  return ends;
}

function parseLine<T>(line: string | undefined): T | undefined {
  if (!line) return undefined;
  try {
    return JSON.parse(line) as T;
  } catch {
    return undefined;
  }
}

function mismatch(path: string, found: Header, mine: Header): string {
  const what =
    found.cxsimVersion !== mine.cxsimVersion
      ? `cxsim ${found.cxsimVersion} (this is ${mine.cxsimVersion})`
      : found.scenarioHash !== mine.scenarioHash
        ? `a different scenario (hash ${found.scenarioHash.slice(0, 12)}…, this one ${mine.scenarioHash.slice(0, 12)}…)`
        : 'the same scenario with different settings (parameters, design, points, strategy, replications, seed or days)';
  return `${path} holds finished runs of another experiment, written by ${what}; rerun with --fresh to discard them, or write to another --out folder`;
}

/**
 * runJobs over the jobs the store has not finished; finished ones are read back (relabelled with
 * the job's strategy and replication), new ones appended as they finish. Results in job order.
 */
export async function runJobsResumable(jobs: readonly Job[], store: RunStore, opts: RunJobsOptions = {}): Promise<RunResult[]> {
  const hashes = jobs.map(jobHash);
  const results: RunResult[] = new Array(jobs.length);
  const todo: number[] = [];
  hashes.forEach((h, i) => {
    const r = store.finished.get(h);
    if (r) results[i] = { ...r, strategy: jobs[i].strategy, replication: jobs[i].replication };
    else todo.push(i);
  });
  const reused = jobs.length - todo.length;
  if (reused > 0) opts.onProgress?.(reused, jobs.length);
  try {
    const ran = await runJobs(
      todo.map((i) => jobs[i]),
      {
        ...opts,
        onProgress: (done) => opts.onProgress?.(reused + done, jobs.length),
        onResult: async (k, r) => {
          store.append(jobs[todo[k]], hashes[todo[k]], r);
          await opts.onResult?.(todo[k], r);
        },
      },
    );
    todo.forEach((i, k) => (results[i] = ran[k]));
    return results;
  } catch (e) {
    if (e instanceof JobsInterrupted) throw new JobsInterrupted(reused + e.finished, jobs.length);
    throw e;
  }
}
