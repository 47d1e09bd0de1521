/**
 * A Bernoulli(h) process along an index (people, in index order), sampled by geometric
 * skipping: the gaps between successes of independent Bernoulli(h) trials are Geometric(h),
 * so one draw per success replaces one draw per trial — the same distribution, far fewer
 * random numbers when h is small.
 */
import type { Rng } from './streams.js';

export interface Skipper {
  h: number;
  logMiss: number; // ln(1 − h)
  next: number; // the next index that succeeds
}

/** First success at index ≥ 0. */
export function newSkipper(h: number, rng: Rng): Skipper {
  const s: Skipper = { h, logMiss: Math.log1p(-h), next: 0 };
  s.next = successAfter(s, -1, rng);
  return s;
}

/** The next success after index i: i + 1 + Geometric(h) failures. */
export function successAfter(s: Skipper, i: number, rng: Rng): number {
  if (s.h <= 0) return Infinity;
  if (s.h >= 1) return i + 1;
  return i + 1 + Math.floor(Math.log(1 - rng()) / s.logMiss);
}

/**
 * Whether the process succeeds at index i. Indices must be asked in increasing order; a
 * success that fell on an index nobody asked about (someone with another hazard) is passed over.
 */
export function hitsAt(s: Skipper, i: number, rng: Rng): boolean {
  if (s.next > i) return false;
  while (s.next < i) s.next = successAfter(s, s.next, rng);
  if (s.next !== i) return false;
  s.next = successAfter(s, i, rng);
  return true;
}
