/** Tests of the Watts–Strogatz generator against its definition and small-world theory (Watts–Strogatz 1998, Barrat–Weigt 2000). */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { degree, edgeCount, meanDegree, validateCsr } from '../../../src/model/network/csr.js';
import { wattsStrogatz } from '../../../src/model/network/wattsStrogatz.js';
import { averageClustering, bfs, meanPathLength } from './graphStats.js';

const latticeClustering = (k: number) => (3 * (k - 2)) / (4 * (k - 1));

/** Feeds the given draws in order and fails loudly if the generator asks for more, pinning the documented draw order. */
const scripted = (draws: number[]) => {
  let i = 0;
  const rand = () => { if (i >= draws.length) throw new Error('too many draws'); return draws[i++]; };
  return Object.assign(rand, { used: () => i });
};

describe('wattsStrogatz', () => {
  it('β = 0 is the exact ring lattice: neighbours i ± 1…k/2 (mod n), every degree k, C = 3(k−2)/(4(k−1))', () => {
    for (const [n, k] of [[4, 2], [7, 4], [12, 6], [101, 10]]) {
      const g = wattsStrogatz(n, k, 0, seedrandom.alea('lattice'));
      for (let i = 0; i < n; i++) {
        const expected = [];
        for (let j = 1; j <= k / 2; j++) expected.push((i + j) % n, (i - j + n) % n);
        expect(Array.from(g.neighbors.subarray(g.offsets[i], g.offsets[i + 1]))).toEqual(expected.sort((a, b) => a - b));
      }
      // exact for every node of the lattice, so only float rounding separates mean and formula
      if (k >= 4) expect(averageClustering(g)).toBeCloseTo(latticeClustering(k), 12);
    }
  });

  it('follows the documented draw order: one decision per lattice edge (j-major, then u), then w redraws', () => {
    // n = 6, k = 2: lattice edges (u, u+1) in order u = 0…5. Rewire only (0, 1); w draws 0 (= u), 1 (edge (0,1)
    // still present), 5 (lattice edge (5,0)), then 3 (legal). Draw value x picks node floor(6x).
    const rand = scripted([0.1, 0, 1.5 / 6, 5.5 / 6, 3.5 / 6, 0.9, 0.9, 0.9, 0.9, 0.9]);
    const g = wattsStrogatz(6, 2, 0.5, rand);
    expect(rand.used()).toBe(10);
    const adj = Array.from({ length: 6 }, (_, i) => Array.from(g.neighbors.subarray(g.offsets[i], g.offsets[i + 1])));
    expect(adj).toEqual([[3, 5], [2], [1, 3], [0, 2, 4], [3, 5], [0, 4]]);
    // β = 0 still draws once per lattice edge, so the caller's stream advances by exactly n·k/2
    const zero = scripted(new Array(20).fill(0.5));
    wattsStrogatz(10, 4, 0, zero);
    expect(zero.used()).toBe(20);
  });

  it('property: valid CSR, n·k/2 edges, mean degree exactly k, every degree ≥ k/2, for any n, k, β', () => {
    const params = fc.integer({ min: 4, max: 60 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        k: fc.integer({ min: 1, max: Math.floor((n - 2) / 2) }).map((h) => 2 * h),
        beta: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
        seed: fc.string(),
      }),
    );
    fc.assert(
      fc.property(params, ({ n, k, beta, seed }) => {
        const g = wattsStrogatz(n, k, beta, seedrandom.alea(seed));
        validateCsr(g);
        expect(edgeCount(g)).toBe((n * k) / 2);
        expect(meanDegree(g)).toBe(k);
        // each node keeps its own k/2 lattice slots (rewired or not), so it can lose at most k/2 links
        for (let i = 0; i < n; i++) expect(degree(g, i)).toBeGreaterThanOrEqual(k / 2);
      }),
      { numRuns: 300 },
    );
  });

  it('skips rewiring a node already linked to all n − 1 others (else no legal w exists and the redraw never ends)', () => {
    // n = 4, k = 2, β = 0.5: keep (0,1); rewire (1,2) to w = floor(4·0.8) = 3, so node 3 links 0, 1, 2; keep (2,3);
    // the coin says rewire (3,0) but node 3 is saturated: skipped with no w draw (a further draw would throw).
    const rand = scripted([0.9, 0.1, 0.8, 0.9, 0.1]);
    const g = wattsStrogatz(4, 2, 0.5, rand);
    expect(rand.used()).toBe(5);
    expect(Array.from(g.neighbors)).toEqual([1, 3, 0, 3, 3, 0, 1, 2]);
  });

  it('β = 0.1, n = 10,000, k = 10: average clustering ≈ C(0)·(1−β)³ (Barrat–Weigt)', () => {
    const beta = 0.1, k = 10;
    const c = averageClustering(wattsStrogatz(10_000, k, beta, seedrandom.alea('bw')));
    // Tolerance 0.015 (3% of 0.486). Barrat–Weigt is mean field: a triangle survives iff its 3 edges are not
    // rewired, and degree heterogeneity is ignored. Here Var(deg) ≈ 0.9, and heterogeneity shifts the average of
    // local ratios by O(Var/(k(k−1))) ≈ 1% ≈ 0.005 (measured 20 seeds: C = 0.4906 vs 0.4860). Seed-to-seed SD is
    // 0.0022 (3σ ≈ 0.007). Sum ≈ 0.012, rounded up. Wrong exponents fail: (1−β)² → 0.54, (1−β)⁴ → 0.44.
    expect(Math.abs(c - latticeClustering(k) * (1 - beta) ** 3)).toBeLessThan(0.015);
  });

  it('β = 0 path length matches the lattice exactly (≈ n/(2k)); β = 0.1 is far below it (small world)', () => {
    const n = 10_000, k = 10, h = k / 2;
    let exact = 0; // node at ring offset d is ⌈min(d, n−d)/h⌉ hops away
    for (let d = 1; d < n; d++) exact += Math.ceil(Math.min(d, n - d) / h);
    exact /= n - 1;
    expect(exact).toBeCloseTo(n / (2 * k), 0);
    const lattice = wattsStrogatz(n, k, 0, seedrandom.alea('L'));
    const dist = bfs(lattice, 1234);
    expect(dist.reduce((s, x) => s + x, 0) / (n - 1)).toBeCloseTo(exact, 10);
    // 20 BFS sources. Measured ≈ 6.1 over 5 seeds (random-graph scale ln n / ln k ≈ 4). Threshold 10 = lattice/50,
    // loose enough for any seed, tight enough that a lattice or barely rewired graph (hundreds) fails.
    expect(meanPathLength(wattsStrogatz(n, k, 0.1, seedrandom.alea('L')), 20)).toBeLessThan(exact / 50);
  });

  it('rejects bad arguments with clear messages', () => {
    const r = seedrandom.alea('x');
    expect(() => wattsStrogatz(10, 4, -0.1, r)).toThrow(/beta must be in \[0, 1\]/);
    expect(() => wattsStrogatz(10, 4, 1.5, r)).toThrow(/beta/);
    expect(() => wattsStrogatz(10, 4, NaN, r)).toThrow(/beta/);
    expect(() => wattsStrogatz(10, 3, 0.1, r)).toThrow(/even integer/);
    expect(() => wattsStrogatz(10, 0, 0.1, r)).toThrow(/even integer ≥ 2/);
    expect(() => wattsStrogatz(10.5, 4, 0.1, r)).toThrow(/non-negative integer/);
  });
});
