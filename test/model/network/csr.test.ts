/** Tests of the CSR builder and validator the network generators and the simulation's WOM loop rely on. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Csr, degree, edgeCount, fromEdgeList, meanDegree, validateCsr } from '../../../src/model/network/csr.js';

const build = (n: number, edges: [number, number][]): Csr =>
  fromEdgeList(n, Int32Array.from(edges, (e) => e[0]), Int32Array.from(edges, (e) => e[1]), edges.length);

const rows = (g: Csr): number[][] =>
  Array.from({ length: g.n }, (_, i) => Array.from(g.neighbors.subarray(g.offsets[i], g.offsets[i + 1])));

describe('fromEdgeList', () => {
  it('builds symmetric sorted rows from edges given in any orientation and order', () => {
    const g = build(6, [[0, 3], [2, 0], [1, 0], [4, 3]]);
    expect(Array.from(g.offsets)).toEqual([0, 3, 4, 5, 7, 8, 8]);
    expect(rows(g)).toEqual([[1, 2, 3], [0], [0], [0, 4], [3], []]);
    expect(degree(g, 0)).toBe(3);
    expect(degree(g, 5)).toBe(0);
    expect(edgeCount(g)).toBe(4);
    expect(meanDegree(g)).toBeCloseTo(8 / 6, 15);
    validateCsr(g);
  });

  it('handles the empty graph and uses only the first m edges', () => {
    const empty = fromEdgeList(0, new Int32Array(0), new Int32Array(0), 0);
    expect(empty.offsets.length).toBe(1);
    expect(meanDegree(empty)).toBe(0);
    validateCsr(empty);
    const g = fromEdgeList(3, Int32Array.of(0, 1, 1), Int32Array.of(1, 2, 1), 2); // third entry is a loop, ignored
    expect(rows(g)).toEqual([[1], [0, 2], [1]]);
  });

  it('sorts rows too long for insertion sort (native-sort branch)', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => ((i * 7919) % 300) + 1); // a permutation of 1…300
    const g = build(301, leaves.map((v) => [v, 0] as [number, number]));
    expect(rows(g)[0]).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    validateCsr(g);
  });

  it('rejects self-loops, duplicates (either orientation), out-of-range nodes and a bad m', () => {
    expect(() => build(3, [[1, 1]])).toThrow(/self-loop/);
    expect(() => build(3, [[0, 1], [1, 0]])).toThrow(/duplicate edge \(0, 1\)/);
    expect(() => build(3, [[0, 1], [0, 1]])).toThrow(/duplicate/);
    expect(() => build(3, [[0, 3]])).toThrow(/outside 0…2/);
    expect(() => build(3, [[-1, 0]])).toThrow(/outside/);
    expect(() => fromEdgeList(3, Int32Array.of(0), Int32Array.of(1), 2)).toThrow(/m = 2/);
    expect(() => fromEdgeList(-1, new Int32Array(0), new Int32Array(0), 0)).toThrow(/non-negative integer/);
  });

  it('property: any simple edge list gives a valid CSR holding exactly those edges', () => {
    const graph = fc.integer({ min: 2, max: 40 }).chain((n) =>
      fc.tuple(fc.constant(n), fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([u, v]) => u !== v), {
        selector: ([u, v]) => (u < v ? `${u},${v}` : `${v},${u}`),
        maxLength: 200,
      })),
    );
    fc.assert(
      fc.property(graph, ([n, edges]) => {
        const g = build(n, edges);
        validateCsr(g);
        expect(edgeCount(g)).toBe(edges.length);
        const expected = rows({ n, offsets: new Int32Array(n + 1), neighbors: new Int32Array(0) }).map(() => [] as number[]);
        for (const [u, v] of edges) { expected[u].push(v); expected[v].push(u); }
        expect(rows(g)).toEqual(expected.map((r) => r.sort((a, b) => a - b)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('validateCsr', () => {
  const good = (): Csr => build(4, [[0, 1], [1, 2], [2, 3], [0, 2]]); // rows [1,2] [0,2] [0,1,3] [2]
  const corrupt = (edit: (g: Csr) => void): Csr => { const g = good(); edit(g); return g; };

  it('accepts a valid graph and names each broken invariant', () => {
    expect(() => validateCsr(good())).not.toThrow();
    expect(() => validateCsr(corrupt((g) => { g.neighbors[0] = 2; g.neighbors[1] = 1; }))).toThrow(/not strictly ascending/);
    expect(() => validateCsr(corrupt((g) => { g.neighbors[1] = 1; }))).toThrow(/not strictly ascending/); // duplicate 1
    expect(() => validateCsr(corrupt((g) => { g.neighbors[0] = 0; }))).toThrow(/self-loop/);
    expect(() => validateCsr(corrupt((g) => { g.neighbors[7] = 1; }))).toThrow(/not symmetric/);
    expect(() => validateCsr(corrupt((g) => { g.neighbors[1] = 9; }))).toThrow(/outside/);
    expect(() => validateCsr(corrupt((g) => { g.offsets[0] = 1; }))).toThrow(/offsets\[0\]/);
    expect(() => validateCsr(corrupt((g) => { g.n = 3; }))).toThrow(/length/);
    expect(() => validateCsr(corrupt((g) => { g.offsets[4] = 6; }))).toThrow(/offsets\[n\]/);
  });
});
