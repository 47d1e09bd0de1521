/** Tables from run results: the daily metrics CSV, summary and paired-comparison CSVs, and chart band rows. */
import { METRIC_KEYS, periodValue, type MetricKey, type RunResult } from '../model/metrics.js';
import type { Scenario } from '../scenario/schema.js';
import { holmAdjust } from '../stats/holm.js';
import { pairedDifference } from '../stats/paired.js';
import { finite, tInterval } from '../stats/summary.js';
import { csvLine, formatHuman, humanDecimals, toCsv } from './format.js';
import { groupRuns, replicationCount } from './runs.js';
import { SUMMARY_METRICS, type SummaryMetricKey } from './summaryMetrics.js';

/** The metrics the runs report, in the catalogue order of the model that produced them. */
const metricKeysOf = (results: readonly RunResult[]) => (results.length > 0 ? (Object.keys(results[0].series) as MetricKey[]) : METRIC_KEYS);

/**
 * Wide daily table: one row per strategy × replication × day, one column per metric in catalogue
 * order. Strategies follow the scenario when given, else their first appearance in results.
 */
export function metricsCsv(results: readonly RunResult[], scenario?: Scenario): string {
  return [...metricsCsvLines(results, scenario)].join('');
}

/** metricsCsv line by line (each with its newline), so a long table can be streamed to a file instead of held as one string. */
export function* metricsCsvLines(results: readonly RunResult[], scenario?: Scenario): Generator<string> {
  const keys = metricKeysOf(results);
  yield csvLine(['strategy', 'replication', 'day', ...keys]);
  for (const g of groupRuns(results, scenario)) {
    for (const run of g.runs) {
      for (let day = 0; day <= run.days; day++) yield csvLine([run.strategy, run.replication, day, ...keys.map((k) => run.series[k][day])]);
    }
  }
}

export interface MetricRow {
  strategy: string;
  replication: number;
  day: number;
  metric: MetricKey;
  value: number;
}

/** Tidy (long) daily rows for notebooks and data frames: one per strategy × replication × day × metric, in metricsCsv's order. */
export function metricsRows(results: readonly RunResult[], scenario?: Scenario): MetricRow[] {
  const rows: MetricRow[] = [];
  const keys = metricKeysOf(results);
  for (const g of groupRuns(results, scenario)) {
    for (const run of g.runs) {
      for (let day = 0; day <= run.days; day++) for (const metric of keys) rows.push({ strategy: run.strategy, replication: run.replication, day, metric, value: run.series[metric][day] });
    }
  }
  return rows;
}

export interface SummaryRow {
  strategy: string;
  label: string;
  metric: SummaryMetricKey;
  metricLabel: string;
  unit: string;
  mean: number;
  lo: number; // 95 % Student-t interval over replications
  hi: number;
  sd: number;
  n: number; // replications where the metric is defined (finite)
}

/** Mean, 95 % interval and sd over replications, per strategy (scenario order) × summary metric. */
export function summaryRows(scenario: Scenario, results: readonly RunResult[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const g of groupRuns(results, scenario)) {
    for (const m of SUMMARY_METRICS) {
      const ci = tInterval(finite(g.runs.map(m.extract)));
      rows.push({ strategy: g.strategy, label: g.label, metric: m.key, metricLabel: m.label, unit: m.unit, mean: ci.mean, lo: ci.lo, hi: ci.hi, sd: ci.sd, n: ci.n });
    }
  }
  return rows;
}

export function summaryCsv(scenario: Scenario, results: readonly RunResult[]): string {
  const header = ['strategy', 'metric', 'label', 'unit', 'mean', 'lo95', 'hi95', 'sd', 'n'];
  return toCsv(header, summaryRows(scenario, results).map((r) => [r.strategy, r.metric, r.metricLabel, r.unit, r.mean, r.lo, r.hi, r.sd, r.n]));
}

export interface PairedRow {
  strategy: string;
  label: string;
  baseline: string;
  metric: SummaryMetricKey;
  metricLabel: string;
  unit: string;
  meanDiff: number; // strategy − baseline
  lo: number;
  hi: number;
  n: number; // replications present, with the metric defined, on both sides
  /** Two-sided paired t-test p-value of this comparison alone (NaN below two pairs). */
  p: number;
  /** p after Holm's adjustment over every strategy × metric comparison of the table (stats/holm.ts). */
  pHolm: number;
  /** Distinguishable from noise as one of all these comparisons: pHolm < 0.05 (on at least two pairs). */
  distinguishable: boolean;
}

