/** A uniformly random ordering of 0…n−1 (Fisher–Yates), for experimental designs. */
import type { Rng } from './streams.js';

export function permutation(n: number, rng: Rng): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}
