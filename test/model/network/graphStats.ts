/** Graph statistics computed straight from a CSR (clustering, BFS path lengths, degree tail) for the network tests. */
import type { Csr } from '../../../src/model/network/csr.js';

/** Mean of the local clustering coefficients; nodes with degree < 2 count as 0 (networkx.average_clustering). */
export function averageClustering(g: Csr): number {
  const { n, offsets, neighbors } = g;
  const mark = new Int32Array(n).fill(-1);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = offsets[i + 1] - offsets[i];
    if (d < 2) continue;
    for (let a = offsets[i]; a < offsets[i + 1]; a++) mark[neighbors[a]] = i;
    let closed = 0; // each link among i's neighbours is seen from both ends
    for (let a = offsets[i]; a < offsets[i + 1]; a++) {
      const j = neighbors[a];
      for (let b = offsets[j]; b < offsets[j + 1]; b++) if (mark[neighbors[b]] === i) closed++;
    }
    sum += closed / (d * (d - 1));
  }
  return n === 0 ? 0 : sum / n;
}

/** BFS distances from source; -1 for unreachable. */
export function bfs(g: Csr, source: number): Int32Array {
  const dist = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  let head = 0, tail = 0;
  dist[source] = 0;
  queue[tail++] = source;
  while (head < tail) {
    const x = queue[head++];
    for (let a = g.offsets[x]; a < g.offsets[x + 1]; a++) {
      const y = g.neighbors[a];
      if (dist[y] < 0) {
        dist[y] = dist[x] + 1;
        queue[tail++] = y;
      }
    }
  }
  return dist;
}

/** Mean shortest-path length from evenly spaced sources to every other node; throws if the graph is disconnected. */
export function meanPathLength(g: Csr, sources: number): number {
  let sum = 0, count = 0;
  for (let s = 0; s < sources; s++) {
    const dist = bfs(g, Math.floor((s * g.n) / sources));
    for (let i = 0; i < g.n; i++) {
      if (dist[i] < 0) throw new Error(`node ${i} unreachable`);
      if (dist[i] > 0) { sum += dist[i]; count++; }
    }
  }
  return sum / count;
}

export function degrees(g: Csr): Int32Array {
  const out = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) out[i] = g.offsets[i + 1] - g.offsets[i];
  return out;
}

/** Least-squares slope of log P(deg ≥ d) against log d over dFrom ≤ d ≤ dTo (integer d). */
export function ccdfLogLogSlope(g: Csr, dFrom: number, dTo: number): number {
  const deg = degrees(g);
  const xs: number[] = [], ys: number[] = [];
  for (let d = dFrom; d <= dTo; d++) {
    let atLeast = 0;
    for (const x of deg) if (x >= d) atLeast++;
    if (atLeast === 0) break;
    xs.push(Math.log(d));
    ys.push(Math.log(atLeast / g.n));
  }
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length, my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < xs.length; i++) { sxy += (xs[i] - mx) * (ys[i] - my); sxx += (xs[i] - mx) ** 2; }
  return sxy / sxx;
}
