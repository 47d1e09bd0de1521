/**
 * Variance-based sensitivity (Sobol indices): first-order by the Saltelli et al. (2010)
 * estimator, total by Jansen's, with percentile bootstrap intervals; generic core plus cxsim adapter.
 */
import { stream } from '../random/streams.js';
import type { Params } from '../scenario/schema.js';
import { evaluatePoints, meanFinite, pointParams, type EvaluationOptions, type ResolvedRanges, type RunMetric } from './objective.js';

export interface SobolOptions {
  /** Base sample size N: the design has N·(k + 2) points. */
  n: number;
  /** Seeds the design (seed, 'design', 'sobol') and the bootstrap (seed, 'design', 'sobol-bootstrap'). */
  seed: number;
  /** Bootstrap resamples for the intervals. Default 500. */
  bootstrap?: number;
  /** Interval level. Default 0.95. */
  level?: number;
}

export interface SobolIndex {
  /** S_i: share of output variance explained by factor i alone. */
  first: number;
  firstLo: number;
  firstHi: number;
  /** ST_i: share involving factor i, interactions included; ST_i ≈ 0 means the factor can be fixed. */
  total: number;
  totalLo: number;
  totalHi: number;
}

export interface SobolResult {
  k: number;
  n: number;
  /** Output variance over the A and B samples. */
  variance: number;
  indices: SobolIndex[];
}

/**
 * The points to evaluate, in order: A (N rows), B (N rows), then for each factor i the matrix
 * A_B^i (A with column i taken from B). A and B are independent uniform samples of [0, 1]^k from
 * the seeded design stream (plain Monte Carlo: the estimators need nothing more; a quasi-random
 * sequence would only converge faster).
 */
export function sobolDesign(k: number, o: Pick<SobolOptions, 'n' | 'seed'>): number[][] {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`sobol: k must be a whole number ≥ 1, got ${k}`);
  if (!(Number.isInteger(o.n) && o.n >= 2)) throw new RangeError(`sobol: the base sample needs a whole number ≥ 2 of points, got ${o.n}`);
  const rng = stream(o.seed, 'design', 'sobol');
  const sample = () => Array.from({ length: o.n }, () => Array.from({ length: k }, () => rng()));
  const a = sample(), b = sample();
  const ab = Array.from({ length: k }, (_, i) => a.map((row, j) => row.map((v, c) => (c === i ? b[j][i] : v))));
  return [...a, ...b, ...ab.flat()];
}

/** Indices from the outputs at sobolDesign's points (same order). Non-finite outputs are not allowed: every row enters every estimator. */
export function sobolAnalyse(k: number, y: readonly number[], o: SobolOptions): SobolResult {
  const n = o.n;
  if (y.length !== n * (k + 2)) throw new RangeError(`sobol: expected ${n * (k + 2)} outputs, got ${y.length}`);
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`sobol: output ${bad} is not a finite number (${y[bad]}); choose a metric defined at every point`);
  const fA = y.slice(0, n), fB = y.slice(n, 2 * n);
  const fAB = Array.from({ length: k }, (_, i) => y.slice((2 + i) * n, (3 + i) * n));
  const all = Array.from({ length: n }, (_, j) => j);
  const point = estimate(fA, fB, fAB, all);
  const boots = o.bootstrap ?? 500;
  const level = o.level ?? 0.95;
  const rng = stream(o.seed, 'design', 'sobol-bootstrap');
  const draws = Array.from({ length: boots }, () => estimate(fA, fB, fAB, all.map(() => Math.floor(rng() * n))));
  const q = (values: number[], p: number) => quantile(values, p);
  const lo = (1 - level) / 2, hi = 1 - lo;
  const indices = point.first.map((first, i) => {
    const fs = draws.map((d) => d.first[i]), ts = draws.map((d) => d.total[i]);
    return { first, firstLo: q(fs, lo), firstHi: q(fs, hi), total: point.total[i], totalLo: q(ts, lo), totalHi: q(ts, hi) };
  });
  return { k, n, variance: point.variance, indices };
}

/**
 * Over rows `rows` (all of them, or a bootstrap resample): V = variance of f over A and B together,
 * S_i = mean(f(B)·(f(A_B^i) − f(A)))/V (Saltelli 2010), ST_i = mean((f(A) − f(A_B^i))²)/(2V) (Jansen 1999).
 * f(B) is centred on the sample mean first: E[f(A_B^i) − f(A)] = 0, so the expectation is unchanged,
 * but an output far from 0 (NPS around 30, profit in millions) would otherwise inflate the variance.
 */
function estimate(fA: number[], fB: number[], fAB: number[][], rows: number[]) {
  const m = rows.length;
  let s = 0, ss = 0;
  for (const j of rows) {
    s += fA[j] + fB[j];
    ss += fA[j] * fA[j] + fB[j] * fB[j];
  }
  const mu = s / (2 * m);
  const variance = ss / (2 * m) - mu * mu;
  const first: number[] = [], total: number[] = [];
  for (const col of fAB) {
    let f1 = 0, ft = 0;
    for (const j of rows) {
      f1 += (fB[j] - mu) * (col[j] - fA[j]);
      ft += (fA[j] - col[j]) ** 2;
    }
    // A constant output has no variance to share out: every index is 0, not NaN.
    first.push(variance > 0 ? f1 / m / variance : 0);
    total.push(variance > 0 ? ft / (2 * m) / variance : 0);
  }
  return { variance, first, total };
}

/** Linear-interpolation quantile (type 7), as R and NumPy default to. */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const i = Math.floor(h);
  return i + 1 < s.length ? s[i] + (h - i) * (s[i + 1] - s[i]) : s[i];
}

/** Sobol indices of any function on [0, 1]^k: N·(k + 2) evaluations. */
export async function sobol(f: (x: number[]) => number | Promise<number>, k: number, o: SobolOptions): Promise<SobolResult> {
  const y: number[] = [];
  for (const x of sobolDesign(k, o)) y.push(await f(x));
  return sobolAnalyse(k, y, o);
}

export interface ModelSobolOptions extends SobolOptions {
  base: Params;
  ranges: ResolvedRanges;
  metric: RunMetric;
  evaluation: EvaluationOptions;
}

/**
 * Sobol indices of the model: every point runs on the same seeds (common random numbers), so the
 * indices decompose the variance of the replication-averaged metric as a function of the
 * parameters, not seed noise (which fresh randomness per point would add to every index).
 */
export async function sobolModel(o: ModelSobolOptions): Promise<SobolResult> {
  const k = o.ranges.ranges.length;
  const points = sobolDesign(k, o).map((x) => pointParams(o.base, o.ranges, x));
  const values = await evaluatePoints(points, [o.metric], o.evaluation);
  return sobolAnalyse(k, values.map((v) => meanFinite(v[0])), o);
}