/** The significance level of the verdicts (95 % intervals). */
export const ALPHA = 0.05;

/**
 * Every non-baseline strategy × summary metric against the baseline (first strategy), paired by
 * replication number: equal numbers ran on the same seeds, so their shared noise cancels. The
 * verdicts are Holm-adjusted over all these comparisons together: "distinguishable" keeps the
 * chance of any false call among them at 5 %, however many strategies and metrics there are.
 */
export function pairedRows(scenario: Scenario, results: readonly RunResult[]): PairedRow[] {
  const baselineName = scenario.strategies[0]?.name;
  const groups = groupRuns(results, scenario);
  const base = groups.find((g) => g.strategy === baselineName);
  if (!base) return [];
  const baseByRep = new Map(base.runs.map((r) => [r.replication, r]));
  const rows: PairedRow[] = [];
  for (const g of groups) {
    if (g === base) continue;
    const pairs = g.runs.flatMap((r) => {
      const b = baseByRep.get(r.replication);
      return b ? [[r, b] as const] : [];
    });
    for (const m of SUMMARY_METRICS) {
      const d = pairedDifference(pairs.map(([r]) => m.extract(r)), pairs.map(([, b]) => m.extract(b)));
      rows.push({ strategy: g.strategy, label: g.label, baseline: base.strategy, metric: m.key, metricLabel: m.label, unit: m.unit, ...d, pHolm: NaN });
    }
  }
  const adjusted = holmAdjust(rows.map((r) => r.p));
  rows.forEach((r, i) => {
    r.pHolm = adjusted[i];
    r.distinguishable = r.n >= 2 && adjusted[i] < ALPHA;
  });
  return rows;
}

/**
 * Where a paired difference stands: distinguishable from noise after Holm's adjustment; only
 * suggestive — its own 95% interval excludes 0, but not after the adjustment (so a chart's
 * whisker clear of 0 and an open verdict do not contradict each other); or within noise.
 */
export type PairedStanding = 'distinguishable' | 'suggestive' | 'within noise';
export const pairedStanding = (r: { n: number; lo: number; hi: number; distinguishable: boolean }): PairedStanding =>
  r.distinguishable ? 'distinguishable' : r.n >= 2 && (r.lo > 0 || r.hi < 0) ? 'suggestive' : 'within noise';
/** What "suggestive" means, for a note beside the verdicts. */
export const SUGGESTIVE_NOTE = 'suggestive: its own 95% interval excludes 0, but not after the adjustment';

/** How many comparisons the verdicts were adjusted over (those with a test: two pairs or more). */
export const comparisonCount = (rows: readonly PairedRow[]): number => rows.filter((r) => !Number.isNaN(r.p)).length;

export function pairedCsv(scenario: Scenario, results: readonly RunResult[]): string {
  const header = ['strategy', 'baseline', 'metric', 'label', 'unit', 'meanDiff', 'lo95', 'hi95', 'n', 'p', 'pHolm', 'distinguishable'];
  return toCsv(header, pairedRows(scenario, results).map((r) => [r.strategy, r.baseline, r.metric, r.metricLabel, r.unit, r.meanDiff, r.lo, r.hi, r.n, r.p, r.pHolm, r.distinguishable]));
}

export interface BandRow {
  strategy: string;
  label: string;
  day: number; // the day, or the middle day of the period when aggregated
  metric: MetricKey;
  mean: number;
  lo: number;
  hi: number;
  n: number;
}

/**
 * Mean and 95 % interval across replications per strategy × day × metric. With `period` > 1 each
 * run is first aggregated over consecutive blocks of that many days (from day 0; the last block
 * may be shorter) — means, or for ratio metrics Σnum/Σden — and the interval is taken over those
 * run values, so bands stay honest intervals.
 */
export function dailyBandsRows(scenario: Scenario, results: readonly RunResult[], metrics: readonly MetricKey[], period = 1): BandRow[] {
  if (!(Number.isInteger(period) && period >= 1)) throw new Error(`period must be a positive integer, got ${period}`);
  const rows: BandRow[] = [];
  for (const g of groupRuns(results, scenario)) {
    const days = Math.min(...g.runs.map((r) => r.days));
    for (let start = 0; start <= days; start += period) {
      const end = Math.min(days, start + period - 1);
      for (const metric of metrics) {
        const values = g.runs.map((r) => periodValue(r.series, metric, start, end));
        const ci = tInterval(finite(values));
        rows.push({ strategy: g.strategy, label: g.label, day: (start + end) / 2, metric, mean: ci.mean, lo: ci.lo, hi: ci.hi, n: ci.n });
      }
    }
  }
  return rows;
}


