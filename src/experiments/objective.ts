/** What a design point scores: parameter ranges on the unit cube, metric lookup, evaluation on common random numbers, and the calibration objective. */
import type { RunResult } from '../model/metrics.js';
import { didYouMean, suggestAmong } from '../scenario/describe.js';
import { UserError } from '../scenario/errors.js';
import type { Params } from '../scenario/schema.js';
import { finite, mean } from '../stats/summary.js';
import type { Job } from './jobs.js';
import { applyPoint, describePoint, resolveParameter, type SweptParameter } from './paramPaths.js';
import { runJobs } from './pool.js';
import { parseParamFlag } from './sweepSpec.js';

/** A numeric model parameter varied between min and max; Morris, Sobol and calibration work on u ∈ [0, 1] mapped linearly onto it. */
export interface ParamRange {
  path: string;
  min: number;
  max: number;
}

/** A parameter value written at its dotted path. */
export interface Assignment {
  path: string;
  value: number;
}

/** Parses `journey.processQuality=0.95:0.999` (the `--param` syntax of sensitivity and calibrate). */
export function parseParamRange(text: string): ParamRange {
  const [path, values] = parseParamFlag(text);
  if (!('min' in values) || values.levels !== undefined) throw new UserError(`--param ${JSON.stringify(text)}: expected path=min:max, e.g. journey.processQuality=0.95:0.999`);
  return { path, min: values.min, max: values.max };
}

/** Ranges resolved against a strategy's parameters: the path exists and is numeric (paramPaths), and whether it is a whole number. */
export interface ResolvedRanges {
  ranges: readonly ParamRange[];
  parameters: readonly SweptParameter[];
}

/**
 * Checks every range: a numeric parameter of `base`, given once, min < max, and both corners
 * (all minima, all maxima) valid parameters — so a bound outside what the schema accepts is
 * reported before any run, not at the first design point that reaches it.
 */
export function resolveRanges(base: Params, ranges: readonly ParamRange[]): ResolvedRanges {
  const problems: string[] = [];
  const parameters: SweptParameter[] = [];
  ranges.forEach((r, i) => {
    try {
      if (ranges.findIndex((q) => q.path === r.path) !== i) throw new UserError(`\`${r.path}\` is given twice`);
      if (!(r.min < r.max)) throw new UserError(`\`${r.path}\`: min (${r.min}) must be below max (${r.max})`);
      parameters.push(resolveParameter(r.path, base, { min: r.min, max: r.max }));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(e.message);
    }
  });
  if (problems.length === 0)
    for (const corner of [0, 1]) {
      const r = applyPoint(base, parameters, ranges.map((q) => (corner === 0 ? q.min : q.max)));
      if (!r.params) problems.push(`at ${describePoint(parameters, ranges.map((q) => (corner === 0 ? q.min : q.max)))}: ${r.problems.join('; ')}`);
    }
  if (problems.length > 0) throw new UserError(problems.join('\n  '));
  return { ranges, parameters };
}

/** The parameter value at unit coordinate u ∈ [0, 1]; whole-number parameters are rounded, as the schema rejects fractions. */
export function fromUnit(range: ParamRange, u: number, integer = false): number {
  const v = range.min + u * (range.max - range.min);
  return integer ? Math.round(v) : v;
}

/** The unit coordinate of a parameter value, clamped to [0, 1]. */
export const toUnit = (range: ParamRange, value: number): number => Math.min(1, Math.max(0, (value - range.min) / (range.max - range.min)));

/** The values at a unit-cube point, one per range, in parameter units. */
export const valuesAt = (r: ResolvedRanges, x: readonly number[]): number[] => r.ranges.map((q, i) => fromUnit(q, x[i], r.parameters[i].integer));

export const assignmentsAt = (r: ResolvedRanges, x: readonly number[]): Assignment[] => valuesAt(r, x).map((value, i) => ({ path: r.ranges[i].path, value }));

