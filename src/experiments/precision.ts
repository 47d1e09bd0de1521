/**
 * "How many replications?" answered by the runs themselves: replications are added in batches
 * until the 95 % interval of every unit (each strategy's paired difference to the baseline, or
 * each strategy's or sweep point's mean where there is nothing to pair with) is narrower than the
 * half-width asked for on each target metric, or a cap is reached.
 *
 * Replication r always runs on the same seeds, so the runs after stopping at N are exactly the
 * runs of an experiment asked for N replications: outputs are byte-identical to that experiment,
 * and the manifest can say `--replications N`. The next N is projected from the widest interval:
 * with spread s estimated as hw·√n / t(n−1), the smallest m with t(m−1)·s/√m ≤ target (at most
 * four times n per step, as s from few runs is rough). Stopping when an interval first looks
 * narrow enough makes intervals a little optimistic (sequential testing): the cap and the batch
 * projection keep the number of looks small.
 */
import type { RunResult } from '../model/metrics.js';
import { pairedDifference } from '../stats/paired.js';
import { finite, tCritical, tInterval } from '../stats/summary.js';
import type { Job } from './jobs.js';
import type { MetricDef } from './objective.js';

export interface PrecisionTarget {
  metric: MetricDef;
  /** Wanted half-width of the 95 % interval, in the metric's unit. */
  halfWidth: number;
}

/** A strategy or design point and its runs, in replication order. */
export interface PrecisionUnit {
  name: string;
  runs: readonly RunResult[];
}

export interface UnitCheck {
  unit: string;
  metric: string;
  /** Half-width of the 95 % interval (Infinity while it cannot be computed: fewer than two runs with the metric defined). */
  halfWidth: number;
  n: number;
}

export interface PrecisionStep {
  replications: number;
  /** Per target, its widest unit. */
  widest: UnitCheck[];
  met: boolean;
}

const LEVEL = 0.95;

const halfWidthOf = (lo: number, hi: number, n: number) => (n >= 2 && Number.isFinite(hi - lo) ? (hi - lo) / 2 : Infinity);

/**
 * Interval half-widths of every unit on every target: paired with the unit named `baseline` when
 * given (that unit itself is then not checked), else each unit's mean.
 */
export function halfWidths(units: readonly PrecisionUnit[], targets: readonly PrecisionTarget[], baseline?: string): UnitCheck[] {
  const base = baseline === undefined ? undefined : units.find((u) => u.name === baseline);
  const checks: UnitCheck[] = [];
  for (const t of targets) {
    for (const u of units) {
      if (base && u === base) continue;
      if (base) {
        const byRep = new Map(base.runs.map((r) => [r.replication, r]));
        const pairs = u.runs.flatMap((r) => (byRep.has(r.replication) ? [[r, byRep.get(r.replication)!] as const] : []));
        const d = pairedDifference(pairs.map(([r]) => t.metric.extract(r)), pairs.map(([, b]) => t.metric.extract(b)), LEVEL);
        checks.push({ unit: u.name, metric: t.metric.key, halfWidth: halfWidthOf(d.lo, d.hi, d.n), n: d.n });
      } else {
        const ci = tInterval(finite(u.runs.map(t.metric.extract)), LEVEL);
        checks.push({ unit: u.name, metric: t.metric.key, halfWidth: halfWidthOf(ci.lo, ci.hi, ci.n), n: ci.n });
      }
    }
  }
  return checks;
}

/** Per target, the unit with the widest interval. */
export function widestPerTarget(checks: readonly UnitCheck[], targets: readonly PrecisionTarget[]): UnitCheck[] {
  return targets.flatMap((t) => {
    const mine = checks.filter((c) => c.metric === t.metric.key);
    return mine.length ? [mine.reduce((a, b) => (b.halfWidth > a.halfWidth ? b : a))] : [];
  });
}

export const targetsMet = (widest: readonly UnitCheck[], targets: readonly PrecisionTarget[]): boolean =>
  widest.every((c) => c.halfWidth <= targets.find((t) => t.metric.key === c.metric)!.halfWidth);

/** Replications to run next: the projection of every target's widest interval, between n + 1 and min(4n, cap). */
export function projectReplications(n: number, widest: readonly UnitCheck[], targets: readonly PrecisionTarget[], cap: number): number {
  const most = Math.min(cap, 4 * n);
  let want = n + 1;
  for (const c of widest) {
    const target = targets.find((t) => t.metric.key === c.metric)!.halfWidth;
    if (c.halfWidth <= target) continue;
    if (!Number.isFinite(c.halfWidth) || c.n < 2) return most;
    const s = (c.halfWidth * Math.sqrt(c.n)) / tCritical(LEVEL, c.n - 1);
    let m = n + 1;
    while (m < most && (tCritical(LEVEL, m - 1) * s) / Math.sqrt(m) > target) m++;
    want = Math.max(want, m);
  }
  return Math.min(want, most);
}

export interface PrecisionRun {
  targets: readonly PrecisionTarget[];
  /** Replications to start with (at least 2). */
  start: number;
  /** Most replications to run. */
  cap: number;
  /** Every job of the experiment with n replications, in its usual order (keys as in a run without --precision). */
  jobsUpTo: (n: number) => Job[];
  /** Runs a batch of jobs; results in job order. */
  run: (jobs: Job[]) => Promise<RunResult[]>;
  /** The units of the results so far. */
  units: (results: readonly RunResult[]) => PrecisionUnit[];
  /** Name of the baseline unit: differences are paired with it. */
  baseline?: string;
  /** Called after each batch, e.g. to print how far the intervals are. */
  onStep?: (step: PrecisionStep) => void;
}

export interface PrecisionResult {
  /** The results of jobsUpTo(replications), in that order. */
  results: RunResult[];
  replications: number;
  steps: PrecisionStep[];
  met: boolean;
}

/** Runs batches of replications until every target's widest interval is narrow enough or `cap` replications have run. */
export async function runToPrecision(x: PrecisionRun): Promise<PrecisionResult> {
  if (!(Number.isInteger(x.start) && x.start >= 2)) throw new RangeError(`precision needs at least 2 replications to start, got ${x.start}`);
  if (!(Number.isInteger(x.cap) && x.cap >= x.start)) throw new RangeError(`the replication cap (${x.cap}) must be a whole number ≥ the start (${x.start})`);
  const done = new Map<string, RunResult>();
  const steps: PrecisionStep[] = [];
  let n = x.start;
  for (;;) {
    const jobs = x.jobsUpTo(n);
    const batch = jobs.filter((j) => !done.has(j.key));
    const results = batch.length ? await x.run(batch) : [];
    batch.forEach((j, i) => done.set(j.key, results[i]));
    const all = jobs.map((j) => done.get(j.key)!);
    const widest = widestPerTarget(halfWidths(x.units(all), x.targets, x.baseline), x.targets);
    const step = { replications: n, widest, met: targetsMet(widest, x.targets) };
    steps.push(step);
    x.onStep?.(step);
    if (step.met || n >= x.cap) return { results: all, replications: n, steps, met: step.met };
    n = projectReplications(n, widest, x.targets, x.cap);
  }
}
