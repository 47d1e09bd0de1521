/**
 * Research data: the tables behind the CSVs as Parquet (zstd) and a data dictionary. Read back by
 * an independent reader (DuckDB's node API), every Parquet cell equals the CSV cell (CSV keeps 10
 * significant digits: the Parquet double, formatted the CSV way, must give the same text; a null
 * is an empty cell). Real runs of the golden scenario, so ratio metrics have missing days.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobs } from '../../src/experiments/pool.js';
import { scenarioJobs } from '../../src/experiments/jobs.js';
import type { RunResult } from '../../src/model/metrics.js';
import { csvCell } from '../../src/outputs/format.js';
import { tableCsv } from '../../src/outputs/data/csv.js';
import { parquetBytes, readParquet } from '../../src/outputs/data/parquet.js';
import { metricsTable, pairedTable, runsTable, summaryTable } from '../../src/outputs/data/runTables.js';
import { checkTable, pathColumn, type Table } from '../../src/outputs/data/table.js';
import { writeRunData } from '../../src/outputs/data/writeData.js';
import { sweepSummaryTable, sweepTable, writeSweepData } from '../../src/outputs/data/sweepData.js';
import { sweep, type SweepResult } from '../../src/experiments/sweep.js';
import { sweepCsv, sweepSummaryCsv } from '../../src/outputs/sweepTables.js';
import { metricsCsv, pairedCsv, pairedRows, summaryCsv, summaryRows } from '../../src/outputs/tables.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** What a writer was given, lines joined: the file's content. */
const collect = (data: string | Uint8Array | Iterable<string>) => (typeof data === 'string' || data instanceof Uint8Array ? data : [...data].join(''));

let scenario: Scenario;
let results: RunResult[];
const dir = mkdtempSync(join(tmpdir(), 'cxsim-data-'));
const written = new Map<string, string | Uint8Array>();
let db: DuckDBInstance;
let sql: DuckDBConnection;

