/**
 * Morris elementary-effects screening (Morris 1991; μ* from Campolongo, Cariboni & Saltelli 2007):
 * a generic core on any f: [0, 1]^k → ℝ, and the cxsim adapter that varies model parameters.
 */
import { permutation } from '../random/permutation.js';
import { stream } from '../random/streams.js';
import type { Params } from '../scenario/schema.js';
import { finite, mean, sd } from '../stats/summary.js';
import { evaluatePoints, meanFinite, pointParams, type EvaluationOptions, type ResolvedRanges, type RunMetric } from './objective.js';

export interface MorrisOptions {
  /** Trajectories (r): each gives one elementary effect per factor. */
  r: number;
  /** Grid levels p (even): factor values are 0, 1/(p−1), …, 1. */
  levels: number;
  /** Seeds the design stream (seed, 'design', 'morris'); model runs use their own streams. */
  seed: number;
}

/** One trajectory: k + 1 points on the grid; between points j and j + 1 only factor `factors[j]` moves, by ±Δ. */
export interface Trajectory {
  points: number[][];
  factors: number[];
}

export interface MorrisDesign {
  k: number;
  levels: number;
  delta: number;
  trajectories: Trajectory[];
}

export interface ElementaryEffect {
  trajectory: number;
  factor: number;
  from: number[];
  to: number[];
  yFrom: number;
  yTo: number;
  /** (y(to) − y(from)) / (to − from) along the factor, in output units per unit of the scaled factor. */
  effect: number;
}

export interface MorrisIndex {
  /** Mean elementary effect: its sign says the direction, but effects of opposite sign cancel. */
  mu: number;
  /** Mean |elementary effect|: the ranking measure. On [0, 1]-scaled factors it reads as output change over the factor's whole range. */
  muStar: number;
  /** Standard deviation of the effects: non-linearity or interactions. NaN with fewer than 2 finite effects. */
  sigma: number;
  /** Finite effects the indices rest on (an output can be undefined at some points). */
  n: number;
}

export interface MorrisResult {
  design: MorrisDesign;
  /** Output at every design point, trajectory by trajectory. */
  y: number[];
  effects: ElementaryEffect[];
  indices: MorrisIndex[];
  /** ranks[i] = 1 for the factor with the largest μ*; ties keep factor order. */
  ranks: number[];
}

function checkOptions(k: number, o: MorrisOptions): void {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`morris: k must be a whole number ≥ 1, got ${k}`);
  if (!(Number.isInteger(o.r) && o.r >= 1)) throw new RangeError(`morris: trajectories must be a whole number ≥ 1, got ${o.r}`);
  // Δ = p/(2(p − 1)) is a grid step only for even p (a move of p/2 levels).
  if (!(Number.isInteger(o.levels) && o.levels >= 2 && o.levels % 2 === 0)) throw new RangeError(`morris: levels must be an even whole number ≥ 2, got ${o.levels}`);
}

/**
 * r random trajectories. Each starts at a grid point with levels drawn uniformly and moves the
 * factors once each, in random order, by p/2 levels: up from the lower half, down from the upper
 * half. So every point of every trajectory is uniform on the grid, as in Morris's construction,
 * and moves stay inside [0, 1] without clipping.
 */
export function morrisDesign(k: number, o: MorrisOptions): MorrisDesign {
  checkOptions(k, o);
  const p = o.levels;
  const half = p / 2;
  const rng = stream(o.seed, 'design', 'morris');
  const trajectories: Trajectory[] = [];
  for (let t = 0; t < o.r; t++) {
    const level = Array.from({ length: k }, () => Math.floor(rng() * p));
    const factors = permutation(k, rng);
    const points = [level.map((l) => l / (p - 1))];
    for (const i of factors) {
      level[i] = level[i] < half ? level[i] + half : level[i] - half;
      points.push(level.map((l) => l / (p - 1)));
    }
    trajectories.push({ points, factors });
  }
  return { k, levels: p, delta: half / (p - 1), trajectories };
}

/** Design points in the order `y` must follow: trajectory by trajectory, k + 1 points each. */
export const designPoints = (d: MorrisDesign): number[][] => d.trajectories.flatMap((t) => t.points);

/** Elementary effects and μ, μ*, σ per factor from the outputs at the design points. */
export function morrisAnalyse(design: MorrisDesign, y: readonly number[]): MorrisResult {
  const { k, trajectories } = design;
  if (y.length !== trajectories.length * (k + 1)) throw new RangeError(`morris: expected ${trajectories.length * (k + 1)} outputs, got ${y.length}`);
  const effects: ElementaryEffect[] = [];
  trajectories.forEach((t, ti) => {
    const base = ti * (k + 1);
    t.factors.forEach((i, j) => {
      const from = t.points[j], to = t.points[j + 1];
      const yFrom = y[base + j], yTo = y[base + j + 1];
      // Divide by the signed step actually taken, so a down-move gives the same slope as an up-move.
      effects.push({ trajectory: ti, factor: i, from, to, yFrom, yTo, effect: (yTo - yFrom) / (to[i] - from[i]) });
    });
  });
  const indices: MorrisIndex[] = Array.from({ length: k }, (_, i) => {
    const ee = finite(effects.filter((e) => e.factor === i).map((e) => e.effect));
    return { mu: mean(ee), muStar: mean(ee.map(Math.abs)), sigma: ee.length >= 2 ? sd(ee) : NaN, n: ee.length };
  });
  return { design, y: [...y], effects, indices, ranks: rankDescending(indices.map((s) => s.muStar)) };
}

/** Rank 1 = largest; NaN ranks last; ties keep index order (stable). */
export function rankDescending(values: readonly number[]): number[] {
  const key = (v: number) => (Number.isNaN(v) ? -Infinity : v);
  const order = values.map((_, i) => i).sort((a, b) => key(values[b]) - key(values[a]) || a - b);
  const ranks = new Array<number>(values.length);
  order.forEach((i, pos) => (ranks[i] = pos + 1));
  return ranks;
}

/** Morris screening of any function on [0, 1]^k: r·(k + 1) evaluations, in design order. */
export async function morris(f: (x: number[]) => number | Promise<number>, k: number, o: MorrisOptions): Promise<MorrisResult> {
  const design = morrisDesign(k, o);
  const y: number[] = [];
  for (const x of designPoints(design)) y.push(await f(x));
  return morrisAnalyse(design, y);
}

export interface ModelMorrisOptions extends MorrisOptions {
  /** Parameters the ranges are laid over (a strategy's). */
  base: Params;
  /** From resolveRanges(base, …). */
  ranges: ResolvedRanges;
  metric: RunMetric;
  evaluation: EvaluationOptions;
}

export interface ModelMorrisResult extends MorrisResult {
  ranges: ResolvedRanges;
  /** Per design point, the metric in each replication (y is their finite mean). */
  replicationValues: number[][];
}

/**
 * Morris on the model: every design point becomes parameters (values written at their paths over
 * `base`, re-validated), all points × replications run in one batch on the same seeds (common
 * random numbers), and y is the metric's mean over replications.
 */
export async function morrisModel(o: ModelMorrisOptions): Promise<ModelMorrisResult> {
  const design = morrisDesign(o.ranges.ranges.length, o);
  const points = designPoints(design).map((x) => pointParams(o.base, o.ranges, x));
  const values = (await evaluatePoints(points, [o.metric], o.evaluation)).map((perMetric) => perMetric[0]);
  return { ...morrisAnalyse(design, values.map(meanFinite)), ranges: o.ranges, replicationValues: values };
}
