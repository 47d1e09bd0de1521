/** Compressed-sparse-row storage for the undirected word-of-mouth network, its builder and its invariant check. */

/** Row i is neighbors[offsets[i] .. offsets[i+1]); every edge sits in both rows; rows ascending, no loops, no duplicates. */
export interface Csr {
  n: number;
  offsets: Int32Array; // length n + 1
  neighbors: Int32Array; // length offsets[n] = 2 × edge count
}

/**
 * Builds the symmetric CSR of the m undirected edges (us[e], vs[e]): counting sort of arcs into rows, then each
 * row sorted in place. Short rows use insertion sort, which is linear on the nearly sorted rows our generators
 * emit (edges come in ascending source order); measured faster than a second, transposing scatter pass, whose
 * random writes dominate at a million nodes. Throws on self-loops, out-of-range nodes and duplicate edges.
 */
export function fromEdgeList(n: number, us: Int32Array, vs: Int32Array, m: number): Csr {
  if (!Number.isInteger(n) || n < 0) throw new Error(`fromEdgeList: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(m) || m < 0 || m > us.length || m > vs.length)
    throw new Error(`fromEdgeList: m = ${m} must be an integer in 0…${Math.min(us.length, vs.length)}`);
  if (2 * m > 0x7fffffff) throw new Error(`fromEdgeList: ${m} edges overflow Int32 offsets`);
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const u = us[e], v = vs[e];
    if (u < 0 || u >= n || v < 0 || v >= n) throw new Error(`fromEdgeList: edge ${e} (${u}, ${v}) has a node outside 0…${n - 1}`);
    if (u === v) throw new Error(`fromEdgeList: edge ${e} is a self-loop on node ${u}`);
    offsets[u + 1]++;
    offsets[v + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const neighbors = new Int32Array(2 * m);
  const pos = offsets.slice(0, n);
  for (let e = 0; e < m; e++) {
    const u = us[e], v = vs[e];
    neighbors[pos[u]++] = v;
    neighbors[pos[v]++] = u;
  }
  for (let i = 0; i < n; i++) {
    const start = offsets[i], end = offsets[i + 1];
    if (end - start > INSERTION_SORT_MAX) neighbors.subarray(start, end).sort();
    else insertionSort(neighbors, start, end);
    for (let a = start + 1; a < end; a++)
      if (neighbors[a] === neighbors[a - 1]) throw new Error(`fromEdgeList: duplicate edge (${i}, ${neighbors[a]})`);
  }
  return { n, offsets, neighbors };
}

const INSERTION_SORT_MAX = 64; // beyond this a possibly shuffled row could cost O(d²); the native sort is O(d log d)

function insertionSort(a: Int32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= start && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

export const degree = (csr: Csr, i: number): number => csr.offsets[i + 1] - csr.offsets[i];

export const edgeCount = (csr: Csr): number => csr.offsets[csr.n] / 2;

export const meanDegree = (csr: Csr): number => (csr.n === 0 ? 0 : csr.offsets[csr.n] / csr.n);

/** Throws an Error naming the first broken invariant (shape, range, loop, order/duplicate, symmetry); O(m log d). */
export function validateCsr(csr: Csr): void {
  const { n, offsets, neighbors } = csr;
  if (offsets.length !== n + 1) throw new Error(`offsets has length ${offsets.length}, expected ${n + 1}`);
  if (offsets[0] !== 0) throw new Error(`offsets[0] = ${offsets[0]}, expected 0`);
  if (offsets[n] !== neighbors.length) throw new Error(`offsets[n] = ${offsets[n]} but neighbors has length ${neighbors.length}`);
  for (let i = 0; i < n; i++) {
    const start = offsets[i], end = offsets[i + 1];
    if (end < start) throw new Error(`offsets decrease at row ${i}`);
    for (let a = start; a < end; a++) {
      const j = neighbors[a];
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new Error(`row ${i} has neighbour ${j} outside 0…${n - 1}`);
      if (j === i) throw new Error(`row ${i} has a self-loop`);
      if (a > start && neighbors[a - 1] >= j)
        throw new Error(`row ${i} is not strictly ascending (${neighbors[a - 1]} then ${j}: unsorted or duplicate)`);
      if (!rowHas(csr, j, i)) throw new Error(`edge (${i}, ${j}) is missing from row ${j} (not symmetric)`);
    }
  }
}

/** Binary search in a sorted row. */
export function rowHas(csr: Csr, i: number, j: number): boolean {
  let lo = csr.offsets[i], hi = csr.offsets[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1, x = csr.neighbors[mid];
    if (x === j) return true;
    if (x < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
