/**
 * A table (table.ts) as CSV lines, formatted exactly as the other CSVs (format.ts: numbers to 10
 * significant digits, missing values as empty cells). Parameter columns keep their dotted path
 * as header, as sweep.csv always had. Lines are yielded one at a time: a long table can exceed
 * the longest string V8 allows.
 */
import { csvCell } from '../format.js';
import { rowCount, type Column, type Table } from './table.js';

/** The CSV header of a column (its parameter path where it stands for one). */
export const csvName = (c: Column): string => c.path ?? c.name;

export function* tableCsvLines(t: Table): Generator<string> {
  yield t.columns.map((c) => csvCell(csvName(c))).join(',') + '\n';
  const n = rowCount(t);
  const columns = t.columns.map((c) => c.values);
  for (let i = 0; i < n; i++) {
    let line = '';
    for (let j = 0; j < columns.length; j++) line += (j ? ',' : '') + csvCell(columns[j][i]);
    yield line + '\n';
  }
}

/** The whole CSV text (small tables). */
export const tableCsv = (t: Table): string => [...tableCsvLines(t)].join('');
