/** Barabási–Albert scale-free network (preferential attachment), the heavy-tailed word-of-mouth topology. */
import { type Csr, fromEdgeList } from './csr.js';
import { assertGraphParams } from './params.js';

/**
 * networkx.barabasi_albert_graph(n, m = k/2, initial_graph = complete_graph(m + 1)): we start from the
 * (m+1)-clique rather than networkx's default star so that every node, old or new, has degree ≥ m.
 * Each new node s = m+1…n−1 links to m distinct targets drawn from the repeated-nodes list (node x appears
 * deg(x) times), i.e. with probability ∝ degree. Edge count m(m+1)/2 + m(n−m−1); mean degree k − m(m+1)/n.
 *
 * Draw order: for s = m+1…n−1, draws x = list[floor(rand()·len)] repeat until m distinct targets are found
 * (repeats are discarded, as networkx's _random_subset does). The list starts node-major (0 ×m, 1 ×m, …, m ×m)
 * and after node s it is extended by its targets in draw order, then by s ×m.
 */
export function barabasiAlbert(n: number, k: number, rand: () => number): Csr {
  assertGraphParams('barabasiAlbert', n, k);
  const m = k / 2;
  const edges = (m * (m + 1)) / 2 + m * (n - m - 1);
  const us = new Int32Array(edges), vs = new Int32Array(edges);
  const list = new Int32Array(2 * edges);
  let e = 0, len = 0;
  for (let a = 0; a <= m; a++) {
    for (let b = a + 1; b <= m; b++, e++) {
      us[e] = a;
      vs[e] = b;
    }
    for (let r = 0; r < m; r++) list[len++] = a;
  }
  const targets = new Int32Array(m);
  for (let s = m + 1; s < n; s++) {
    const pool = len; // targets for s come from the list as it stood before s arrived
    for (let c = 0; c < m; ) {
      const x = list[Math.floor(rand() * pool)];
      let fresh = true;
      for (let i = 0; i < c; i++) if (targets[i] === x) { fresh = false; break; }
      if (fresh) targets[c++] = x;
    }
    for (let i = 0; i < m; i++, e++) {
      us[e] = s;
      vs[e] = targets[i];
      list[len++] = targets[i];
    }
    for (let r = 0; r < m; r++) list[len++] = s;
  }
  return fromEdgeList(n, us, vs, edges);
}
