/**
 * The books, assembled from the money metrics the mechanisms declare: every metric with
 * `ledger: 'revenue'` is a revenue line, every one with `ledger: 'cost'` a cost line, so a new
 * cost or income is declared once, in its mechanism. Per day:
 *   revenue = Σ revenue lines,  profit = revenue − Σ cost lines,  cumulative profit = Σ profit.
 */
import type { MetricDecl } from './metrics.js';

export const LEDGER_METRICS = [
  { key: 'revenue', label: 'Revenue', unit: 'money/day', kind: 'money', doc: 'Σ of the revenue lines: margin from customers plus upsells.' },
  { key: 'profit', label: 'Profit', unit: 'money/day', kind: 'money', doc: 'Revenue minus every cost line of the day.' },
  { key: 'cumulativeProfit', label: 'Cumulative profit', unit: 'money', kind: 'money', doc: 'Profit summed from day 1.' },
] as const satisfies readonly MetricDecl[];

export interface Books {
  revenue: readonly number[]; // slots of the revenue lines in the day's counts
  cost: readonly number[];
}

/** The lines of the books among a catalogue's metrics, as slots given by `slotOf`. */
export function booksOf(defs: readonly MetricDecl[], slotOf: (key: string) => number): Books {
  const lines = (side: 'revenue' | 'cost') => defs.filter((d) => d.ledger === side).map((d) => slotOf(d.key));
  return { revenue: lines('revenue'), cost: lines('cost') };
}

/** The day's revenue and profit from the counts. */
export function closeBooks(books: Books, counts: Float64Array): { revenue: number; profit: number } {
  let revenue = 0, cost = 0;
  for (const s of books.revenue) revenue += counts[s];
  for (const s of books.cost) cost += counts[s];
  return { revenue, profit: revenue - cost };
}
