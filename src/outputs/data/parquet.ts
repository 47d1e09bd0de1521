/**
 * Tables (table.ts) as Parquet files, zstd-compressed, through Apache Arrow (apache-arrow builds the
 * columns, parquet-wasm writes them: pure JS and WebAssembly, no native build). Each column keeps
 * its title, unit, description (and parameter path) twice: as Arrow field metadata (pyarrow and
 * pandas read it) and as a JSON key-value entry of the file (DuckDB's parquet_kv_metadata reads
 * it). Missing numbers (NaN) are written as nulls, the way SQL and data frames expect them.
 * Both libraries load on first use only, so commands that write no Parquet never pay for them.
 */
import type { Table as ArrowTable } from 'apache-arrow';
import { rowCount, type Column, type Table } from './table.js';

type Arrow = typeof import('apache-arrow');
type ParquetWasm = typeof import('parquet-wasm');

let libs: Promise<{ arrow: Arrow; pq: ParquetWasm }> | undefined;
const load = () => (libs ??= Promise.all([import('apache-arrow'), import('parquet-wasm')]).then(([arrow, pq]) => ({ arrow, pq })));

/** Validity bitmap of a float column: bit i clear where the value is NaN. */
function validity(values: Float64Array): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) nulls++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { bitmap, nulls };
}

const fieldMetadata = (c: Column) =>
  new Map(Object.entries({ title: c.title, description: c.description, ...(c.unit !== undefined && { unit: c.unit }), ...(c.path !== undefined && { path: c.path }) }));

/** The Arrow table of a Table: strings as UTF-8, integers as Int32, numbers as nullable Float64. */
async function arrowTable(t: Table): Promise<ArrowTable> {
  const { arrow } = (await load()) as { arrow: Arrow };
  const { Bool, Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Table: AT, Utf8, vectorFromArray } = arrow;
  const n = rowCount(t);
  const fields = t.columns.map((c) => {
    const type = c.type === 'string' ? new Utf8() : c.type === 'integer' ? new Int32() : c.type === 'boolean' ? new Bool() : new Float64();
    return new Field(c.name, type, c.type === 'number', fieldMetadata(c));
  });
  const children = t.columns.map((c, j) => {
    if (c.type === 'number') {
      const values = c.values as Float64Array;
      const { bitmap, nulls } = validity(values);
      return makeData({ type: new Float64(), length: n, data: values, nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : undefined });
    }
    if (c.type === 'integer') return makeData({ type: new Int32(), length: n, data: c.values as Int32Array });
    return vectorFromArray(c.values as readonly (string | boolean)[], fields[j].type).data[0];
  });
  const schema = new Schema(fields, new Map([['title', t.title], ['description', t.description], ['primaryKey', JSON.stringify(t.primaryKey)]]));
  const data = makeData({ type: new Struct(fields), length: n, nullCount: 0, children });
  return new AT(schema, new RecordBatch(schema, data));
}

/**
 * What the file says about itself in its key-value metadata (readable without Arrow), under one
 * key: the writer keeps key-value pairs in a hash map, so two keys could come out in either order
 * and the same table would not always give the same bytes.
 */
export function tableMetadata(t: Table): Record<string, string> {
  const columns = Object.fromEntries(t.columns.map((c) => [c.name, Object.fromEntries(fieldMetadata(c))]));
  return { cxsim: JSON.stringify({ table: { name: t.name, title: t.title, description: t.description, primaryKey: t.primaryKey }, columns }) };
}

/** The Parquet bytes of a table (zstd; the same table always gives the same bytes). */
export async function parquetBytes(t: Table): Promise<Uint8Array> {
  const table = await arrowTable(t);
  const { arrow, pq } = await load();
  const wasmTable = pq.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
  const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD).setKeyValueMetadata(new Map(Object.entries(tableMetadata(t)))).build();
  return pq.writeParquet(wasmTable, props);
}

/** A Parquet file's content as an Apache Arrow table (nulls where the writer wrote them). */
export async function readParquet(bytes: Uint8Array): Promise<ArrowTable> {
  const { arrow, pq } = await load();
  return arrow.tableFromIPC(pq.readParquet(bytes).intoIPCStream());
}
