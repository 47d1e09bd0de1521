/**
 * Runs an experiment's jobs for a command inside its output folder: one cxsim per folder (a lock),
 * resumes from the folder's runs.jsonl, shows progress by finished runs, and on Ctrl-C stops
 * scheduling, lets running jobs finish and be saved, says how to resume and exits 130 (a second
 * Ctrl-C quits at once). The store outlives the runs: a command removes it only once its outputs
 * and manifest are written, so a crash or Ctrl-C while writing loses no run.
 */
import { cleanTemporaries, refuseLinkIn } from '../files/folder.js';
import { lockFolder } from '../files/lock.js';
import type { Job } from '../experiments/jobs.js';
import { JobsInterrupted } from '../experiments/pool.js';
import { jobHash, openRunStore, runJobsResumable, type RunStore } from '../experiments/resume.js';
import type { RunResult } from '../model/metrics.js';
import { UserError } from '../scenario/errors.js';
import type { Io } from './io.js';
import { createProgress } from './progress.js';
import { LOCAL, runnerOf, runsFromShards, shardJobs, ShardSaved, writeShardManifest, type RunSource } from './sources.js';

export interface StoredRun {
  jobs: readonly Job[];
  dir: string;
  scenarioHash: string;
  fresh: boolean;
  workers?: number;
  quiet: boolean;
  label: string;
  /** Where the runs come from (sources.ts): threads here (default), a queue, a shard's slice, or shard folders. */
  source?: RunSource;
  /** The jobs that name the store (default: jobs). --precision opens it for the cap's jobs and runs fewer. */
  storeJobs?: readonly Job[];
  /** The draft manifest: a shard writes it beside its runs, for merge. */
  draft?: object;
}

/** Exit code of a process stopped by Ctrl-C (128 + SIGINT). */
export const INTERRUPTED_EXIT_CODE = 130;

export class Interrupted extends UserError {
  override name = 'Interrupted';
  readonly exitCode = INTERRUPTED_EXIT_CODE;
}

/**
 * Runs `work` (runs and outputs of one command) holding the lock of `dir`, after clearing
 * temporary files an interrupted writer left there. Once `work` calls `writing()` (its runs are
 * done), Ctrl-C exits 130 at once, saying that the finished runs are kept (`storesRuns`) and how to write them;
 * files are written aside and renamed, so none is left half-written.
 */
export async function inOutputFolder<T>(io: Io, dir: string, work: (writing: () => void) => Promise<T>, storesRuns = true): Promise<T> {
  const lock = lockFolder(dir, ['cxsim', ...io.argv].join(' '));
  let onSigint: (() => void) | undefined;
  const writing = () => {
    if (onSigint) return;
    onSigint = () => {
      lock.release();
      const kept = storesRuns ? 'the finished runs are kept there (runs.jsonl): run the same command again to write them' : 'run the same command again';
      io.err(`\ncxsim: interrupted while writing the outputs to ${dir}/; ${kept}:\n  ${resumeCommand(io.argv)}`);
      process.exit(INTERRUPTED_EXIT_CODE);
    };
    process.on('SIGINT', onSigint);
  };
  try {
    // Refused before any run rather than when the charts are written.
    refuseLinkIn(dir, 'charts');
    cleanTemporaries(dir, ['charts']);
    return await work(writing);
  } finally {
    if (onSigint) process.off('SIGINT', onSigint);
    lock.release();
  }
}

export interface Stored {
  results: RunResult[];
  /** The store, closed; the caller removes it once its outputs are written (or keeps it: sweeps). */
  store: RunStore;
}

/** What merge hands back instead of a store: there is none in the merged folder. */
const NO_STORE: RunStore = { path: '', finished: new Map(), warnings: [], append: () => {}, close: () => {}, remove: () => {} };

export async function runStored(io: Io, x: StoredRun): Promise<Stored> {
  const source = x.source ?? LOCAL;
  if (source.kind === 'merge') return { results: runsFromShards(x.jobs, source.dirs, x.scenarioHash), store: NO_STORE };
  const slice = source.kind === 'shard' ? shardJobs(x.jobs, source.shard) : undefined;
  const jobs = slice?.jobs ?? x.jobs;
  const store = openRunStore(x.dir, x.storeJobs ?? jobs, { scenarioHash: x.scenarioHash, fresh: x.fresh });
  for (const w of store.warnings) io.err(`cxsim: warning: ${w}`);
  const reused = jobs.filter((j) => store.finished.has(jobHash(j))).length;
  if (!x.quiet && reused > 0) io.err(`${x.label}: resuming from ${store.path} (${reused} of ${jobs.length} runs already finished)`);
  const progress = createProgress(io, x.label, x.quiet, 'runs');
  const controller = new AbortController();
  let presses = 0;
  const onSigint = () => {
    if (++presses > 1) process.exit(INTERRUPTED_EXIT_CODE);
    controller.abort();
    progress.stop();
    io.err(`\n${x.label}: stopping — letting running jobs finish and saving them (Ctrl-C again to quit at once)`);
  };
  process.on('SIGINT', onSigint);
  try {
    const results = await runJobsResumable(jobs, store, { workers: x.workers, signal: controller.signal, onProgress: (done, total) => !controller.signal.aborted && progress.update(done, total) }, runnerOf(io, source, x.quiet));
    if (source.kind === 'shard') {
      const s = source.shard;
      await writeShardManifest(x.dir, x.draft ?? {}, { index: s.index, count: s.count, runs: jobs.length, total: x.jobs.length });
      throw new ShardSaved(`shard ${s.index}/${s.count}: ${jobs.length} of ${x.jobs.length} runs saved in ${store.path}; once all ${s.count} shards have run, write the outputs with:\n  cxsim merge <the ${s.count} shard folders> --out <folder>`);
    }
    return { results, store };
  } catch (e) {
    if (e instanceof JobsInterrupted) throw new Interrupted(`interrupted: ${e.finished} of ${e.total} runs finished and saved in ${store.path}; run the same command again to resume:\n  ${resumeCommand(io.argv)}`);
    throw e;
  } finally {
    store.close();
    process.off('SIGINT', onSigint);
    progress.stop();
  }
}

/** The command as typed, minus --fresh (which would throw the saved runs away). */
function resumeCommand(argv: readonly string[]): string {
  const args = argv.filter((a) => a !== '--fresh' && a !== '--fresh=true');
  return ['cxsim', ...args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))].join(' ');
}
