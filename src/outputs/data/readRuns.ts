/**
 * The finished runs of an output folder read back from its Parquet files — metrics.parquet (the
 * daily series, wide or long) and runs.parquet (horizon and totals per run) — exactly: Parquet
 * keeps every double, and a null is the NaN it was written for. So a folder written by compare
 * or run keeps its runs compactly, and charts or a report can be made again without simulating.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Table as ArrowTable } from 'apache-arrow';
import type { RunResult, RunTotals, Series } from '../../model/metrics.js';
import { readParquet } from './parquet.js';
import { SEGMENT_FIGURES, segmentKey } from '../../model/mechanisms/costToServe.js';

/** A column as numbers, NaN where null (a missing Arrow vector gives undefined). */
function numbers(t: ArrowTable, name: string): Float64Array | undefined {
  const v = t.getChild(name);
  if (!v) return undefined;
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v.get(i) as number | null;
    out[i] = x === null ? NaN : Number(x);
  }
  return out;
}

const strings = (t: ArrowTable, name: string): string[] => {
  const v = t.getChild(name);
  if (!v) throw new Error(`column ${name} missing`);
  return Array.from({ length: v.length }, (_, i) => String(v.get(i)));
};

const runKey = (strategy: string, replication: number) => `${strategy}\u0000${replication}`;

/** Totals of the runs table, by run. */
function totalsOf(runs: ArrowTable): Map<string, { days: number; totals: RunTotals }> {
  const strategy = strings(runs, 'strategy'), replication = numbers(runs, 'replication')!, days = numbers(runs, 'days')!;
  const col = (name: string) => numbers(runs, name) ?? new Float64Array(runs.numRows).fill(NaN);
  const [customerDays, churnEvents, clv, cohortValue, cpa] = ['customerDays', 'churnEvents', 'clvEstimate', 'cohortValue', 'costPerAcquisition'].map(col);
  const unallocated = numbers(runs, 'costToServeUnallocated');
  const out = new Map<string, { days: number; totals: RunTotals }>();
  for (let i = 0; i < runs.numRows; i++) {
    const totals: RunTotals = { customerDays: customerDays[i], churnEvents: churnEvents[i], clv: clv[i], cohortValue: cohortValue[i], costPerAcquisition: cpa[i] };
    if (unallocated && !Number.isNaN(unallocated[i])) totals.costToServeUnallocated = unallocated[i];
    out.set(runKey(strategy[i], replication[i]), { days: days[i], totals });
  }
  return out;
}

/** Per-segment run totals (costToServe.ts) from segmentRuns.parquet, into the runs' totals. */
function addSegmentFigures(totals: Map<string, { totals: RunTotals }>, table: ArrowTable): void {
  const strategy = strings(table, 'strategy'), replication = numbers(table, 'replication')!, segment = strings(table, 'segment');
  const figures = SEGMENT_FIGURES.map((f) => numbers(table, f)!);
  for (let i = 0; i < table.numRows; i++) {
    const t = totals.get(runKey(strategy[i], replication[i]));
    if (!t) throw new Error(`segmentRuns.parquet names a run runs.parquet lacks: ${strategy[i]} replication ${replication[i]}`);
    SEGMENT_FIGURES.forEach((f, k) => { t.totals[segmentKey(segment[i], f)] = figures[k][i]; });
  }
}

/** Runs from the tables, in the order the metrics table lists them (with their segment figures when the table is given). */
export function runsFromTables(metrics: ArrowTable, runs: ArrowTable, segmentRuns?: ArrowTable): RunResult[] {
  const totals = totalsOf(runs);
  if (segmentRuns) addSegmentFigures(totals, segmentRuns);
  const strategy = strings(metrics, 'strategy'), replication = numbers(metrics, 'replication')!, day = numbers(metrics, 'day')!;
  const long = metrics.getChild('metric') !== null && metrics.getChild('value') !== null;
  const keys = long ? [...new Set(strings(metrics, 'metric'))] : metrics.schema.fields.map((f) => f.name).filter((n) => !['strategy', 'replication', 'day'].includes(n));
  const metricOf = long ? strings(metrics, 'metric') : undefined;
  const columns = long ? [numbers(metrics, 'value')!] : keys.map((k) => numbers(metrics, k)!);
  const byRun = new Map<string, RunResult>();
  const out: RunResult[] = [];
  for (let i = 0; i < metrics.numRows; i++) {
    const key = runKey(strategy[i], replication[i]);
    let run = byRun.get(key);
    if (!run) {
      const t = totals.get(key);
      if (!t) throw new Error(`runs.parquet has no row for ${strategy[i]} replication ${replication[i]}`);
      const series = Object.fromEntries(keys.map((k) => [k, new Float64Array(t.days + 1)])) as unknown as Series;
      run = { strategy: strategy[i], replication: replication[i], days: t.days, series, totals: t.totals };
      byRun.set(key, run);
      out.push(run);
    }
    const s = run.series as unknown as Record<string, Float64Array>;
    if (long) s[metricOf![i]][day[i]] = columns[0][i];
    else for (let j = 0; j < keys.length; j++) s[keys[j]][day[i]] = columns[j][i];
  }
  return out;
}

/** The runs kept in an output folder's metrics.parquet and runs.parquet. */
export async function readRunsFromFolder(dir: string): Promise<RunResult[]> {
  const read = async (f: string) => readParquet(new Uint8Array(await readFile(join(dir, f))));
  const [metrics, runs] = await Promise.all(['metrics.parquet', 'runs.parquet'].map(read));
  return runsFromTables(metrics, runs, existsSync(join(dir, 'segmentRuns.parquet')) ? await read('segmentRuns.parquet') : undefined);
}
