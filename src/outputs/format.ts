/** Deterministic number and CSV formatting, so the same results always give byte-identical files. */

/**
 * A number as a CSV cell: integers as integers, other values rounded to 10 significant digits
 * (hides float noise like 0.30000000000000004), non-finite values (NaN, ±Infinity) as an empty cell.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(10)));
}

/** Quotes a cell only when it must be (RFC 4180): commas, quotes or line breaks. */
export function csvCell(value: string | number | boolean): string {
  if (typeof value === 'number') return formatNumber(value);
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line with its `\n`. */
export const csvLine = (cells: readonly (string | number | boolean)[]): string => `${cells.map(csvCell).join(',')}\n`;

/** Header plus rows as CSV text with `\n` line ends and a final newline. */
export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number | boolean)[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\n') + '\n';
}

/** Rounds chart data to 6 significant digits: plenty for a plot, and keeps specs small. */
export function roundForChart(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return Number(x.toPrecision(6));
}

/**
 * A number for people: thousands separated by commas (locale-independent on purpose, so output
 * does not depend on the machine) with a fixed number of decimals.
 */
export function formatHuman(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '–';
  const fixed = Math.abs(x).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (frac ? `.${frac}` : '');
}

/** Decimals that suit a value of this size when shown to people. */
export function humanDecimals(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a) || a >= 100) return 0;
  if (a >= 1) return 1;
  return 2;
}
