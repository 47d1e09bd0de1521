/** Standard normal draws for personal traits (disposition, log-normal talkativeness and margin). */
import type { Rng } from './streams.js';

/** Box–Muller; one of the pair is discarded so every call consumes exactly two uniforms. */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1] so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
