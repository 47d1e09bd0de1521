/**
 * The worker-thread side of the pool: runs one job and hands its series back by transfer (the
 * Float64Arrays' buffers move to the main thread instead of being copied). PING answers at once:
 * the pool times how long a thread takes to start.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { Job } from './jobs.js';
import { cachedJobRunner } from './networkCache.js';

export const PING = 'ping';

// One cache per worker thread: a lane gets the jobs that share a network.
const run = cachedJobRunner();

export default function runJobInWorker(job: Job | typeof PING): unknown {
  if (job === PING) return PING;
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
