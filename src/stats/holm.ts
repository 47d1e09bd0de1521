/**
 * Holm's step-down adjustment for many comparisons (Holm 1979): with m tests, the smallest p is
 * multiplied by m, the next by m − 1, …, each adjusted value at least the one before it, capped
 * at 1. Calling "distinguishable" only the comparisons whose adjusted p is below α keeps the
 * chance of even one false call among all of them at most α, whatever their dependence (the
 * strategies of a comparison share the baseline, and summary metrics move together). It is
 * uniformly more powerful than Bonferroni's m·p.
 */

/**
 * Adjusted p-values in the order given. NaN entries (no test: fewer than two pairs) stay NaN and
 * do not count in m.
 */
export function holmAdjust(p: readonly number[]): number[] {
  const tested = p.map((v, i) => ({ v, i })).filter((x) => !Number.isNaN(x.v));
  // Stable sort: ties keep their order, so the result does not depend on the sort's algorithm.
  tested.sort((a, b) => a.v - b.v || a.i - b.i);
  const m = tested.length;
  const out = p.map(() => NaN);
  let running = 0;
  tested.forEach((x, k) => {
    running = Math.max(running, Math.min(1, (m - k) * x.v));
    out[x.i] = running;
  });
  return out;
}
