/**
 * Writes an output folder's research data: each table as CSV and/or Parquet (zstd), and
 * datapackage.json, the data dictionary of every data file written. Small tables that people and
 * the report read (summary, paired, runs) are always CSV too; the big one (metrics) is written in
 * the formats asked for, in the wide or long (tidy) layout.
 */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { pairedRows, summaryRows } from '../tables.js';
import { tableCsv, tableCsvLines } from './csv.js';
import { dataPackage, type DataFormat, type DataResource } from './dictionary.js';
import { parquetBytes } from './parquet.js';
import { segmentRows, segmentRunsTable, segmentsTable } from './segmentTables.js';
import { metricCategories, metricsTable, pairedTable, runsTable, summaryTable, type Layout } from './runTables.js';
import type { Table } from './table.js';

export interface DataOptions {
  /** File formats of the data tables (at least one). */
  formats: readonly DataFormat[];
  /** Layout of the daily metrics: one column per metric (wide) or one row per metric value (long). */
  layout: Layout;
}

export const DEFAULT_DATA: DataOptions = { formats: ['csv', 'parquet'], layout: 'wide' };

export const DATA_FORMATS: readonly DataFormat[] = ['csv', 'parquet'];
export const LAYOUTS: readonly Layout[] = ['wide', 'long'];

/** Writes one file (relative path) and records it: write.ts's outputWriter. */
export type Put = (path: string, data: string | Uint8Array | Iterable<string>) => Promise<void>;

/** Provenance recorded in the data dictionary. */
export interface DataProvenance {
  cxsimVersion: string;
  command: readonly string[];
}

/**
 * Writes each table in its formats (`always: 'csv'` adds CSV whatever was asked) and returns
 * the resources for the dictionary.
 */
export async function writeTables(put: Put, tables: readonly { table: Table; csv?: 'always'; extra?: DataResource['extra'] }[], formats: readonly DataFormat[]): Promise<DataResource[]> {
  const resources: DataResource[] = [];
  for (const { table, csv, extra } of tables) {
    const files: DataResource['files'] = [];
    if (csv === 'always' || formats.includes('csv')) {
      const path = `${table.name}.csv`;
      // Big tables stream line by line: runs × days rows can exceed the longest string V8 allows.
      await put(path, csv === 'always' ? tableCsv(table) : tableCsvLines(table));
      files.push({ path, format: 'csv' });
    }
    if (formats.includes('parquet')) {
      const path = `${table.name}.parquet`;
      await put(path, await parquetBytes(table));
      files.push({ path, format: 'parquet' });
    }
    resources.push({ table, files, ...(extra && { extra }) });
  }
  return resources;
}

/** The data of `compare` and `run`: metrics, runs, summary and (with a baseline to pair with) paired; then datapackage.json. */
export async function writeRunData(put: Put, scenario: Scenario, results: readonly RunResult[], opts: DataOptions, provenance: DataProvenance): Promise<void> {
  const tables = [
    { table: metricsTable(results, scenario, opts.layout), extra: opts.layout === 'long' ? { metric: { categories: metricCategories(results, scenario) } } : undefined },
    { table: summaryTable(summaryRows(scenario, results), scenario), csv: 'always' as const },
    ...(scenario.strategies.length > 1 ? [{ table: pairedTable(pairedRows(scenario, results), scenario), csv: 'always' as const }] : []),
    { table: runsTable(results, scenario), csv: 'always' as const },
  ];
  // Per segment (F18), when the runs carry the figures (results read back from Parquet do not).
  const segments = segmentRows(scenario, results);
  if (segments.length > 0) tables.push({ table: segmentsTable(segments, scenario), csv: 'always' as const }, { table: segmentRunsTable(results, scenario), csv: 'always' as const });
  const resources = await writeTables(put, tables, opts.formats);
  await put('datapackage.json', dictionaryJson(scenario.name, `cxsim ${provenance.command[0] ?? ''} of scenario "${scenario.name}": ${scenario.days} days, ${scenario.replications} replications, seed ${scenario.seed}.`, provenance, resources));
}

export function dictionaryJson(title: string, description: string, provenance: DataProvenance, resources: DataResource[]): string {
  return JSON.stringify(dataPackage({ title, description, cxsim: { version: provenance.cxsimVersion, command: provenance.command }, resources }), null, 2) + '\n';
}
