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
  /** A recording function bound to one run's series, counters and stock readers. */
  bind(series: Series, counts: Float64Array, stocks: ReadonlyMap<string, () => number>): (day: number) => void;
}

const COMPUTED = new Set(['revenue', 'profit', 'cumulativeProfit']);

export function recorder(defs: readonly MetricDecl[]): Recorder {
  const counted = defs.filter((d) => (d.kind === 'flow' || d.kind === 'money') && !COMPUTED.has(d.key));
  const slots = new Map(counted.map((d, k) => [d.key, k]));
  const books = booksOf(defs, (key) => slots.get(key)!);
  return {
    slots,
    bind(series, counts, readers) {
      // Resolve every name once: the day's recording is array work only.
      const s = series as Record<string, Float64Array>;
      const flows = counted.map((d) => ({ out: s[d.key], slot: slots.get(d.key)! }));
      const stocks = defs.filter((d) => d.kind === 'stock').map((d) => ({ out: s[d.key], read: readers.get(d.key)! }));
      const ratios = defs.filter((d) => d.ratio !== undefined).map((d) => ({ out: s[d.key], num: s[d.ratio!.num], den: s[d.ratio!.den], scale: d.ratio!.scale }));
      const { revenue: revenueOut, profit: profitOut, cumulativeProfit: cumulativeOut } = s;
      return (day) => {
        for (const f of flows) f.out[day] = counts[f.slot];
        for (const k of stocks) k.out[day] = k.read();
        const { revenue, profit } = closeBooks(books, counts);
        revenueOut[day] = revenue;
        profitOut[day] = profit;
        cumulativeOut[day] = (day > 0 ? cumulativeOut[day - 1] : 0) + profit;
        for (const r of ratios) r.out[day] = r.den[day] === 0 ? NaN : (r.scale * r.num[day]) / r.den[day];
      };
    },
  };
}
