/**
 * Verdicts a strategist can trust: for each strategy against the baseline and each headline
 * metric, the sign and size of the effect across seeds (the replications, paired on common random
 * numbers) and across the plausible range of the parameters it may hinge on (a Latin hypercube
 * over them, plus the scenario as written), reduced to a plain verdict:
 *
 *   robust             the 95% paired interval excludes 0, with the same sign, at every point;
 *   leans + / −        distinguishable at some points only, but every point's estimate is on the
 *                      same side of 0 and they lie within one interval's half-width of each other
 *                      (the median over the points): the effect does not visibly move over the
 *                      ranges, the replications are too few to show it at every point;
 *   depends on X       distinguishable at some points and not (or with the other sign) at others,
 *                      and the estimates move by more than that; X is the parameter whose values
 *                      go most with the effect (|Spearman ρ|);
 *   not distinguishable the interval includes 0 at every point.
 *
 * "Distinguishable" at a point is Holm-adjusted over the strategies × metrics judged there
 * (stats/holm.ts), as in the summary tables: with many strategies and metrics, a verdict is not
 * "robust" by the luck of one comparison in twenty.
 *
 * Every point runs every strategy on the same seeds, so the differences between points are the
 * parameters', never fresh randomness.
 */
import type { RunResult } from '../model/metrics.js';
import { permutation } from '../random/permutation.js';
import { stream } from '../random/streams.js';
import type { Params, Scenario } from '../scenario/schema.js';
import { holmAdjust } from '../stats/holm.js';
import { pairedDifference, type PairedDifference } from '../stats/paired.js';
import type { Job } from './jobs.js';
import { evaluatePoints, pointParams, resolveRanges, valuesAt, type EvaluationOptions, type MetricDef, type ParamRange } from './objective.js';

export type Verdict = 'robust' | 'leans' | 'depends' | 'not distinguishable';

export interface VerdictOptions extends Omit<EvaluationOptions, 'strategy' | 'runner'> {
  /** The plausible ranges of the parameters a verdict may hinge on (`path=min:max`). */
  ranges: readonly ParamRange[];
  /** Latin hypercube points over the ranges (the scenario as written is one more). */
  points: number;
  metrics: readonly MetricDef[];
  runner?: (jobs: Job[]) => Promise<RunResult[]>;
}

export interface VerdictRow {
  strategy: string;
  metric: string;
  verdict: Verdict;
  /** +1 or −1 when robust or leaning; the sign at the scenario as written otherwise (0 if within noise there). */
  sign: number;
  /** The parameter the effect goes with most, when the verdict depends on one. */
  hinge: string | null;
  /** The paired difference at the scenario as written, and the range of the mean differences over every point. */
  asWritten: PairedDifference;
  lowest: number;
  highest: number;
  /** Share of points where the difference is distinguishable. */
  distinguishableShare: number;
}

export interface VerdictResult {
  rows: VerdictRow[];
  /** Parameter values of every point (point 0: the scenario as written, NaN for each parameter). */
  points: number[][];
}

/** Ranks with ties averaged (for Spearman's ρ). */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let k = 0; k < order.length; ) {
    let j = k;
    while (j + 1 < order.length && order[j + 1][0] === order[k][0]) j++;
    for (let m = k; m <= j; m++) r[order[m][1]] = (k + j) / 2;
    k = j + 1;
  }
  return r;
}

/** Spearman's rank correlation (0 when either side is constant). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const a = ranks(xs), b = ranks(ys), n = xs.length;
  const ma = a.reduce((s, x) => s + x, 0) / n, mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** The verdict of one strategy × metric from its paired differences at every point. */
