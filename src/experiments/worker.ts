/**
 * The worker-thread side of the pool: runs one job and hands its series back by transfer (the
 * Float64Arrays' buffers move to the main thread instead of being copied).
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { Job } from './jobs.js';
import { cachedJobRunner } from './networkCache.js';

// One cache per worker thread: jobs arrive replication-major, so consecutive jobs often share a network.
const run = cachedJobRunner();

export default function runJobInWorker(job: Job): unknown {
  const result = run(job);
  const buffers = Object.values(result.series).map((s) => s.buffer);
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return result;
    },
  });
}
