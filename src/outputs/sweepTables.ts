/** Tables of a parameter sweep: tidy per-run rows, per-point means with 95% intervals, and a terminal table. */
import type { Level } from '../experiments/design.js';
import type { SweepResult } from '../experiments/sweep.js';
import { finite, tInterval } from '../stats/summary.js';
import { formatHuman, formatNumber, humanDecimals, toCsv } from './format.js';
import { currencyOf, displayUnit } from './palette.js';
import { SUMMARY_METRIC_BY_KEY, SUMMARY_METRICS, type SummaryMetricKey } from './summaryMetrics.js';

export interface SweepRow {
  point: number;
  /** One value per swept parameter, in result.parameters order. */
  values: Level[];
  replication: number;
  metric: SummaryMetricKey;
  value: number;
}

/** One row per point × replication × summary metric (catalogue order). */
export function sweepRows(result: SweepResult): SweepRow[] {
  const rows: SweepRow[] = [];
  result.points.forEach((p, k) => {
    for (const run of result.runs[k]) for (const m of SUMMARY_METRICS) rows.push({ point: p.index, values: p.values, replication: run.replication, metric: m.key, value: m.extract(run) });
  });
  return rows;
}

const paths = (result: SweepResult) => result.parameters.map((p) => p.path);

/** sweep.csv: columns point, each swept parameter (by path), replication, metric, value. */
export function sweepCsv(result: SweepResult): string {
  return toCsv(['point', ...paths(result), 'replication', 'metric', 'value'], sweepRows(result).map((r) => [r.point, ...r.values, r.replication, r.metric, r.value]));
}

export interface SweepSummaryRow {
  point: number;
  values: Level[];
  metric: SummaryMetricKey;
  mean: number;
  lo: number; // 95 % Student-t interval over replications
  hi: number;
  sd: number;
  n: number; // replications where the metric is defined
}

/** Mean and 95 % interval over replications per point × summary metric. */
export function sweepSummaryRows(result: SweepResult): SweepSummaryRow[] {
  return result.points.flatMap((p, k) =>
    SUMMARY_METRICS.map((m) => {
      const ci = tInterval(finite(result.runs[k].map(m.extract)));
      return { point: p.index, values: p.values, metric: m.key, mean: ci.mean, lo: ci.lo, hi: ci.hi, sd: ci.sd, n: ci.n };
    }),
  );
}

/** sweep-summary.csv: columns point, each swept parameter, metric, mean, lo95, hi95, sd, n. */
export function sweepSummaryCsv(result: SweepResult): string {
  return toCsv(['point', ...paths(result), 'metric', 'mean', 'lo95', 'hi95', 'sd', 'n'], sweepSummaryRows(result).map((r) => [r.point, ...r.values, r.metric, r.mean, r.lo, r.hi, r.sd, r.n]));
}

const MAX_ROWS = 20;

/** The chosen metric per point for the terminal, "mean ± 95 % half-width", at most 20 points. */
export function formatSweepTable(result: SweepResult, metric: SummaryMetricKey): string {
  const m = SUMMARY_METRIC_BY_KEY[metric];
  const rows = sweepSummaryRows(result).filter((r) => r.metric === metric);
  const decimals = humanDecimals(Math.max(0, ...rows.map((r) => Math.abs(r.mean)).filter(Number.isFinite)));
  const cell = (r: SweepSummaryRow) => (r.n === 0 ? '–' : r.n > 1 ? `${formatHuman(r.mean, decimals)} ± ${formatHuman((r.hi - r.lo) / 2, decimals)}` : formatHuman(r.mean, decimals));
  const head = ['point', ...paths(result), `${m.label} (${displayUnit(m.unit, currencyOf(result.scenario))})`];
  const body = rows.slice(0, MAX_ROWS).map((r) => [String(r.point), ...r.values.map((v) => (typeof v === 'number' ? formatNumber(v) : String(v))), cell(r)]);
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((row) => row[j].length)));
  const line = (row: string[]) => row.map((v, j) => (j === row.length - 1 || j === 0 ? v.padStart(widths[j]) : v.padEnd(widths[j]))).join('   ').trimEnd();
  const reps = result.replications;
  const title = `${result.scenario.name}: sweep of ${result.strategy.label} (${result.design}, ${result.points.length} points × ${reps} replication${reps === 1 ? '' : 's'} on common seeds, ${result.scenario.days} days)`;
  const more = rows.length > MAX_ROWS ? [`… ${rows.length - MAX_ROWS} more points in sweep-summary.csv`] : [];
  return [title, '', line(head), ...body.map(line), ...more].join('\n') + '\n';
}
