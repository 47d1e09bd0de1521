/** Calibration: fits chosen model parameters to observed summary values by bounded Nelder–Mead, every candidate on the same seeds. */
import { isMap, isNode, isScalar, parseDocument, visit, type Document, type YAMLMap } from 'yaml';
import { MANIFEST_KEY } from '../scenario/load.js';
import type { Params } from '../scenario/schema.js';
import { finite, tInterval } from '../stats/summary.js';
import { nelderMead, type EvaluationRecord } from './nelderMead.js';
import { assignmentsAt, evaluatePoints, getPath, meanFinite, objectiveOf, pointParams, toUnit, valuesAt, type Assignment, type EvaluationOptions, type ParamRange, type ResolvedRanges, type RunMetric, type Target } from './objective.js';

export interface CalibrationTarget extends Target {
  extract: RunMetric;
}

export interface CalibrateOptions {
  /** Parameters the fitted values are laid over (the baseline's). */
  base: Params;
  /** From resolveRanges(base, …). */
  ranges: ResolvedRanges;
  targets: readonly CalibrationTarget[];
  /** Starting values in parameter units, one per range; default the values in `base` (clamped into the ranges). */
  start?: readonly number[];
  evaluation: EvaluationOptions;
  maxEvaluations?: number;
  /**
   * The convergence stop: a descent ends when every vertex of the simplex is within xTolerance of
   * the best one in each coordinate (unit-cube coordinates: 0.01 = 1 % of each parameter's range)
   * and the vertices' objectives differ by at most fTolerance. Defaults DEFAULT_X_TOLERANCE and
   * DEFAULT_F_TOLERANCE: finer than replication noise resolves (see their notes).
   */
  xTolerance?: number;
  fTolerance?: number;
  /** Initial simplex step in unit coordinates. Default 0.25. */
  step?: number;
  /** Nelder–Mead restarts from the best point after convergence (see nelderMead). Default 2. */
  restarts?: number;
  onEvaluation?: (s: CalibrationStep) => void;
}

/**
 * 1 % of each range: the fit of a simulation on fixed seeds is a step function at finer scales, and
 * its 95 % intervals are wider than that (on the README example the default 1e-3 spent 100 more
 * evaluations than this after the best point, moving it by 0.02 % of a range).
 */
export const DEFAULT_X_TOLERANCE = 0.01;
/**
 * In objective units, Σ weight·((simulated − target)/scale)²: with the default scale (the target's
 * size) 1e-4 is a 1 % relative error; with scale = a standard error, a hundredth of one.
 */
export const DEFAULT_F_TOLERANCE = 1e-4;

export interface CalibrationStep extends EvaluationRecord {
  /** Parameter values in their own units. */
  values: number[];
  /** Mean simulated value of each target's metric. */
  simulated: number[];
}

export interface FitRow {
  metric: string;
  target: number;
  simulated: number;
  /** 95 % t-interval of the simulated mean over replications. */
  lo: number;
  hi: number;
  scale: number;
  weight: number;
  /** simulated − target, in the metric's units. */
  residual: number;
  /** weight·(residual/scale)²: this target's share of the objective. */
  contribution: number;
}

export interface CalibrationResult {
  parameters: Assignment[];
  objective: number;
  reason: 'converged' | 'maxEvaluations';
  evaluations: number;
  iterations: number;
  restarts: number;
  history: CalibrationStep[];
  fit: FitRow[];
}

/**
 * Minimises Σ weightᵢ·((simᵢ − targetᵢ)/scaleᵢ)² over the unit cube of the ranges, simᵢ the mean
 * of target i's metric over R replications. Every candidate runs on the same seed and
 * replications (common random numbers): the objective is then a deterministic function of the
 * parameters, so the simplex compares candidates, not noise — with fresh randomness per
 * evaluation, Nelder–Mead would chase lucky draws. The price: the fit is conditional on those R
 * replications; more replications make it closer to the fit of the expected model.
 */
