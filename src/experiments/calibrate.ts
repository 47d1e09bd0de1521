/** Calibration: fits chosen model parameters to observed summary values by bounded Nelder–Mead, every candidate on the same seeds. */
import { isMap, isNode, isScalar, parseDocument, visit, type Document, type YAMLMap } from 'yaml';
import { MANIFEST_KEY } from '../scenario/load.js';
import type { Params } from '../scenario/schema.js';
import { finite, tInterval } from '../stats/summary.js';
import { nelderMead, type EvaluationRecord } from './nelderMead.js';
import { assignmentsAt, evaluatePoints, getPath, meanFinite, objectiveOf, pointParams, toUnit, valuesAt, type Assignment, type EvaluationOptions, type ParamRange, type ResolvedRanges, type RunMetric, type Target } from './objective.js';

export interface CalibrationTarget extends Target {
  extract: RunMetric;
  /** The strategy whose runs the metric is read from (a name in `strategies`); default the baseline. */
  strategy?: string;
}

/** A strategy other than the baseline that targets or held-out checks read (its own parameters). */
export interface CalibrationStrategy {
  name: string;
  params: Params;
}

export interface CalibrateOptions {
  /** Parameters the fitted values are laid over (the baseline's). */
  base: Params;
  /** From resolveRanges(base, …). */
  ranges: ResolvedRanges;
  targets: readonly CalibrationTarget[];
  /**
   * Observed values the fit does not see: simulated at every candidate on the same runs, reported
   * beside the targets in `fit`, never in the objective. A calibration earns trust by what it
   * predicts out of sample, not by what it was fitted to.
   */
  holdout?: readonly CalibrationTarget[];
  /** Strategies other than the baseline that targets or held-out checks name; the fitted values apply to them where they inherit the baseline's. */
  strategies?: readonly CalibrationStrategy[];
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
  /** The strategy the value is read from ('' for the baseline). */
  strategy: string;
  /** A target is fitted (in the objective); a held-out check is only reported. */
  role: 'target' | 'held out';
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
  const holdout = o.holdout ?? [];
  const checks = [...targets, ...holdout];
  // Every candidate runs the baseline and each strategy a target or check names, on the same seeds.
  const others = o.strategies ?? [];
  const slotOf = (t: CalibrationTarget): number => {
    if (t.strategy === undefined) return 0;
    const k = others.findIndex((s) => s.name === t.strategy);
    if (k < 0) throw new Error(`calibrate: target ${t.metric}@${t.strategy} names a strategy not in options.strategies`);
    return k + 1;
  };
  const slots = checks.map(slotOf);
  const used = [0, ...others.map((_, k) => k + 1).filter((k) => slots.includes(k))];
  const extracts = checks.map((t) => t.extract);
  // perRep: candidate → per check, the metric over the replications of its strategy.
  const perRep = new Map<string, number[][]>();
  const batch = async (xs: number[][]): Promise<number[]> => {
    const points = xs.flatMap((x) => used.map((slot) => (slot === 0 ? pointParams(o.base, ranges, x) : strategyPoint(others[slot - 1].params, o.base, ranges, x))));
    const values = await evaluatePoints(points, extracts, o.evaluation);
    return xs.map((x, p) => {
      const byCheck = checks.map((_, i) => values[p * used.length + used.indexOf(slots[i])][i]);
      perRep.set(x.join(','), byCheck);
      return objectiveOf(targets, byCheck.slice(0, targets.length).map(meanFinite));
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
  const bestReps = perRep.get(result.x.join(',')) ?? checks.map(() => []);
  return {
    parameters: assignmentsAt(ranges, result.x),
    objective: result.f,
    reason: result.reason,
    evaluations: result.evaluations,
    iterations: result.iterations,
    restarts: result.restarts,
    history,
    fit: checks.map((t, i) => fitRow(t, bestReps[i], i < targets.length ? 'target' : 'held out')),
  };
}

/**
 * A strategy's parameters at a candidate: the fitted values replace the ones it inherited from
 * the baseline (equal to the baseline's); a value the strategy sets itself is its lever and stays.
 */
export function strategyPoint(params: Params, base: Params, ranges: ResolvedRanges, x: readonly number[]): Params {
  const inherited = ranges.ranges.map((q) => getPath(params, q.path) === getPath(base, q.path));
  if (inherited.every((k) => !k)) return params;
  const keep = <T>(xs: readonly T[]) => xs.filter((_, i) => inherited[i]);
  return pointParams(params, { ranges: keep(ranges.ranges), parameters: keep(ranges.parameters) }, keep(x));
}

function baseValue(base: Params, r: ParamRange): number {
  const v = getPath(base, r.path);
  return typeof v === 'number' ? v : (r.min + r.max) / 2;
}

function fitRow(t: CalibrationTarget, values: readonly number[], role: FitRow['role']): FitRow {
  const ci = tInterval(finite(values));
  const residual = ci.mean - t.value;
  return { metric: t.metric, strategy: t.strategy ?? '', role, target: t.value, simulated: ci.mean, lo: ci.lo, hi: ci.hi, scale: t.scale, weight: t.weight, residual, contribution: role === 'target' ? t.weight * (residual / t.scale) ** 2 : 0 };
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
