/// <reference lib="dom" />
/**
 * The studio's web worker: runs simulation jobs with the same engine and network cache as the
 * Node worker threads, so a job gives the same numbers here as in `cxsim compare`.
 */
import { cachedJobRunner } from '../../experiments/networkCache.js';
import type { Job } from '../../experiments/jobs.js';

const run = cachedJobRunner();

self.onmessage = (e: MessageEvent<{ id: number; job: Job }>) => {
  const { id, job } = e.data;
  try {
    (self as unknown as Worker).postMessage({ id, result: run(job) });
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
