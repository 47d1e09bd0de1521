/**
 * Runs an experiment's jobs for a command: resumes from the output folder's runs.jsonl, shows
 * progress by finished runs, and on Ctrl-C stops scheduling, lets running jobs finish and be
 * saved, says how to resume and exits 130 (a second Ctrl-C quits at once).
 */
import type { Job } from '../experiments/jobs.js';
import { JobsInterrupted } from '../experiments/pool.js';
import { jobHash, openRunStore, runJobsResumable } from '../experiments/resume.js';
import type { RunResult } from '../model/metrics.js';
import { UserError } from '../scenario/errors.js';
import type { Io } from './io.js';
import { createProgress } from './progress.js';

export interface StoredRun {
  jobs: readonly Job[];
  dir: string;
  scenarioHash: string;
  fresh: boolean;
  workers?: number;
  quiet: boolean;
  label: string;
  /** Keep runs.jsonl once every job has run (sweeps: re-render with another metric at no cost); else it is deleted. */
  keepStore: boolean;
}

/** Exit code of a process stopped by Ctrl-C (128 + SIGINT). */
export const INTERRUPTED_EXIT_CODE = 130;

export class Interrupted extends UserError {
  override name = 'Interrupted';
  readonly exitCode = INTERRUPTED_EXIT_CODE;
}

export async function runStored(io: Io, x: StoredRun): Promise<RunResult[]> {
  const store = openRunStore(x.dir, x.jobs, { scenarioHash: x.scenarioHash, fresh: x.fresh });
  const reused = x.jobs.filter((j) => store.finished.has(jobHash(j))).length;
  if (!x.quiet && reused > 0) io.err(`${x.label}: resuming from ${store.path} (${reused} of ${x.jobs.length} runs already finished)`);
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
    const results = await runJobsResumable(x.jobs, store, { workers: x.workers, signal: controller.signal, onProgress: (done, total) => !controller.signal.aborted && progress.update(done, total) });
    if (x.keepStore) store.close();
    else store.remove();
    return results;
  } catch (e) {
    store.close();
    if (e instanceof JobsInterrupted) throw new Interrupted(`interrupted: ${e.finished} of ${e.total} runs finished and saved in ${store.path}; run the same command again to resume:\n  ${resumeCommand(io.argv)}`);
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    progress.stop();
  }
}

/** The command as typed, minus --fresh (which would throw the saved runs away). */
function resumeCommand(argv: readonly string[]): string {
  const args = argv.filter((a) => a !== '--fresh' && a !== '--fresh=true');
  return ['cxsim', ...args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))].join(' ');
}
