/** Watts–Strogatz small-world network (ring lattice with rewired edges), the default word-of-mouth topology. */
import { type Csr, fromEdgeList } from './csr.js';
import { assertGraphParams } from './params.js';

/**
 * Same algorithm as networkx.watts_strogatz_graph: ring lattice with k/2 neighbours per side, then each lattice
 * edge (u, u+j) is replaced by (u, w), w uniform, with probability beta; w is redrawn while w = u or (u, w)
 * already exists. The edge count stays n·k/2 and u keeps its degree.
 *
 * Draw order (callers rely on "same seed → same graph"): for j = 1…k/2, for u = 0…n−1, exactly one draw
 * `rand() < beta` decides the rewiring of (u, u+j mod n) — always drawn, even for beta = 0 or 1; if it rewires and
 * u is not already linked to all n−1 others (then it is skipped, as networkx does, since no w exists), draws
 * w = floor(rand()·n) repeat until w is legal.
 *
 * Duplicate check without a general edge set: lattice edges are only ever removed (each once, when processed) and
 * rewired edges only ever added (never processed again). Slot (u, j) of `rewiredTo` holds w once (u, u+j) has
 * become (u, w), else -1; so (x, y) exists iff they are lattice neighbours whose slot is still -1, or y sits in
 * x's k/2 slots, or x in y's. Slots are node-major: x's slots are hot (x advances sequentially) and y's are one
 * cache line. Measured at n = 10⁶, k = 10 against an open-addressing hash set of edge keys: as fast or faster
 * (β = 1: 1.9–2.9 s vs 2.4–4.0 s on a loaded 2-core box) with 20 MB instead of 128 MB of lookup memory.
 */
export function wattsStrogatz(n: number, k: number, beta: number, rand: () => number): Csr {
  assertGraphParams('wattsStrogatz', n, k);
  if (!(beta >= 0 && beta <= 1)) throw new Error(`wattsStrogatz: rewiring probability beta must be in [0, 1], got ${beta}`);
  const half = k / 2, m = n * half; // k < n − 1 so half < n/2: lattice offsets j and n − j never coincide
  const rewiredTo = new Int32Array(m).fill(-1); // slot u·half + (j−1)
  const degrees = new Int32Array(n).fill(k);

  const linked = (x: number, y: number): boolean => {
    for (let s = x * half, end = s + half; s < end; s++) if (rewiredTo[s] === y) return true;
    for (let s = y * half, end = s + half; s < end; s++) if (rewiredTo[s] === x) return true;
    let d = y - x;
    if (d < 0) d += n;
    if (d <= half) return rewiredTo[x * half + d - 1] === -1;
    d = n - d;
    if (d <= half) return rewiredTo[y * half + d - 1] === -1;
    return false;
  };

  for (let j = 1; j <= half; j++) {
    for (let u = 0; u < n; u++) {
      if (!(rand() < beta) || degrees[u] >= n - 1) continue;
      let w: number;
      do w = Math.floor(rand() * n);
      while (w === u || linked(u, w));
      rewiredTo[u * half + j - 1] = w;
      degrees[u + j < n ? u + j : u + j - n]--;
      degrees[w]++;
    }
  }

  const us = new Int32Array(m), vs = new Int32Array(m); // ascending u, which keeps fromEdgeList's rows nearly sorted
  for (let u = 0, e = 0; u < n; u++) {
    for (let j = 1; j <= half; j++, e++) {
      us[e] = u;
      vs[e] = rewiredTo[e] >= 0 ? rewiredTo[e] : u + j < n ? u + j : u + j - n;
    }
  }
  return fromEdgeList(n, us, vs, m);
}
