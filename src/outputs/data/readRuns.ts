/**
 * The finished runs of an output folder read back from its Parquet files — metrics.parquet (the
 * daily series, wide or long) and runs.parquet (horizon and totals per run) — exactly: Parquet
 * keeps every double, and a null is the NaN it was written for. So a folder written by compare
 * or run keeps its runs compactly, and charts or a report can be made again without simulating.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Table as ArrowTable } from 'apache-arrow';
import type { RunResult, RunTotals, Series } from '../../model/metrics.js';
import { readParquet } from './parquet.js';

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
  const out = new Map<string, { days: number; totals: RunTotals }>();
  for (let i = 0; i < runs.numRows; i++) {
    out.set(runKey(strategy[i], replication[i]), { days: days[i], totals: { customerDays: customerDays[i], churnEvents: churnEvents[i], clv: clv[i], cohortValue: cohortValue[i], costPerAcquisition: cpa[i] } });
  }
  return out;
}

/** Runs from the two tables, in the order the metrics table lists them. */
export function runsFromTables(metrics: ArrowTable, runs: ArrowTable): RunResult[] {
  const totals = totalsOf(runs);
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
  const [metrics, runs] = await Promise.all(['metrics.parquet', 'runs.parquet'].map(async (f) => readParquet(new Uint8Array(await readFile(join(dir, f))))));
  return runsFromTables(metrics, runs);
}
