/**
 * Display helpers for the cxsim notebooks (Deno Jupyter kernel).
 *
 *   await chart(spec)       as the last expression of a cell: shows a Vega-Lite chart
 *   await show(spec)        anywhere in a cell: shows it now (several charts in one cell)
 *   table(records)          as the last expression of a cell: an HTML table (plain text as fallback)
 *   md(text) / await note(text)   Markdown text, at the end of a cell / now
 *
 * Prefer md and note to console.log: Deno 2.9's kernel can report a cell finished a moment before
 * it has sent the cell's outputs, console output most often (it is forwarded separately), now and
 * then the result too. Plain nbconvert drops such late outputs (tools/deno_execute.py waits for
 * them), and an interactive frontend may drop them or show them under the next cell.
 *
 * A chart is sent as one MIME bundle holding both the Vega-Lite spec and its SVG, rendered
 * headlessly by the library's renderSvg: JupyterLab and VS Code draw the interactive Vega-Lite
 * chart (tooltips), while GitHub, nbviewer, nbconvert's HTML and any frontend without a Vega
 * renderer show the SVG. The frontend picks the richest type it understands.
 *
 * Deno's kernel displays a cell's result richly when it has a method under
 * Symbol.for('Jupyter.display') (the same symbol as Deno.jupyter.$display) returning a MIME
 * bundle; Deno.jupyter.display(bundle, { raw: true }) sends a bundle at once.
 */
import { renderSvg, type VlSpec } from '../src/index.ts';

export type MediaBundle = Record<string, unknown>;

/** What Deno's kernel looks for on a cell's result (Deno.jupyter.$display). */
export const $display: unique symbol = Symbol.for('Jupyter.display') as never;

export interface Displayable {
  [$display](): MediaBundle | Promise<MediaBundle>;
}

/** A Vega-Lite spec as a MIME bundle: the spec for Vega-aware frontends, its SVG for everything else. */
export async function vegaLiteBundle(spec: VlSpec): Promise<MediaBundle> {
  const title = typeof spec.title === 'string' ? spec.title : ((spec.title as { text?: unknown } | undefined)?.text ?? 'chart');
  return {
    'application/vnd.vegalite.v5+json': spec,
    'image/svg+xml': await renderSvg(spec),
    'text/plain': `Vega-Lite chart: ${Array.isArray(title) ? title.join(' ') : String(title)}`,
  };
}

/** Wraps a bundle so that Deno's kernel displays it when it is a cell's result. */
export const displayable = (bundle: MediaBundle): Displayable => ({ [$display]: () => bundle });

/** A chart to end a cell with: `await chart(spec)`. */
export async function chart(spec: VlSpec): Promise<Displayable> {
  return displayable(await vegaLiteBundle(spec));
}

/** Shows a chart now, e.g. several in one cell. Only inside the Deno Jupyter kernel. */
export async function show(spec: VlSpec): Promise<void> {
  await jupyter().display(await vegaLiteBundle(spec), { raw: true });
}

/** Markdown text to end a cell with (plain text as fallback). */
export const md = (text: string): Displayable => displayable({ 'text/markdown': text, 'text/plain': text });

/** Shows Markdown text now; use instead of console.log (see above). Only inside the Deno Jupyter kernel. */
export async function note(text: string): Promise<void> {
  await jupyter().display({ 'text/markdown': text, 'text/plain': text }, { raw: true });
}

/**
 * Records (objects with the same keys, e.g. the library's tidy rows) as a table to end a cell
 * with; numbers are formatted with `fmt`. Columns follow the first record's keys unless given.
 */
export function table<T extends object>(records: readonly T[], columns?: readonly (keyof T & string)[]): Displayable {
  const cols: readonly string[] = columns ?? Object.keys(records[0] ?? {});
  const value = (r: T, c: string): unknown => (r as Record<string, unknown>)[c];
  const text = (v: unknown) => (typeof v === 'number' ? fmt(v) : v === null || v === undefined ? '' : String(v));
  const cells = records.map((r) => cols.map((c) => text(value(r, c))));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const align = (c: string) => (records.every((r) => typeof value(r, c) !== 'string') ? 'right' : 'left');
  const html = [
    '<table>',
    `<thead><tr>${cols.map((c) => `<th style="text-align:${align(c)}">${esc(c)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...cells.map((row) => `<tr>${row.map((v, j) => `<td style="text-align:${align(cols[j])}">${esc(v)}</td>`).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ].join('\n');
  const widths = cols.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j].length)));
  const line = (row: readonly string[]) => row.map((v, j) => (align(cols[j]) === 'right' ? v.padStart(widths[j]) : v.padEnd(widths[j]))).join('  ').trimEnd();
  const plain = [line(cols), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
  return displayable({ 'text/html': html, 'text/plain': plain });
}

/** A number for a table: thousands separated, whole numbers as such, else about three significant digits; never exponential. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '–' : String(x);
  const a = Math.abs(x);
  const decimals = a >= 100 || Number.isInteger(x) ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** `mean [lo, hi]` with fmt. */
export const interval = (mean: number, lo: number, hi: number): string => (Number.isFinite(lo) ? `${fmt(mean)} [${fmt(lo)}, ${fmt(hi)}]` : fmt(mean));

interface DenoJupyter {
  display(obj: unknown, options?: { raw?: boolean }): Promise<void>;
}

function jupyter(): DenoJupyter {
  let found: DenoJupyter | undefined;
  try {
    found = (globalThis as { Deno?: { jupyter?: DenoJupyter } }).Deno?.jupyter; // throws outside a Jupyter kernel
  } catch {
    found = undefined;
  }
  if (!found) throw new Error('show() and note() need the Deno Jupyter kernel (Deno.jupyter); elsewhere end the cell with `await chart(spec)` or md(text)');
  return found;
}