/** The columns of the terminal table, with short names for the "vs baseline" lines. */
const TERMINAL_COLUMNS: readonly { key: SummaryMetricKey; head: string; short: string }[] = [
  { key: 'finalNps', head: 'NPS', short: 'NPS' },
  { key: 'finalCustomers', head: 'Customers', short: 'customers' },
  { key: 'cumulativeProfit', head: 'Cum. profit', short: 'cum. profit' },
  { key: 'clv', head: 'CLV', short: 'CLV' },
  { key: 'costPerAcquisition', head: 'CPA', short: 'CPA' },
];

/**
 * A fixed-width text table for the terminal: strategies as rows, "mean ± 95 % half-width" cells,
 * then one line per strategy naming which differences from the baseline stand out from noise.
 */
export function formatSummaryTable(scenario: Scenario, results: readonly RunResult[]): string {
  const summary = summaryRows(scenario, results);
  const reps = replicationCount(results);
  const groups = groupRuns(results, scenario);
  const cell = (strategy: string, key: SummaryMetricKey) => summary.find((r) => r.strategy === strategy && r.metric === key);
  const decimals = TERMINAL_COLUMNS.map((c) => humanDecimals(Math.max(...summary.filter((r) => r.metric === c.key).map((r) => Math.abs(r.mean)).filter(Number.isFinite), 0)));
  const body = groups.map((g) => [
    g.label,
    ...TERMINAL_COLUMNS.map((c, j) => {
      const r = cell(g.strategy, c.key);
      if (!r || r.n === 0) return '–';
      const text = formatHuman(r.mean, decimals[j]);
      return r.n > 1 ? `${text} ± ${formatHuman((r.hi - r.lo) / 2, decimals[j])}` : text;
    }),
  ]);
  const head = ['Strategy', ...TERMINAL_COLUMNS.map((c) => c.head)];
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((row) => row[j].length)));
  const line = (row: string[]) => row.map((v, j) => (j === 0 ? v.padEnd(widths[j]) : v.padStart(widths[j]))).join('   ').trimEnd();
  const days = results[0]?.days ?? scenario.days;
  const what = reps > 1 ? `mean ± 95% half-width over ${reps} replications` : 'one replication: no intervals';
  const out = [`${scenario.name}: ${days} days, ${what}`, '', line(head), ...body.map(line)];

  const paired = pairedRows(scenario, results);
  if (paired.length > 0) {
    out.push('', `vs ${groups[0]?.label ?? 'baseline'} (paired by replication, 95%; verdicts Holm-adjusted over all ${comparisonCount(paired)} strategy × metric comparisons; ${SUGGESTIVE_NOTE}):`);
    for (const g of groups.slice(1)) {
      const rows = TERMINAL_COLUMNS.map((c, j) => ({ c, j, r: paired.find((p) => p.strategy === g.strategy && p.metric === c.key) }));
      if (rows.every(({ r }) => !r || r.n < 2)) {
        out.push(`  ${g.label}: too few replications to tell differences from noise`);
        continue;
      }
      const standing = (r: PairedRow | undefined) => (r ? pairedStanding(r) : 'within noise');
      const listed = (st: PairedStanding) => rows.filter(({ r }) => standing(r) === st).map(({ c, j, r }) => `${c.short} ${signed(r!.meanDiff, decimals[j])}`);
      const clear = listed('distinguishable'), suggestive = listed('suggestive');
      const noise = rows.filter(({ r }) => standing(r) === 'within noise').map(({ c }) => c.short);
      const parts = [
        clear.length ? `distinguishable: ${clear.join(', ')}` : 'no difference distinguishable from noise',
        ...(suggestive.length ? [`suggestive: ${suggestive.join(', ')}`] : []),
        ...(clear.length + suggestive.length && noise.length ? [`within noise: ${noise.join(', ')}`] : []),
      ];
      out.push(`  ${g.label}: ${parts.join('; ')}`);
    }
  }
  return out.join('\n') + '\n';
}

const signed = (x: number, decimals: number) => (x > 0 ? '+' : '') + formatHuman(x, decimals);
