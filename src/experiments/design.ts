/**
 * Experimental designs over swept parameters: the full grid, and Latin hypercube samples
 * (each dimension cut into n equal strata holding one point each, uniform within its stratum,
 * strata paired at random across dimensions).
 */
import { permutation } from '../random/permutation.js';
import type { Rng } from '../random/streams.js';

/** One value a parameter takes: numbers for numeric settings, text or true/false for the others. */
export type Level = number | string | boolean;

/** A list of levels, or a numeric range (a grid takes `levels` evenly spaced values from it, ends included). */
export type Values = readonly Level[] | { min: number; max: number; levels?: number };

export interface Dimension {
  path: string;
  values: Values;
  /** Whole-number parameter: drawn or interpolated values are rounded. */
  integer: boolean;
}

/** Levels of a range in a grid when neither the range nor the spec says. */
export const DEFAULT_LEVELS = 5;

export const isRange = (v: Values): v is { min: number; max: number; levels?: number } => !Array.isArray(v);

/** The levels one dimension takes in a grid; rounding a whole-number range can merge levels, which are then kept once. */
export function gridLevels(d: Dimension, defaultLevels = DEFAULT_LEVELS): Level[] {
  if (!isRange(d.values)) return [...d.values];
  const { min, max } = d.values;
  const k = d.values.levels ?? defaultLevels;
  const raw = k <= 1 || min === max ? [min] : Array.from({ length: k }, (_, i) => (i === k - 1 ? max : min + ((max - min) * i) / (k - 1)));
  return [...new Set(raw.map((x) => (d.integer ? Math.round(x) : x)))];
}

/** How many points gridDesign will give, at most (rounding can merge levels), without building them. */
export function gridSize(dims: readonly Pick<Dimension, 'values'>[], defaultLevels = DEFAULT_LEVELS): number {
  return dims.reduce((n, d) => n * (isRange(d.values) ? (d.values.min === d.values.max ? 1 : Math.max(1, d.values.levels ?? defaultLevels)) : d.values.length), 1);
}

/** Every combination of levels, the first dimension varying slowest. */
export function gridDesign(dims: readonly Dimension[], defaultLevels = DEFAULT_LEVELS): Level[][] {
  let points: Level[][] = [[]];
  for (const d of dims) {
    const levels = gridLevels(d, defaultLevels);
    points = points.flatMap((p) => levels.map((l) => [...p, l]));
  }
  return points;
}

/**
 * n points of a Latin hypercube: for every dimension a random permutation assigns stratum
 * π(i) ∈ {0…n−1} to point i, and the point is drawn uniformly inside it, u = (π(i) + U)/n.
 * A range maps u linearly onto [min, max]; a list takes the level at ⌊u·length⌋.
 */
export function lhsDesign(dims: readonly Dimension[], n: number, rng: Rng): Level[][] {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`a Latin hypercube needs a whole number of points ≥ 1, got ${n}`);
  const columns = dims.map((d) => {
    const strata = permutation(n, rng);
    return strata.map((s) => valueAt(d, (s + rng()) / n));
  });
  return Array.from({ length: n }, (_, i) => columns.map((c) => c[i]));
}

/** The unit-interval position u ∈ [0, 1) mapped onto a dimension's values. */
export function valueAt(d: Dimension, u: number): Level {
  if (isRange(d.values)) {
    const x = d.values.min + u * (d.values.max - d.values.min);
    return d.integer ? Math.round(x) : x;
  }
  const list = d.values;
  return list[Math.min(list.length - 1, Math.floor(u * list.length))];
}

