/**
 * Writes a day's metrics into the run's series, from what the mechanisms declared: flows and
 * money from the day's counters, stocks from their readers, ratios from their numerator and
 * denominator, and the ledger's revenue, profit and cumulative profit from the books.
 */
import { booksOf, closeBooks } from '../model/ledger.js';
import type { MetricDecl, Series } from '../model/metrics.js';

export interface Recorder {
  /** Slots of the counters (flow and money metrics the mechanisms add to). */
  slots: ReadonlyMap<string, number>;
  record(series: Series, day: number, counts: Float64Array, stocks: ReadonlyMap<string, () => number>): void;
}

const COMPUTED = new Set(['revenue', 'profit', 'cumulativeProfit']);

export function recorder(defs: readonly MetricDecl[]): Recorder {
  const counted = defs.filter((d) => (d.kind === 'flow' || d.kind === 'money') && !COMPUTED.has(d.key));
  const slots = new Map(counted.map((d, k) => [d.key, k]));
  const books = booksOf(defs, (key) => slots.get(key)!);
  const stocks = defs.filter((d) => d.kind === 'stock');
  const ratios = defs.filter((d) => d.ratio !== undefined);
  return {
    slots,
    record(series, day, counts, readers) {
      const s = series as Record<string, Float64Array>;
      for (const d of counted) s[d.key][day] = counts[slots.get(d.key)!];
      for (const d of stocks) s[d.key][day] = readers.get(d.key)!();
      const { revenue, profit } = closeBooks(books, counts);
      s.revenue[day] = revenue;
      s.profit[day] = profit;
      s.cumulativeProfit[day] = (day > 0 ? s.cumulativeProfit[day - 1] : 0) + profit;
      for (const d of ratios) {
        const den = s[d.ratio!.den][day];
        s[d.key][day] = den === 0 ? NaN : (d.ratio!.scale * s[d.ratio!.num][day]) / den;
      }
    },
  };
}
