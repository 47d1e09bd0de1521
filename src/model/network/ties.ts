/**
 * Tie strength (Goldenberg, Libai & Muller 2001, "Talk of the network"): strong ties within a
 * personal network, weak ties across personal networks. A tie is **strong** when its two ends
 * share at least one contact (it sits inside a cluster: a triangle) and **weak** when they share
 * none (a bridge between two personal networks, Granovetter 1973; Shi, Adamic & Strauss 2007 use the
 * same definition). On a Watts–Strogatz graph
 * the lattice ties are strong and almost every rewired shortcut is weak (share ≈ β); the rule
 * needs no knowledge of how a graph was built, so it holds for every generator.
 *
 * Stored CSR-parallel: strong[e] = 1 for arc e of `csr.neighbors` (both arcs of an edge agree).
 * Deterministic (no random draws); computed once per network and cached.
 */
import type { Csr } from './csr.js';

const cache = new WeakMap<Csr, Uint8Array>();

/** 1 per arc whose two ends share a contact; arcs in CSR order. O(Σ over edges of deg u + deg v). */
export function strongTies(csr: Csr): Uint8Array {
  const cached = cache.get(csr);
  if (cached) return cached;
  const { n, offsets, neighbors } = csr;
  const strong = new Uint8Array(neighbors.length);
  for (let u = 0; u < n; u++) {
    const su = offsets[u], eu = offsets[u + 1];
    for (let e = su; e < eu; e++) {
      const v = neighbors[e];
      if (v < u) continue; // each edge once; its mirror arc is set below
      // Rows are sorted: a merge finds a common contact.
      let a = su, b = offsets[v];
      const eb = offsets[v + 1];
      let shared = 0;
      while (a < eu && b < eb) {
        const x = neighbors[a], y = neighbors[b];
        if (x === y) { shared = 1; break; }
        if (x < y) a++;
        else b++;
      }
      if (shared === 1) {
        strong[e] = 1;
        strong[mirror(csr, v, u)] = 1;
      }
    }
  }
  cache.set(csr, strong);
  return strong;
}

/** Index of arc (v → u) in v's sorted row (binary search). */
function mirror(csr: Csr, v: number, u: number): number {
  let lo = csr.offsets[v], hi = csr.offsets[v + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1, x = csr.neighbors[mid];
    if (x === u) return mid;
    if (x < u) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`strongTies: edge (${u}, ${v}) has no mirror arc`);
}

/** Share of ties (edges) that are strong. */
export function strongShare(strong: Uint8Array): number {
  if (strong.length === 0) return 0;
  let s = 0;
  for (let e = 0; e < strong.length; e++) s += strong[e];
  return s / strong.length;
}