export function judge(diffs: readonly PairedDifference[]): { verdict: Verdict; sign: number } {
  const signs = diffs.map((d) => (d.distinguishable ? Math.sign(d.meanDiff) : 0));
  if (signs.every((s) => s === 0)) return { verdict: 'not distinguishable', sign: 0 };
  if (signs.every((s) => s === signs[0])) return { verdict: 'robust', sign: signs[0] };
  const side = Math.sign(diffs.find((d) => d.distinguishable)!.meanDiff);
  const means = diffs.map((d) => d.meanDiff);
  const halfWidths = diffs.map((d) => (d.hi - d.lo) / 2).filter(Number.isFinite).sort((a, b) => a - b);
  const typical = halfWidths.length > 0 ? halfWidths[Math.floor(halfWidths.length / 2)] : NaN;
  if (means.every((m) => Math.sign(m) === side) && Math.max(...means) - Math.min(...means) <= typical) return { verdict: 'leans', sign: side };
  return { verdict: 'depends', sign: signs[0] };
}

/**
 * Holm's adjustment at each point over every strategy × metric judged there (diffs[k][m][p]):
 * a difference stays distinguishable only if its adjusted p is below 0.05 as well.
 */
export function adjustPerPoint(diffs: PairedDifference[][][], pointCount: number): void {
  for (let p = 0; p < pointCount; p++) {
    const cells = diffs.flatMap((byMetric) => byMetric.map((byPoint) => byPoint[p]));
    const adjusted = holmAdjust(cells.map((c) => c.p));
    cells.forEach((c, i) => (c.distinguishable = c.distinguishable && adjusted[i] < 0.05));
  }
}

export async function verdicts(scenario: Scenario, opts: VerdictOptions): Promise<VerdictResult> {
  const [baseline, ...others] = scenario.strategies;
  const resolved = resolveRanges(baseline.params, opts.ranges);
  const dims = opts.ranges.length;
  // Latin hypercube in the unit cube: each dimension cut into `points` strata, one point each.
  const rng = stream(scenario.seed, 'verdicts');
  const perms = Array.from({ length: dims }, () => permutation(opts.points, rng));
  const unit = Array.from({ length: opts.points }, (_, k) => perms.map((p) => (p[k] + rng()) / opts.points));
  const at = (s: Params, p: number): Params => (p === 0 ? s : pointParams(s, resolved, unit[p - 1]));
  const pointCount = opts.points + 1;
  const params = Array.from({ length: pointCount }, (_, p) => scenario.strategies.map((s) => at(s.params, p))).flat();
  const S = scenario.strategies.length;
  const out = await evaluatePoints(params, opts.metrics.map((m) => m.extract), { ...opts, strategy: 'verdicts' });
  const values = [dims > 0 ? new Array<number>(dims).fill(NaN) : [], ...unit.map((x) => valuesAt(resolved, x))];
  // diffs[k][mi][p]: strategy others[k] vs the baseline on metric mi at point p, Holm-adjusted per point.
  const diffs = others.map((_, k) => opts.metrics.map((_m, mi) => Array.from({ length: pointCount }, (_p, p) => pairedDifference(out[p * S + k + 1][mi], out[p * S][mi]))));
  adjustPerPoint(diffs, pointCount);
  const rows: VerdictRow[] = [];
  others.forEach((s, k) => {
    opts.metrics.forEach((m, mi) => {
      const atPoints = diffs[k][mi];
      const { verdict, sign } = judge(atPoints);
      let hinge: string | null = null;
      if (verdict === 'depends' && dims > 0) {
        const effects = atPoints.slice(1).map((d) => d.meanDiff);
        let best = -1;
        opts.ranges.forEach((r, d) => {
          const rho = Math.abs(spearman(values.slice(1).map((v) => v[d]), effects));
          if (rho > best) { best = rho; hinge = r.path; }
        });
      }
      const means = atPoints.map((d) => d.meanDiff).filter(Number.isFinite);
      rows.push({
        strategy: s.name,
        metric: m.key,
        verdict,
        sign,
        hinge,
        asWritten: atPoints[0],
        lowest: Math.min(...means),
        highest: Math.max(...means),
        distinguishableShare: atPoints.filter((d) => d.distinguishable).length / pointCount,
      });
    });
  });
  return { rows, points: values };
}
