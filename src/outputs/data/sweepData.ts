/**
 * A sweep's research tables (table.ts): every run's summary metrics, long (one row per point ×
 * replication × metric, as sweep.csv) or wide (one row per point × replication, a column per
 * metric), and the per-point summary. Parameter columns are named by their path with underscores
 * (journey_processQuality) and keep the path in the dictionary; the CSV header keeps the dots.
 */
import type { Level } from '../../experiments/design.js';
import type { SweepResult } from '../../experiments/sweep.js';
import type { Scenario } from '../../scenario/schema.js';
import { currencyOf, displayUnit } from '../palette.js';
import { SUMMARY_METRICS } from '../summaryMetrics.js';
import { sweepRows, sweepSummaryRows } from '../sweepTables.js';
import type { Layout } from './runTables.js';
import { checkTable, pathColumn, type Column, type Table } from './table.js';
import { writeTables, dictionaryJson, type DataOptions, type DataProvenance, type Put } from './writeData.js';

const POINT = { name: 'point', type: 'integer', title: 'Design point', description: 'Index of the design point (0-based), in design order.' } as const;
const REPLICATION = { name: 'replication', type: 'integer', title: 'Replication', description: 'Replication number (0-based): every point ran on the same seeds per replication (common random numbers).' } as const;
const METRIC = { name: 'metric', type: 'string', title: 'Summary metric', description: 'Summary metric key (see the categories of this field for label and unit).' } as const;

/** A column of the swept values of one parameter: numbers stay numbers; a mix (2 | "all") becomes text. */
function parameterColumn(path: string, values: readonly Level[]): Column {
  const base = { name: pathColumn(path), path, title: path, description: `Value of the swept parameter ${path} at this point.` };
  if (values.every((v) => typeof v === 'number')) return { ...base, type: 'number', values: Float64Array.from(values as number[]) };
  if (values.every((v) => typeof v === 'boolean')) return { ...base, type: 'boolean', values: values as boolean[] };
  return { ...base, type: 'string', values: values.map(String) };
}

const parameterColumns = (result: SweepResult, rows: readonly { values: Level[] }[]): Column[] => result.parameters.map((p, j) => parameterColumn(p.path, rows.map((r) => r.values[j])));

/** Label and unit of every summary metric, for a `metric` column's categories in the dictionary. */
export function summaryMetricCategories(scenario: Scenario): { value: string; label: string; unit: string }[] {
  const currency = currencyOf(scenario);
  return SUMMARY_METRICS.map((m) => ({ value: m.key, label: m.label, unit: displayUnit(m.unit, currency) }));
}

/** Every run's summary metrics: the rows of sweep.csv (long), or one row per point × replication (wide). */
export function sweepTable(result: SweepResult, layout: Layout = 'long'): Table {
  if (layout === 'long') {
    const rows = sweepRows(result);
    return checkTable({
      name: 'sweep',
      title: 'Sweep runs',
      description: 'Tidy (long) layout: one row per design point × replication × summary metric.',
      primaryKey: ['point', 'replication', 'metric'],
      columns: [
        { ...POINT, values: Int32Array.from(rows, (r) => r.point) },
        ...parameterColumns(result, rows),
        { ...REPLICATION, values: Int32Array.from(rows, (r) => r.replication) },
        { ...METRIC, values: rows.map((r) => r.metric) },
        { name: 'value', type: 'number', title: 'Value', description: 'Value of the metric in that run, in the metric’s unit.', values: Float64Array.from(rows, (r) => r.value) },
      ],
    });
  }
  const runs = result.points.flatMap((p, k) => result.runs[k].map((run) => ({ point: p.index, values: p.values, run })));
  const currency = currencyOf(result.scenario);
  return checkTable({
    name: 'sweep',
    title: 'Sweep runs',
    description: 'Wide layout: one row per design point × replication, one column per summary metric.',
    primaryKey: ['point', 'replication'],
    columns: [
      { ...POINT, values: Int32Array.from(runs, (r) => r.point) },
      ...parameterColumns(result, runs),
      { ...REPLICATION, values: Int32Array.from(runs, (r) => r.run.replication) },
      ...SUMMARY_METRICS.map((m): Column => ({ name: m.key, type: 'number', title: m.label, unit: displayUnit(m.unit, currency), description: `Summary metric of the run: ${m.label}.`, values: Float64Array.from(runs, (r) => m.extract(r.run)) })),
    ],
  });
}

/** sweep-summary.csv as a table: mean, 95 % interval, sd and n per point × summary metric. */
export function sweepSummaryTable(result: SweepResult): Table {
  const rows = sweepSummaryRows(result);
  const num = (k: 'mean' | 'lo' | 'hi' | 'sd') => Float64Array.from(rows, (r) => r[k]);
  return checkTable({
    name: 'sweep-summary',
    title: 'Sweep summary',
    description: 'Mean, 95 % Student-t interval and standard deviation over replications, per design point × summary metric.',
    primaryKey: ['point', 'metric'],
    columns: [
      { ...POINT, values: Int32Array.from(rows, (r) => r.point) },
      ...parameterColumns(result, rows),
      { ...METRIC, values: rows.map((r) => r.metric) },
      { name: 'mean', type: 'number', title: 'Mean', description: 'Mean over replications, in the metric’s unit.', values: num('mean') },
      { name: 'lo95', type: 'number', title: 'Lower 95 % bound', description: 'Lower end of the 95 % Student-t interval of the mean.', values: num('lo') },
      { name: 'hi95', type: 'number', title: 'Upper 95 % bound', description: 'Upper end of the 95 % Student-t interval of the mean.', values: num('hi') },
      { name: 'sd', type: 'number', title: 'Standard deviation', description: 'Standard deviation over replications.', values: num('sd') },
      { name: 'n', type: 'integer', title: 'Replications', description: 'Replications where the metric is defined.', values: Int32Array.from(rows, (r) => r.n) },
    ],
  });
}

/** sweep.(csv|parquet) in the formats asked for, sweep-summary always as CSV too, then datapackage.json. */
export async function writeSweepData(put: Put, result: SweepResult, opts: DataOptions, provenance: DataProvenance): Promise<void> {
  const categories = { metric: { categories: summaryMetricCategories(result.scenario) } };
  const resources = await writeTables(put, [{ table: sweepTable(result, opts.layout), ...(opts.layout === 'long' && { extra: categories }) }, { table: sweepSummaryTable(result), csv: 'always', extra: categories }], opts.formats);
  const s = result.scenario;
  await put('datapackage.json', dictionaryJson(s.name, `cxsim sweep of scenario "${s.name}", strategy ${result.strategy.name}: ${result.points.length} points (${result.design}) × ${result.replications} replications, ${s.days} days, seed ${s.seed}.`, provenance, resources));
}
