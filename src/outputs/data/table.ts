/**
 * A research table described once, column by column, for every file format that carries it
 * (Parquet, the data dictionary): each column has a name without dots (SQL and data frames need
 * no quoting), a type, a label, a unit and a description. Columns are stored whole (column-major),
 * which is what Parquet writes and what keeps a million-row table cheap.
 */

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean';

export interface Column {
  name: string;
  type: ColumnType;
  /** Short human label (chart axes, data dictionary title). */
  title: string;
  description: string;
  /** Unit of the values, resolved for people (e.g. "€", "customers", "%"); absent for identifiers. */
  unit?: string;
  /** Where a column stands for a scenario parameter: its dotted path (e.g. journey.processQuality). */
  path?: string;
  /** Number columns: NaN is written as null (undefined: no ratio without denominator, no CLV without customers). */
  values: readonly string[] | Int32Array | Float64Array | readonly boolean[];
}

export interface Table {
  /** File name without extension, e.g. "metrics". */
  name: string;
  title: string;
  description: string;
  columns: Column[];
  /** Columns that together identify a row. */
  primaryKey: string[];
}

export const rowCount = (t: Table): number => t.columns[0]?.values.length ?? 0;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A dotted parameter path as a column name: dots become underscores (journey.processQuality →
 * journey_processQuality), so no name needs quoting; scenario keys are camelCase, so the path
 * can be read back (the data dictionary also records it).
 */
export const pathColumn = (path: string): string => path.replace(/\./g, '_');

/** Checks the invariants every writer relies on: valid unique names, equal lengths, known primary key. */
export function checkTable(t: Table): Table {
  const names = new Set<string>();
  const n = rowCount(t);
  for (const c of t.columns) {
    if (!NAME.test(c.name)) throw new Error(`table ${t.name}: column name "${c.name}" is not a plain identifier`);
    if (names.has(c.name)) throw new Error(`table ${t.name}: column "${c.name}" appears twice`);
    names.add(c.name);
    if (c.values.length !== n) throw new Error(`table ${t.name}: column "${c.name}" has ${c.values.length} values, the first column ${n}`);
  }
  for (const k of t.primaryKey) if (!names.has(k)) throw new Error(`table ${t.name}: primary key column "${k}" is not a column`);
  return t;
}
