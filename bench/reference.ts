/**
 * Minimal typed-array implementations of the bass benchmark workload, exactly as defined in
 * the benchmark document: the yardstick the engine is compared with in `npm run bench`, and
 * an independent reference the test suite checks the engine's bass scenario against.
 * Synchronous update; the same generator (Alea) as the engine, so the ratio measures the
 * engine's overhead, not a difference in random number generators.
 */
import type { Csr } from '../src/model/network/csr.js';

export interface BassParams {
  p: number;
  q: number;
  steps: number;
}

/** Network variant, incremental neighbour counts: adopted fraction after every step. */
export function bassNetwork(csr: Csr, { p, q, steps }: BassParams, rand: () => number): Float64Array {
  const n = csr.n;
  const { offsets, neighbors } = csr;
  const adopted = new Uint8Array(n);
  const count = new Int32Array(n); // adopted neighbours at the start of the step
  const newly = new Int32Array(n);
  const share = new Float64Array(steps + 1);
  let total = 0;
  for (let t = 1; t <= steps; t++) {
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (adopted[i] === 1) continue;
      const degree = offsets[i + 1] - offsets[i];
      if (rand() < p + (q * count[i]) / degree) newly[k++] = i;
    }
    for (let c = 0; c < k; c++) {
      const i = newly[c];
      adopted[i] = 1;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) count[neighbors[e]]++;
    }
    total += k;
    share[t] = total / n;
  }
  return share;
}

/** Network variant, rescanning each non-adopter's neighbours every step (the simplest loop). */
export function bassNetworkRescan(csr: Csr, { p, q, steps }: BassParams, rand: () => number): Float64Array {
  const n = csr.n;
  const { offsets, neighbors } = csr;
  const adopted = new Uint8Array(n); // 1 adopted before this step, 2 adopted in this step
  const share = new Float64Array(steps + 1);
  let total = 0;
  for (let t = 1; t <= steps; t++) {
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (adopted[i] !== 0) continue;
      let a = 0;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) if (adopted[neighbors[e]] === 1) a++;
      if (rand() < p + (q * a) / (offsets[i + 1] - offsets[i])) { adopted[i] = 2; k++; }
    }
    for (let i = 0; i < n; i++) if (adopted[i] === 2) adopted[i] = 1;
    total += k;
    share[t] = total / n;
  }
  return share;
}

/** Fully mixed variant: adopted fraction after every step. */
export function bassMixed(n: number, { p, q, steps }: BassParams, rand: () => number): Float64Array {
  const adopted = new Uint8Array(n);
  const share = new Float64Array(steps + 1);
  let total = 0;
  for (let t = 1; t <= steps; t++) {
    const h = p + (q * total) / n;
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (adopted[i] === 0 && rand() < h) { adopted[i] = 2; k++; }
    }
    for (let i = 0; i < n; i++) if (adopted[i] === 2) adopted[i] = 1;
    total += k;
    share[t] = total / n;
  }
  return share;
}