export async function calibrate(o: CalibrateOptions): Promise<CalibrationResult> {
  const { ranges, targets } = o;
  const extracts = targets.map((t) => t.extract);
  const perRep = new Map<string, number[][]>();
  const batch = async (xs: number[][]): Promise<number[]> => {
    const values = await evaluatePoints(xs.map((x) => pointParams(o.base, ranges, x)), extracts, o.evaluation);
    return xs.map((x, p) => {
      perRep.set(x.join(','), values[p]);
      return objectiveOf(targets, values[p].map(meanFinite));
    });
  };
  const x0 = ranges.ranges.map((r, i) => toUnit(r, o.start?.[i] ?? baseValue(o.base, r)));
  const history: CalibrationStep[] = [];
  const result = await nelderMead((x) => batch([x]).then(([f]) => f), x0, {
    batch,
    maxEvaluations: o.maxEvaluations,
    xTolerance: o.xTolerance ?? DEFAULT_X_TOLERANCE,
    fTolerance: o.fTolerance ?? DEFAULT_F_TOLERANCE,
    step: o.step,
    restarts: o.restarts ?? 2,
    onEvaluation: (r) => {
      const s: CalibrationStep = { ...r, values: valuesAt(ranges, r.x), simulated: perRep.get(r.x.join(','))!.map(meanFinite) };
      history.push(s);
      o.onEvaluation?.(s);
    },
  });
  const bestReps = perRep.get(result.x.join(',')) ?? targets.map(() => []);
  return {
    parameters: assignmentsAt(ranges, result.x),
    objective: result.f,
    reason: result.reason,
    evaluations: result.evaluations,
    iterations: result.iterations,
    restarts: result.restarts,
    history,
    fit: targets.map((t, i) => fitRow(t, bestReps[i])),
  };
}

function baseValue(base: Params, r: ParamRange): number {
  const v = getPath(base, r.path);
  return typeof v === 'number' ? v : (r.min + r.max) / 2;
}

function fitRow(t: Target, values: readonly number[]): FitRow {
  const ci = tInterval(finite(values));
  const residual = ci.mean - t.value;
  return { metric: t.metric, target: t.value, simulated: ci.mean, lo: ci.lo, hi: ci.hi, scale: t.scale, weight: t.weight, residual, contribution: t.weight * (residual / t.scale) ** 2 };
}

export interface CalibratedFileOptions {
  /** Lines for the header comment (what was fitted, objective). */
  note: readonly string[];
  /** Scenario-wide settings the calibration ran with (seed, days, replications given on the command line). */
  settings?: Record<string, number>;
}

/**
 * The scenario file with the calibrated values written into the baseline (the top-level
 * sections) by editing the YAML document, so comments and layout survive; each changed value
 * gets a `# calibrated (was …)` comment. Strategies inherit the values unless they override
 * them. A cxsim manifest becomes its scenario, whose strategies spell out every parameter, so
 * there a strategy gets the new value where it held the old baseline value (it inherited it).
 */
export function calibratedScenarioText(source: string, parameters: readonly Assignment[], o: CalibratedFileOptions): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new Error(`calibratedScenarioText: the source does not parse: ${doc.errors[0].message}`);
  const manifest = doc.has(MANIFEST_KEY);
  if (manifest) {
    doc.contents = doc.get('scenario', true) as typeof doc.contents;
    // A manifest is JSON: write its scenario as block YAML, as a person would.
    visit(doc, { Collection: (_, node) => void (node.flow = false), Scalar: (_, node) => void (node.type = undefined) });
  }
  const strategies = doc.get('strategies', true);
  for (const { path, value } of parameters) {
    const segs = path.split('.');
    const old = doc.getIn(segs);
    if (!doc.has(segs[0]) && isMap(doc.contents)) {
      // A new section goes before `strategies`, where a reader looks for the baseline.
      const at = doc.contents.items.findIndex((p) => isScalar(p.key) && p.key.value === 'strategies');
      doc.contents.items.splice(at < 0 ? doc.contents.items.length : at, 0, doc.createPair(segs[0], {}));
    }
    doc.setIn(segs, doc.createNode(value));
    const node = doc.getIn(segs, true);
    if (isScalar(node)) node.comment = ` calibrated${typeof old === 'number' ? ` (was ${old})` : ''}`;
  }
  if (manifest && isMap(strategies)) inheritInStrategies(doc, strategies, parameters, source);
  for (const [k, v] of Object.entries(o.settings ?? {})) doc.set(k, v);
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  const note = o.note.map((l) => ` ${l}`).join('\n');
  if (isNode(first)) first.commentBefore = first.commentBefore ? `${first.commentBefore}\n\n${note}` : note;
  else doc.commentBefore = note;
  return doc.toString();
}

/** Manifest scenarios spell every parameter out in each strategy: update the ones that held the old baseline value. */
function inheritInStrategies(doc: Document, strategies: YAMLMap, parameters: readonly Assignment[], source: string): void {
  const before = parseDocument(source).get('scenario', true) as YAMLMap | undefined;
  for (const pair of strategies.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (name === undefined) continue;
    for (const { path, value } of parameters) {
      const segs = path.split('.');
      if (before?.getIn(['strategies', name, ...segs]) === before?.getIn(segs)) doc.setIn(['strategies', name, ...segs], value);
    }
  }
}