beforeAll(async () => {
  scenario = loadScenario('test/golden/data/small.yaml', { days: 30 });
  results = await runJobs(scenarioJobs(scenario), { workers: 1 });
  await writeRunData(async (path, data) => void written.set(path, collect(data)), scenario, results, { formats: ['csv', 'parquet'], layout: 'wide' }, { cxsimVersion: 'test', command: ['compare'] });
  db = await DuckDBInstance.create(':memory:');
  sql = await db.connect();
});
afterAll(() => {
  sql?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

/** Rows of a Parquet file as DuckDB reads it, each cell formatted the CSV way. */
async function duckCells(bytes: Uint8Array, name: string): Promise<{ header: string[]; rows: string[][] }> {
  const path = join(dir, `${name}.parquet`);
  await import('node:fs/promises').then((fs) => fs.writeFile(path, bytes));
  const reader = await sql.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
  const header = reader.columnNames();
  const rows = reader.getRows().map((row) => row.map((v) => (v === null ? '' : csvCell(typeof v === 'bigint' ? Number(v) : (v as string | number | boolean)))));
  return { header, rows };
}

const csvRows = (text: string) => {
  const [head, ...lines] = text.trimEnd().split('\n');
  return { header: head.split(','), rows: lines.map((l) => l.split(',')) };
};

describe('tables as CSV', () => {
  it('give the CSVs byte for byte (metrics wide, summary, paired)', () => {
    expect(tableCsv(metricsTable(results, scenario))).toBe(metricsCsv(results, scenario));
    expect(tableCsv(summaryTable(summaryRows(scenario, results), scenario))).toBe(summaryCsv(scenario, results));
    expect(tableCsv(pairedTable(pairedRows(scenario, results), scenario))).toBe(pairedCsv(scenario, results));
    expect(written.get('metrics.csv')).toBe(metricsCsv(results, scenario));
  });

  it('have column names without dots; a parameter path keeps its dots only in the CSV header', () => {
    for (const t of [metricsTable(results, scenario), runsTable(results, scenario), metricsTable(results, scenario, 'long')]) for (const c of t.columns) expect(c.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(pathColumn('journey.processQuality')).toBe('journey_processQuality');
    const t: Table = { name: 't', title: 'T', description: '', primaryKey: [], columns: [{ name: 'a.b', type: 'number', title: '', description: '', values: new Float64Array(1) }] };
    expect(() => checkTable(t)).toThrow(/not a plain identifier/);
  });
});

describe('Parquet read back with DuckDB', () => {
  it('every cell of metrics.parquet equals metrics.csv (nulls where the CSV is empty)', async () => {
    const csv = csvRows(written.get('metrics.csv') as string);
    const pq = await duckCells(written.get('metrics.parquet') as Uint8Array, 'metrics');
    expect(pq.header).toEqual(csv.header);
    expect(pq.rows.length).toBe(csv.rows.length);
    expect(csv.rows.some((r) => r.includes('')), 'the fixture has missing values').toBe(true);
    expect(pq.rows).toEqual(csv.rows);
  });

  it('summary, paired and runs equal their CSVs', async () => {
    for (const name of ['summary', 'paired', 'runs']) {
      const csv = csvRows(written.get(`${name}.csv`) as string);
      const pq = await duckCells(written.get(`${name}.parquet`) as Uint8Array, name);
      expect(pq.header, name).toEqual(csv.header);
      expect(pq.rows, name).toEqual(csv.rows);
    }
  });

  it('the long (tidy) layout holds the same values as the wide one', async () => {
    const wide = metricsTable(results, scenario, 'wide');
    const long = metricsTable(results, scenario, 'long');
    const pq = await duckCells(await parquetBytes(long), 'metrics-long');
    expect(pq.header).toEqual(['strategy', 'replication', 'day', 'metric', 'value']);
    const metricCount = wide.columns.length - 3;
    expect(pq.rows.length).toBe((wide.columns[0].values.length) * metricCount);
    const csv = csvRows(tableCsv(wide));
    // Row i of the wide table, metric j, is row i·metrics + j of the long one.
    for (const i of [0, 1, 17, csv.rows.length - 1]) {
      for (let j = 0; j < metricCount; j++) {
        const row = pq.rows[i * metricCount + j];
        expect(row.slice(0, 3)).toEqual(csv.rows[i].slice(0, 3));
        expect(row[3]).toBe(csv.header[3 + j]);
        expect(row[4]).toBe(csv.rows[i][3 + j]);
      }
    }
  });

  it('units, labels and descriptions are in the file: DuckDB key-value metadata and Arrow field metadata', async () => {
    const path = join(dir, 'metrics.parquet');
    const kv = (await sql.runAndReadAll(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${path}')`)).getRowObjects();
    const { columns, table } = JSON.parse(String(kv.find((r) => r.k === 'cxsim')!.v));
    expect(table.primaryKey).toEqual(['strategy', 'replication', 'day']);
    expect(columns.cumulativeProfit).toMatchObject({ title: expect.any(String), unit: '€' });
    expect(columns.day.unit).toBe('days');
    const arrow = await readParquet(written.get('metrics.parquet') as Uint8Array);
    expect(arrow.schema.fields.find((f) => f.name === 'customers')!.metadata.get('unit')).toBe('customers');
    const compression = (await sql.runAndReadAll(`SELECT DISTINCT compression FROM parquet_metadata('${path}')`)).getRows().flat();
    expect(compression).toEqual(['ZSTD']);
  });

  it('the same table gives the same bytes, every time', async () => {
    const t = runsTable(results, scenario);
    const first = Buffer.from(await parquetBytes(t));
    for (let k = 0; k < 10; k++) expect(Buffer.from(await parquetBytes(t)).equals(first)).toBe(true);
  });
});

describe('data dictionary (datapackage.json)', () => {
  it('lists every data file written with its fields, types and units', () => {
    const pkg = JSON.parse(written.get('datapackage.json') as string);
    expect(pkg.profile).toBe('tabular-data-package');
    const dataFiles = [...written.keys()].filter((p) => p !== 'datapackage.json').sort();
    expect(pkg.resources.map((r: { path: string }) => r.path).sort()).toEqual(dataFiles);
    const metrics = pkg.resources.find((r: { path: string }) => r.path === 'metrics.parquet');
    expect(metrics.format).toBe('parquet');
    expect(metrics.schema.primaryKey).toEqual(['strategy', 'replication', 'day']);
    const nps = metrics.schema.fields.find((f: { name: string }) => f.name === 'nps');
    expect(nps).toMatchObject({ type: 'number', unit: 'points' });
    expect(nps.description.length).toBeGreaterThan(10);
    const csvHeader = (written.get('runs.csv') as string).split('\n')[0].split(',');
    expect(pkg.resources.find((r: { path: string }) => r.path === 'runs.csv').schema.fields.map((f: { name: string }) => f.name)).toEqual(csvHeader);
  });
});

describe('sweep tables', () => {
  let swept: SweepResult;
  const files = new Map<string, string | Uint8Array>();
  beforeAll(async () => {
    const small = { ...scenario, days: 20 };
    swept = await sweep(small, { parameters: { 'journey.processQuality': [0.97, 0.99], 'service.employees': [1, 2] } }, { workers: 1 });
    await writeSweepData(async (path, data) => void files.set(path, collect(data)), swept, { formats: ['csv', 'parquet'], layout: 'long' }, { cxsimVersion: 'test', command: ['sweep'] });
  });

  it('give sweep.csv and sweep-summary.csv byte for byte; parameter columns named without dots', () => {
    expect(tableCsv(sweepTable(swept))).toBe(sweepCsv(swept));
    expect(tableCsv(sweepSummaryTable(swept))).toBe(sweepSummaryCsv(swept));
    expect(files.get('sweep.csv')).toBe(sweepCsv(swept));
    const t = sweepTable(swept);
    expect(t.columns.map((c) => c.name)).toEqual(['point', 'journey_processQuality', 'service_employees', 'replication', 'metric', 'value']);
    expect(t.columns[1].path).toBe('journey.processQuality');
  });

  it('sweep.parquet equals sweep.csv; the wide layout has one row per run', async () => {
    const csv = csvRows(files.get('sweep.csv') as string);
    const pq = await duckCells(files.get('sweep.parquet') as Uint8Array, 'sweep');
    expect(pq.header).toEqual(['point', 'journey_processQuality', 'service_employees', 'replication', 'metric', 'value']);
    expect(pq.rows).toEqual(csv.rows);
    const wide = sweepTable(swept, 'wide');
    expect(wide.columns[0].values.length).toBe(4 * swept.replications);
    const finalNps = wide.columns.find((c) => c.name === 'finalNps')!.values as Float64Array;
    const longNps = csv.rows.filter((r) => r[4] === 'finalNps').map((r) => r[5]);
    expect(Array.from(finalNps, (v) => csvCell(v))).toEqual(longNps);
    const pkg = JSON.parse(files.get('datapackage.json') as string);
    const field = pkg.resources.find((r: { path: string }) => r.path === 'sweep.csv').schema.fields[1];
    expect(field).toMatchObject({ name: 'journey.processQuality', path: 'journey.processQuality', type: 'number' });
  });
});

describe('runs kept in Parquet', () => {
  /** Every value of a run, NaN written as such (a NaN's bit pattern is not a value). */
  const values = (r: RunResult) => JSON.stringify({ s: r.strategy, r: r.replication, d: r.days, series: Object.fromEntries(Object.entries(r.series).map(([k, v]) => [k, Array.from(v, (x) => (Object.is(x, -0) ? '-0' : String(x)))])), totals: Object.fromEntries(Object.entries(r.totals).map(([k, v]) => [k, String(v)])) });

  it('read back from metrics.parquet and runs.parquet, wide or long, equal the results exactly', async () => {
    const { runsFromTables } = await import('../../src/outputs/data/readRuns.js');
    const runs = await readParquet(written.get('runs.parquet') as Uint8Array);
    const segmentRuns = await readParquet(written.get('segmentRuns.parquet') as Uint8Array);
    for (const layout of ['wide', 'long'] as const) {
      const metrics = await readParquet(await parquetBytes(metricsTable(results, scenario, layout)));
      expect(runsFromTables(metrics, runs, segmentRuns).map(values), layout).toEqual(results.map(values));
    }
  });
});
