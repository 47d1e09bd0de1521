/**
 * The data dictionary of an output folder: a Frictionless Data Package (datapackage.json,
 * https://specs.frictionlessdata.io/data-package/) listing every data file with its format and,
 * per column, name, type, title, unit and description. Frictionless tools, R's frictionless
 * package and pandas-based readers understand it; people read it as documentation. `unit` and
 * `path` are extra field properties (the spec allows them). No timestamps: the same outputs give
 * the same bytes.
 */
import { csvName } from './csv.js';
import type { Column, Table } from './table.js';

export type DataFormat = 'csv' | 'parquet';

export interface DataResource {
  table: Table;
  /** Files that hold the table, relative to the folder (forward slashes). */
  files: { path: string; format: DataFormat }[];
  /** Extra properties per column name (e.g. the long layout's metric categories). */
  extra?: Record<string, Record<string, unknown>>;
}

export interface DataPackageInput {
  /** Title of the package, e.g. the scenario name. */
  title: string;
  description: string;
  /** Extra top-level properties (cxsim version, command). */
  cxsim: Record<string, unknown>;
  resources: DataResource[];
}

const MEDIA: Record<DataFormat, string> = { csv: 'text/csv', parquet: 'application/vnd.apache.parquet' };

/** A lowercase identifier as the spec wants for names (`[a-z0-9._-]`). */
export const slug = (s: string): string =>
  s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cxsim';

function field(c: Column, format: DataFormat, extra: Record<string, unknown> | undefined) {
  return {
    name: format === 'csv' ? csvName(c) : c.name,
    type: c.type,
    title: c.title,
    description: c.description,
    ...(c.unit !== undefined && { unit: c.unit }),
    ...(c.path !== undefined && { path: c.path }),
    ...extra,
  };
}

export function dataPackage(x: DataPackageInput): object {
  const resources = x.resources.flatMap((r) =>
    r.files.map((f) => ({
      name: f.format === 'parquet' ? slug(r.table.name) : `${slug(r.table.name)}-csv`,
      path: f.path,
      format: f.format,
      mediatype: MEDIA[f.format],
      ...(f.format === 'csv' && { encoding: 'utf-8', dialect: { delimiter: ',', lineTerminator: '\n', header: true } }),
      ...(f.format === 'parquet' && { compression: 'zstd' }),
      title: r.table.title,
      description: r.table.description + (f.format === 'csv' ? ' CSV numbers have 10 significant digits; an empty cell is a missing value.' : ' Exact doubles; a missing value is null.'),
      schema: {
        fields: r.table.columns.map((c) => field(c, f.format, r.extra?.[c.name])),
        primaryKey: r.table.primaryKey.map((k) => (f.format === 'csv' ? csvName(r.table.columns.find((c) => c.name === k)!) : k)),
        missingValues: f.format === 'csv' ? [''] : [],
      },
    })),
  );
  return { profile: 'tabular-data-package', name: slug(x.title), title: x.title, description: x.description, cxsim: x.cxsim, resources };
}
