/**
 * Resuming experiments: an append-only JSONL store (runs.jsonl in the output folder) with one
 * line per finished job, so a rerun after a crash or Ctrl-C reads finished runs back instead of
 * rerunning them. Line 1 names the experiment and the model code (modelHash.ts); a store of
 * another experiment, or written by other model code, is refused. Each run line ends with the
 * SHA-256 of the rest of the line: a line that was edited or damaged fails it, is reported, and
 * its run is simulated again.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, ftruncateSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openAppendIn, refuseLinkIn, writeFileIn } from '../files/folder.js';
import { METRIC_KEYS, type RunResult } from '../model/metrics.js';
import { UserError } from '../scenario/errors.js';
import type { Job } from './jobs.js';
import { modelHash } from './modelHash.js';
import { JobsInterrupted, runJobs, type RunJobsOptions } from './pool.js';
import { decodeResult, encodeResult, type EncodedResult } from './resultCodec.js';

export const STORE_FILE = 'runs.jsonl';

interface Header {
  cxsimRuns: 2;
  modelHash: string;
  experiment: string;
  scenarioHash: string;
  jobs: number;
}

export interface RunStore {
  readonly path: string;
  /** Finished runs by job hash. */
  readonly finished: ReadonlyMap<string, RunResult>;
  /** What opening found wrong and repaired (lines failing their checksum), for the user to read. */
  readonly warnings: readonly string[];
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
  /** The model code's hash; default modelHash() (tests pass their own). */
  modelHash?: string;
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

/** The experiment: the model code and every job, in order. */
export function experimentHash(jobs: readonly Job[], model: string): string {
  return sha256([model, ...jobs.map((j) => `${j.key}:${jobHash(j)}`)].join('\n'));
}

/** A run's line: its record with the SHA-256 of the record's JSON appended as the last member. */
export function sealLine(record: object): string {
  const body = JSON.stringify(record);
  return `${body.slice(0, -1)},"sha256":"${sha256(body)}"}`;
}

/** The record of a sealed line, or undefined when the line is torn, edited or damaged (its checksum fails). */
export function openLine<T>(line: string): T | undefined {
  const m = /,"sha256":"([0-9a-f]{64})"}$/.exec(line);
  if (!m) return undefined;
  const body = `${line.slice(0, m.index)}}`;
  return sha256(body) === m[1] ? parseLine<T>(body) : undefined;
}

/**
 * Opens (or starts) the store of `dir` for these jobs: refuses another experiment's store unless
 * fresh; keeps the header and every line that passes its checksum; a torn last line (a crash
 * mid-write) is dropped silently, other failing lines are dropped with a warning, and the file
 * is rewritten without them (atomically) before new runs are appended.
 */
export function openRunStore(dir: string, jobs: readonly Job[], opts: OpenStoreOptions): RunStore {
  const path = join(dir, STORE_FILE);
  const model = opts.modelHash ?? modelHash();
  const header: Header = { cxsimRuns: 2, modelHash: model, experiment: experimentHash(jobs, model), scenarioHash: opts.scenarioHash, jobs: jobs.length };
  refuseLinkIn(dir, STORE_FILE);
  const finished = new Map<string, RunResult>();
  const kept: Buffer[] = [];
  const warnings: string[] = [];
  let rewrite = false;
  if (!opts.fresh && existsSync(path)) {
    // Line by line from a Buffer: a big sweep's store can exceed the longest string V8 allows.
    const bytes = readFileSync(path);
    const lines = lineEnds(bytes);
    const found = lines.length > 0 ? parseLine<StoredHeader>(bytes.toString('utf8', 0, lines[0])) : undefined;
    if (found && (found.cxsimRuns === 1 || found.cxsimRuns === 2)) {
      if (found.cxsimRuns !== 2 || found.modelHash !== header.modelHash || found.experiment !== header.experiment) throw new UserError(mismatch(path, found, header));
      kept.push(bytes.subarray(0, lines[0] + 1));
      let bad = 0;
      // Only complete lines count: bytes after the last newline are a line torn by a crash.
      for (let k = 1; k < lines.length; k++) {
        const record = openLine<{ hash: string; result: EncodedResult }>(bytes.toString('utf8', lines[k - 1] + 1, lines[k]));
        const result = record && decodeResult(record.result, METRIC_KEYS);
        if (!record || !result) {
          bad++;
          continue;
        }
        finished.set(record.hash, result);
        kept.push(bytes.subarray(lines[k - 1] + 1, lines[k] + 1));
      }
      if (bad > 0) warnings.push(`${path}: ${bad} saved run${bad === 1 ? '' : 's'} failed ${bad === 1 ? 'its' : 'their'} checksum (edited or damaged) and will be simulated again`);
      rewrite = bad > 0;
    } else if (bytes.length > 0) {
      warnings.push(`${path} was not a cxsim run store (its first line names no experiment); it is replaced`);
    }
  }
  if (kept.length === 0) writeFileIn(dir, STORE_FILE, JSON.stringify(header) + '\n');
  else if (rewrite) writeFileIn(dir, STORE_FILE, Buffer.concat(kept));
  const fd = openAppendIn(dir, STORE_FILE);
  // Drops a torn last line (bytes after the last complete line kept).
  if (kept.length > 0 && !rewrite) ftruncateSync(fd, kept.reduce((n, b) => n + b.length, 0));
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    path,
    finished,
    warnings,
    append(job, hash, result) {
      // One write per line, so a crash can tear only the last line, which the next open drops.
      const line = Buffer.from(sealLine({ key: job.key, hash, result: encodeResult(result) }) + '\n');
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

/** A header as found on disk: this format (2), or the first one (1), which named the cxsim version instead of the model code. */
type StoredHeader = Omit<Partial<Header>, 'cxsimRuns'> & { cxsimRuns?: number; cxsimVersion?: string };

function mismatch(path: string, found: StoredHeader, mine: Header): string {
  const what =
    found.cxsimRuns !== 2 || found.modelHash !== mine.modelHash
      ? `other model code (${found.cxsimVersion ? `cxsim ${found.cxsimVersion}` : `model hash ${String(found.modelHash).slice(0, 12)}…`}; this model's hash is ${mine.modelHash.slice(0, 12)}…): its runs would not be this model's`
      : found.scenarioHash !== mine.scenarioHash
        ? `a different scenario (hash ${String(found.scenarioHash).slice(0, 12)}…, this one ${mine.scenarioHash.slice(0, 12)}…)`
        : 'the same scenario with different settings (parameters, design, points, strategy, replications, seed or days)';
  return `${path} holds finished runs of another experiment, written by ${what}; rerun with --fresh to discard them, or write to another --out folder`;
}

/**
 * runJobs over the jobs the store has not finished; finished ones are read back (relabelled with
 * the job's strategy and replication), new ones appended as they finish. Results in job order.
 */
/** Runs jobs the way runJobs does (results in job order, onResult per run): on threads here, or elsewhere (queue.ts). */
export type JobRunner = (jobs: readonly Job[], opts: RunJobsOptions) => Promise<RunResult[]>;

export async function runJobsResumable(jobs: readonly Job[], store: RunStore, opts: RunJobsOptions = {}, runner: JobRunner = runJobs): Promise<RunResult[]> {
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
    const ran = await runner(
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
