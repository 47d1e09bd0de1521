/**
 * The research tables of `compare` and `run` as column descriptions (table.ts): the daily metrics
 * (wide: one column per metric; or long/tidy: one row per metric value), one row per run with its
 * totals and summary metrics, the summary and the paired differences. The same rows as the CSVs
 * (tables.ts), with exact doubles instead of 10 significant digits.
 */
import { METRIC_BY_KEY, METRIC_KEYS, type MetricKey, type RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { currencyOf, displayUnit } from '../palette.js';
import { COST_SERIES } from '../report/model.js';
import { groupRuns, total } from '../runs.js';
import { SUMMARY_METRICS } from '../summaryMetrics.js';
import type { PairedRow, SummaryRow } from '../tables.js';
import { checkTable, type Column, type Table } from './table.js';

export type Layout = 'wide' | 'long';

const metricKeysOf = (results: readonly RunResult[]) => (results.length > 0 ? (Object.keys(results[0].series) as MetricKey[]) : [...METRIC_KEYS]);

const STRATEGY = { name: 'strategy', type: 'string', title: 'Strategy', description: 'Strategy name as in the scenario file (the baseline first).' } as const;
const REPLICATION = { name: 'replication', type: 'integer', title: 'Replication', description: 'Replication number (0-based): equal numbers ran on the same seeds in every strategy (common random numbers).' } as const;
const DAY = { name: 'day', type: 'integer', title: 'Day', unit: 'days', description: 'Day of the simulation: 0 is the initial state (flows are 0), 1…days the simulated days.' } as const;

/** Runs in table order: strategies as the scenario lists them, replications ascending. */
const ordered = (results: readonly RunResult[], scenario?: Scenario) => groupRuns(results, scenario).flatMap((g) => g.runs);

/** Daily metrics, one row per strategy × replication × day (wide) or × metric (long), in metrics.csv's order. */
export function metricsTable(results: readonly RunResult[], scenario: Scenario, layout: Layout = 'wide'): Table {
  const runs = ordered(results, scenario);
  const keys = metricKeysOf(results);
  const currency = currencyOf(scenario);
  const perRun = runs.map((r) => r.days + 1);
  const days = perRun.reduce((a, b) => a + b, 0);
  const rows = layout === 'wide' ? days : days * keys.length;
  const strategy = new Array<string>(rows), replication = new Int32Array(rows), day = new Int32Array(rows);
  const title = 'Daily metrics';
  if (layout === 'wide') {
    const series = keys.map(() => new Float64Array(rows));
    let i = 0;
    for (const run of runs) {
      const columns = keys.map((k) => run.series[k]);
      for (let d = 0; d <= run.days; d++, i++) {
        strategy[i] = run.strategy;
        replication[i] = run.replication;
        day[i] = d;
        for (let j = 0; j < keys.length; j++) series[j][i] = columns[j][d];
      }
    }
    const metricColumns: Column[] = keys.map((k, j) => {
      const def = METRIC_BY_KEY[k];
      return { name: k, type: 'number', title: def?.label ?? k, unit: def ? displayUnit(def.unit, currency) : undefined, description: def?.doc ?? '', values: series[j] };
    });
    return checkTable({ name: 'metrics', title, description: 'One row per strategy × replication × day, one column per daily metric.', primaryKey: ['strategy', 'replication', 'day'], columns: [{ ...STRATEGY, values: strategy }, { ...REPLICATION, values: replication }, { ...DAY, values: day }, ...metricColumns] });
  }
  const metric = new Array<string>(rows), value = new Float64Array(rows);
  let i = 0;
  for (const run of runs) {
    const columns = keys.map((k) => run.series[k]);
    for (let d = 0; d <= run.days; d++) {
      for (let j = 0; j < keys.length; j++, i++) {
        strategy[i] = run.strategy;
        replication[i] = run.replication;
        day[i] = d;
        metric[i] = keys[j];
        value[i] = columns[j][d];
      }
    }
  }
  return checkTable({
    name: 'metrics',
    title,
    description: 'Tidy (long) layout: one row per strategy × replication × day × metric; the metric column names the metric (its label and unit are listed in the data dictionary).',
    primaryKey: ['strategy', 'replication', 'day', 'metric'],
    columns: [
      { ...STRATEGY, values: strategy },
      { ...REPLICATION, values: replication },
      { ...DAY, values: day },
      { name: 'metric', type: 'string', title: 'Metric', description: 'Metric key (see the categories of this field for label and unit).', values: metric },
      { name: 'value', type: 'number', title: 'Value', description: 'Value of the metric on that day, in the metric’s unit.', values: value },
    ],
  });
}

/** Label and unit of every metric, for the long layout's `metric` column in the data dictionary. */
export function metricCategories(results: readonly RunResult[], scenario: Scenario): { value: string; label: string; unit: string }[] {
  const currency = currencyOf(scenario);
  return metricKeysOf(results).map((k) => ({ value: k, label: METRIC_BY_KEY[k]?.label ?? k, unit: METRIC_BY_KEY[k] ? displayUnit(METRIC_BY_KEY[k].unit, currency) : '' }));
}

/** Mean spend per day of a run, as the report computes it (report/model.ts). */
const spendPerDay = (r: RunResult): number => COST_SERIES.reduce((sum, key) => sum + total(r.series[key]), 0) / Math.max(1, r.days);

const TOTALS = [
  { name: 'customerDays', title: 'Customer-days at risk', unit: 'customer-days', description: 'Σ over days 1…T of customers at risk of churning.' },
  { name: 'churnEvents', title: 'Churn events', unit: 'customers', description: 'Customers lost over days 1…T.' },
  { name: 'clvEstimate', title: 'Estimated customer lifetime value', unit: 'money/customer', description: 'm̄·r̂/(1 + d − r̂) from the run’s margin and retention (the run total behind the clv summary metric).' },
  { name: 'cohortValue', title: 'Cohort value', unit: 'money/customer', description: 'Realised discounted margin per initial customer over the horizon.' },
  { name: 'costToServeUnallocated', title: 'Unallocated service capacity', unit: 'money', description: 'Desk capacity cost (staff, feedback, hiring) on days without a handled contact to charge it to (F18, segments.csv).' },
] as const;
const TOTAL_KEY: Record<(typeof TOTALS)[number]['name'], 'customerDays' | 'churnEvents' | 'clv' | 'cohortValue' | 'costToServeUnallocated'> = { customerDays: 'customerDays', churnEvents: 'churnEvents', clvEstimate: 'clv', cohortValue: 'cohortValue', costToServeUnallocated: 'costToServeUnallocated' };

/**
 * One row per run (strategy × replication): the horizon, the run totals and every summary metric.
 * With the daily metrics this is the whole RunResult, so outputs can be rebuilt without simulating.
 */
export function runsTable(results: readonly RunResult[], scenario: Scenario): Table {
  const runs = ordered(results, scenario);
  const currency = currencyOf(scenario);
  const num = (f: (r: RunResult) => number) => Float64Array.from(runs, f);
  return checkTable({
    name: 'runs',
    title: 'Runs',
    description: 'One row per run (strategy × replication): its horizon, run totals and summary metrics (the values summary.csv and paired.csv are computed from).',
    primaryKey: ['strategy', 'replication'],
    columns: [
      { ...STRATEGY, values: runs.map((r) => r.strategy) },
      { ...REPLICATION, values: Int32Array.from(runs, (r) => r.replication) },
      { name: 'days', type: 'integer', title: 'Days', unit: 'days', description: 'Horizon of the run.', values: Int32Array.from(runs, (r) => r.days) },
      { name: 'spendPerDay', type: 'number', title: 'Spend per day', unit: `${currency} per day`, description: `Mean spend per day over the run: every cost series (${COST_SERIES.join(', ')}) summed over days 1…T, divided by T.`, values: num(spendPerDay) },
      ...TOTALS.map((t): Column => ({ ...t, unit: displayUnit(t.unit, currency), type: 'number', values: num((r) => r.totals[TOTAL_KEY[t.name]] ?? NaN) })),
      ...SUMMARY_METRICS.map((m): Column => ({ name: m.key, type: 'number', title: m.label, unit: displayUnit(m.unit, currency), description: `Summary metric of the run: ${m.label}.`, values: num(m.extract) })),
    ],
  });
}

const summaryFields = (currency: string) => ({
  metric: { name: 'metric', type: 'string', title: 'Summary metric', description: 'Summary metric key (as in summary.csv).' },
  label: { name: 'label', type: 'string', title: 'Metric label', description: 'What the metric measures.' },
  unit: { name: 'unit', type: 'string', title: 'Unit', description: `Unit of the metric (money in ${currency}).` },
}) as const;

/** summary.csv as a table: mean, 95 % interval, sd and n per strategy × summary metric. */
export function summaryTable(rows: readonly SummaryRow[], scenario: Scenario): Table {
  const f = summaryFields(currencyOf(scenario));
  const num = (k: 'mean' | 'lo' | 'hi' | 'sd') => Float64Array.from(rows, (r) => r[k]);
  return checkTable({
    name: 'summary',
    title: 'Summary',
    description: 'Mean, 95 % Student-t interval and standard deviation over replications, per strategy × summary metric.',
    primaryKey: ['strategy', 'metric'],
    columns: [
      { ...STRATEGY, values: rows.map((r) => r.strategy) },
      { ...f.metric, values: rows.map((r) => r.metric) },
      { ...f.label, values: rows.map((r) => r.metricLabel) },
      { ...f.unit, values: rows.map((r) => r.unit) },
      { name: 'mean', type: 'number', title: 'Mean', description: 'Mean over replications, in the metric’s unit.', values: num('mean') },
      { name: 'lo95', type: 'number', title: 'Lower 95 % bound', description: 'Lower end of the 95 % Student-t interval of the mean.', values: num('lo') },
      { name: 'hi95', type: 'number', title: 'Upper 95 % bound', description: 'Upper end of the 95 % Student-t interval of the mean.', values: num('hi') },
      { name: 'sd', type: 'number', title: 'Standard deviation', description: 'Standard deviation over replications.', values: num('sd') },
      { name: 'n', type: 'integer', title: 'Replications', description: 'Replications where the metric is defined.', values: Int32Array.from(rows, (r) => r.n) },
    ],
  });
}

/** paired.csv as a table: each strategy minus the baseline, paired by replication. */
export function pairedTable(rows: readonly PairedRow[], scenario: Scenario): Table {
  const f = summaryFields(currencyOf(scenario));
  const num = (k: 'meanDiff' | 'lo' | 'hi') => Float64Array.from(rows, (r) => r[k]);
  return checkTable({
    name: 'paired',
    title: 'Paired differences to the baseline',
    description: 'Each strategy minus the baseline per summary metric, paired by replication (same seeds), with a 95 % Student-t interval.',
    primaryKey: ['strategy', 'metric'],
    columns: [
      { ...STRATEGY, values: rows.map((r) => r.strategy) },
      { name: 'baseline', type: 'string', title: 'Baseline', description: 'The strategy compared against (the scenario’s first).', values: rows.map((r) => r.baseline) },
      { ...f.metric, values: rows.map((r) => r.metric) },
      { ...f.label, values: rows.map((r) => r.metricLabel) },
      { ...f.unit, values: rows.map((r) => r.unit) },
      { name: 'meanDiff', type: 'number', title: 'Mean difference', description: 'Mean of strategy − baseline over paired replications.', values: num('meanDiff') },
      { name: 'lo95', type: 'number', title: 'Lower 95 % bound', description: 'Lower end of the 95 % interval of the difference.', values: num('lo') },
      { name: 'hi95', type: 'number', title: 'Upper 95 % bound', description: 'Upper end of the 95 % interval of the difference.', values: num('hi') },
      { name: 'n', type: 'integer', title: 'Pairs', description: 'Replications present, with the metric defined, on both sides.', values: Int32Array.from(rows, (r) => r.n) },
      { name: 'p', type: 'number', title: 'p-value', description: 'Two-sided paired t-test p-value of this comparison alone (missing below two pairs): below 0.05 exactly when the 95 % interval excludes 0.', values: Float64Array.from(rows, (r) => r.p) },
      { name: 'pHolm', type: 'number', title: 'Holm-adjusted p-value', description: 'p after Holm’s step-down adjustment over every strategy × metric comparison of this table.', values: Float64Array.from(rows, (r) => r.pHolm) },
      { name: 'distinguishable', type: 'boolean', title: 'Distinguishable', description: 'pHolm < 0.05 on at least two pairs: distinguishable from noise as one of all these comparisons (family-wise error ≤ 5 %).', values: rows.map((r) => r.distinguishable) },
    ],
  });
}
