/** Argument checks shared by the graph generators, so bad network specs fail loudly instead of looping or overflowing. */

export function assertGraphParams(generator: string, n: number, k: number): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${generator}: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(k) || k < 2 || k % 2 !== 0) throw new Error(`${generator}: mean degree k must be an even integer ≥ 2, got ${k}`);
  // k = n − 1 would be the complete graph, where nothing can be rewired or preferentially attached.
  if (k >= n - 1) throw new Error(`${generator}: mean degree k = ${k} must be below n − 1 = ${n - 1} (need n ≥ k + 2 = ${k + 2})`);
  if (n * k > 0x7fffffff) throw new Error(`${generator}: n·k = ${n * k} directed links exceed the Int32 CSR limit`);
}