/** Validated parameters at a unit-cube point (the values merged over `base`); a UserError names the point when they are invalid. */
export function pointParams(base: Params, r: ResolvedRanges, x: readonly number[]): Params {
  const values = valuesAt(r, x);
  const out = applyPoint(base, r.parameters, values);
  if (!out.params) throw new UserError(`invalid parameters at ${describePoint(r.parameters, values)}: ${out.problems.join('; ')}`);
  return out.params;
}

/** The value at a dotted path of plain data, undefined when absent. */
export function getPath(data: unknown, path: string): unknown {
  let v = data;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

export type RunMetric = (run: RunResult) => number;

/** A scalar per run. Same shape as outputs' SummaryMetric, so that catalogue can be passed as is (experiments may not import outputs). */
export interface MetricDef {
  key: string;
  label: string;
  unit: string;
  extract: RunMetric;
}

/** The metric called `key` in a catalogue, or a UserError naming the close one and the choices. */
export function findMetric(key: string, catalogue: readonly MetricDef[]): MetricDef {
  const found = catalogue.find((m) => m.key === key);
  if (found) return found;
  const keys = catalogue.map((m) => m.key);
  throw new UserError(`unknown metric \`${key}\`${didYouMean(suggestAmong(key, catalogue))} (metrics: ${keys.join(', ')})`);
}

/** How design points are run: the same seed and replications 0…R−1 at every point (common random numbers). */
export interface EvaluationOptions {
  seed: number;
  replications: number;
  days: number;
  /** Recorded in each RunResult; default 'baseline'. */
  strategy?: string;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Runs the jobs instead of runJobs (same contract: results in job order), e.g. with resume from a store. */
  runner?: (jobs: Job[]) => Promise<RunResult[]>;
}

/**
 * One job per point × replication. Replication r of every point has the same seed keys, so two
 * points differ only by their parameters, never by fresh randomness: differences between points
 * (elementary effects, objective steps) are not swamped by replication noise.
 */
export function pointJobs(points: readonly Params[], ev: EvaluationOptions): Job[] {
  const strategy = ev.strategy ?? 'baseline';
  return points.flatMap((params, p) =>
    Array.from({ length: ev.replications }, (_, replication) => ({ key: `point${p}|rep${replication}`, strategy, params, seed: ev.seed, replication, days: ev.days })),
  );
}

/** Runs every point and returns out[point][metric][replication]. */
export async function evaluatePoints(points: readonly Params[], metrics: readonly RunMetric[], ev: EvaluationOptions): Promise<number[][][]> {
  const jobs = pointJobs(points, ev);
  const results = ev.runner ? await ev.runner(jobs) : await runJobs(jobs, { workers: ev.workers, onProgress: ev.onProgress, signal: ev.signal });
  const R = ev.replications;
  return points.map((_, p) => metrics.map((extract) => results.slice(p * R, (p + 1) * R).map(extract)));
}

/** Mean of the finite values (a metric can be undefined in some replications); NaN when none is. */
export const meanFinite = (values: readonly number[]): number => mean(finite(values));

/** An observed value to fit: the objective adds weight·((simulated − value)/scale)². */
export interface Target {
  metric: string;
  value: number;
  scale: number;
  weight: number;
}

/** Default scale: the target's own size (residuals become relative errors), 1 for a zero target. */
export const defaultScale = (value: number): number => (value !== 0 ? Math.abs(value) : 1);

/**
 * Σ weightᵢ·((simᵢ − targetᵢ)/scaleᵢ)². A simulated value that is undefined (NaN) makes the
 * point infeasible (+∞), so an optimiser moves away from it instead of comparing NaNs.
 */
export function objectiveOf(targets: readonly Target[], simulated: readonly number[]): number {
  let sum = 0;
  targets.forEach((t, i) => {
    const s = simulated[i];
    sum += Number.isFinite(s) ? t.weight * ((s - t.value) / t.scale) ** 2 : Infinity;
  });
  return sum;
}
