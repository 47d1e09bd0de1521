/**
 * A Bernoulli(h) process along an index (people, in index order). When h is small it is
 * sampled by geometric skipping: the gaps between successes of independent Bernoulli(h)
 * trials are Geometric(h), so one draw (and one log) per success replaces one draw per trial.
 * Successes landing on indices nobody asks about (people with another hazard) are passed over,
 * so skipping pays only while h is small against the share of indices asked about; otherwise
 * each asked index gets its own uniform. Both give exactly the same distribution.
 */
import type { Rng } from './streams.js';

export interface Skipper {
  h: number;
  logMiss: number; // ln(1 − h)
  direct: boolean; // one uniform per asked index instead of skipping
  next: number; // skipping: the next index that succeeds
}

/** A log and a draw per success cost about two plain draws. */
const SUCCESS_COST = 2;

/**
 * A process with success probability h, about to be asked about a share `askedShare` of the
 * indices 0…n−1 (in increasing order).
 */
export function newSkipper(h: number, rng: Rng, askedShare = 1): Skipper {
  const direct = h > 0 && h < 1 && h * SUCCESS_COST > askedShare;
  const s: Skipper = { h, logMiss: Math.log1p(-h), direct, next: 0 };
  if (!direct) s.next = successAfter(s, -1, rng);
  return s;
}

/** The next success after index i: i + 1 + Geometric(h) failures. */
export function successAfter(s: Skipper, i: number, rng: Rng): number {
  if (s.h <= 0) return Infinity;
  if (s.h >= 1) return i + 1;
  return i + 1 + Math.floor(Math.log(1 - rng()) / s.logMiss);
}

/** Whether the process succeeds at index i. Indices must be asked in increasing order. */
export function hitsAt(s: Skipper, i: number, rng: Rng): boolean {
  if (s.direct) return rng() < s.h;
  if (s.next > i) return false;
  while (s.next < i) s.next = successAfter(s, s.next, rng);
  if (s.next !== i) return false;
  s.next = successAfter(s, i, rng);
  return true;
}

/** Failures before the next success of Bernoulli trials with ln(1 − h) = logMiss: Geometric(h). */
export const geometricGap = (logMiss: number, rng: Rng): number => Math.floor(Math.log(1 - rng()) / logMiss);

/**
 * Visits the successes k ∈ [0, count) of independent Bernoulli(h) trials in increasing order:
 * by geometric skipping while h is small against `askedShare` (the share of visited indices
 * the caller will not pass over), else with one uniform per index.
 */
export function forEachHit(h: number, count: number, rng: Rng, visit: (k: number) => void, askedShare = 1): void {
  if (!(h > 0) || count <= 0) return;
  if (h >= 1) {
    for (let k = 0; k < count; k++) visit(k);
  } else if (h * SUCCESS_COST > askedShare) {
    for (let k = 0; k < count; k++) if (rng() < h) visit(k);
  } else {
    const logMiss = Math.log1p(-h);
    for (let k = geometricGap(logMiss, rng); k < count; k += 1 + geometricGap(logMiss, rng)) visit(k);
  }
}
