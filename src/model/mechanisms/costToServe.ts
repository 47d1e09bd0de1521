/**
 * Cost to serve (F18: customer value is what a customer brings minus what serving them costs;
 * bargain hunters can cost more than they bring). Every service cost is charged to the customer
 * who caused it, accumulated per person, and summed per segment, so a report can say which
 * segment is unprofitable:
 *
 *   direct     goodwill paid on i's case, the honesty letter about i's failure, i's returns
 *              (`served` events: the money paid for i alone)
 *   capacity   the desk's day — staff, feedback time, hiring — shared over the day's handled
 *              contacts by handle time (activity-based costing): i's share of day d is
 *              capacity_d · minutes_{i,d} / Σ minutes_d. A day with staff cost and no contact
 *              handled has nothing to share it over: it stays unallocated (reported).
 *   revenue    margin mᵢ on every day i pays (economics.ts: from the day after joining to the
 *              last day at whose end i is a customer) plus upsells in i's contacts.
 *
 * So Σᵢ cost to serve + unallocated = the ledger's staff + feedback + hiring + goodwill +
 * honesty + returns lines, and Σᵢ revenue = margin + upsell lines. Returns are a customer
 * event at the segment's `returnsPerYear` (off by default), each costing `returns.costPerReturn`.
 */
import { DAYS_PER_YEAR, nonneg, section } from '../fields.js';
import { CUSTOMER } from '../lifecycle.js';
import type { CustomerEvent, Mechanism, Run } from '../mechanism.js';
import type { RunTotals } from '../metrics.js';

const sections = {
  returns: section(
    {
      costPerReturn: nonneg(20, 'Cost of one return — shipping, handling, write-down — charged to the customer who returns (money). Assumed; take it from your own books. Returns happen at the segment\'s returnsPerYear (default 0).'),
    },
    'Returns: a cost caused by the customer who returns (F18); how often each segment returns is market.segments.*.returnsPerYear.',
  ),
};

const metrics = [
  { key: 'returns', label: 'Returns', unit: 'returns/day', kind: 'flow', doc: 'Customers who returned a purchase today.' },
  { key: 'returnsCost', label: 'Returns cost', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Returns × cost per return (F18).' },
] as const;

/** The desk's capacity cost lines, shared over the day's contacts by handle time. */
export const CAPACITY_LINES = ['staffCost', 'feedbackCost', 'hiringCost'] as const;
/** The lines charged to customers directly, as they happen. */
export const DIRECT_LINES = ['goodwillCost', 'honestyCost', 'returnsCost'] as const;

export interface CostToServeConfig {
  costPerReturn: number;
  returnsPerDay: Float64Array; // by segment
  segmentNames: string[];
}

/** The run-total key of one segment figure. */
export const segmentKey = (segment: string, figure: SegmentFigure): `segment.${string}` => `segment.${segment}.${figure}`;
export const SEGMENT_FIGURES = ['customers', 'customerDays', 'contacts', 'revenue', 'costToServe'] as const;
export type SegmentFigure = (typeof SEGMENT_FIGURES)[number];

/** Returns as a customer event: the largest segment rate, thinned to each segment's own (stream `returns.segment`). */
function returnsEvent(run: Run, rates: Float64Array, fire: (i: number) => void): CustomerEvent {
  const top = Math.min(1, Math.max(...rates));
  if (rates.every((r) => r === rates[0])) return { stream: 'returns', probability: () => top, fire };
  const segment = run.pop.column('segment', 'u8');
  return {
    stream: 'returns',
    probability: () => top,
    fire(i) {
      const p = Math.min(1, rates[segment[i]]);
      if (p >= top || run.stream('returns.segment')() * top < p) fire(i);
    },
  };
}

type SegmentSums = { customers: Float64Array; customerDays: Float64Array; revenue: Float64Array };

/** i stops paying (leaves, or the run ends on day `last`): the margin of days payingFrom…last, to i and its segment. */
function settle(i: number, last: number, payingFrom: Int32Array, segment: Uint8Array, margin: Float32Array, revenue: Float64Array, seg: SegmentSums): void {
  const days = last - payingFrom[i] + 1;
  if (days <= 0) return;
  const earned = margin[i] * days;
  revenue[i] += earned;
  seg.revenue[segment[i]] += earned;
  seg.customerDays[segment[i]] += days;
}

/**
 * End of the run (day `last`): everyone who was ever a customer counts in their segment, and
 * those still customers settle, in person order (memory order). Module-level: it runs once a
 * run, over the whole market.
 */
function settleAll(n: number, last: number, payingFrom: Int32Array, state: Uint8Array, segment: Uint8Array, margin: Float32Array, revenue: Float64Array, seg: SegmentSums): void {
  for (let i = 0; i < n; i++) {
    if (payingFrom[i] < 0) continue;
    seg.customers[segment[i]]++;
    if (state[i] === CUSTOMER) settle(i, last, payingFrom, segment, margin, revenue, seg);
  }
}

export const costToServe: Mechanism<typeof sections, CostToServeConfig, (typeof metrics)[number]['key']> = {
  name: 'costToServe',
  doc: 'Service cost and revenue charged to the customer who caused them, summed per segment (F18).',
  sections,
  columns: { costToServe: 'f64', revenueFrom: 'f64', payingFrom: 'i32' },
  metrics,
  compile: (p) => ({
    costPerReturn: p.returns.costPerReturn,
    returnsPerDay: Float64Array.from(Object.values(p.market.segments), (g) => g.returnsPerYear / DAYS_PER_YEAR),
    segmentNames: Object.keys(p.market.segments),
  }),
  setup(run, cfg) {
    const { pop } = run;
    const segment = pop.column('segment', 'u8'), margin = pop.column('margin', 'f32');
    const cost = pop.column('costToServe', 'f64'), revenue = pop.column('revenueFrom', 'f64');
    // payingFrom: the first paying day of i's current or last tenure; −1: never a customer.
    const payingFrom = pop.column('payingFrom', 'i32').fill(-1);
    const k = cfg.segmentNames.length;
    const seg = { customers: new Float64Array(k), customerDays: new Float64Array(k), contacts: new Float64Array(k), revenue: new Float64Array(k), costToServe: new Float64Array(k) };
    const slot = (key: string) => { try { return run.counter(key); } catch { return -1; } }; // a model without a desk
    const capacity = CAPACITY_LINES.map(slot).filter((s) => s >= 0);
    const [returns, returnsCost] = [run.counter('returns'), run.counter('returnsCost')];
    let unallocated = 0;
    // Today's handled contacts: whose, and how many minutes.
    let who = new Int32Array(1024), minutes = new Float64Array(1024), handled = 0;

    const charge = (i: number, money: number) => {
      cost[i] += money;
      seg.costToServe[segment[i]] += money;
    };
    return {
      // On the hot path of a diffusion: one write per join; who was ever a customer is counted at the end.
      joinedAll(list, count) {
        const from = run.day + 1; // pays from tomorrow (economics.ts)
        for (let n = 0; n < count; n++) payingFrom[list[n]] = from;
      },
      leaving: (i) => settle(i, run.day - 1, payingFrom, segment, margin, revenue, seg), // leaves before today's margin is booked
      served(i, mins, money, extra) {
        if (mins > 0) {
          if (handled === who.length) {
            const w = new Int32Array(2 * handled), m = new Float64Array(2 * handled);
            w.set(who);
            m.set(minutes);
            who = w;
            minutes = m;
          }
          who[handled] = i;
          minutes[handled++] = mins;
          seg.contacts[segment[i]]++;
        }
        if (money !== 0) charge(i, money);
        if (extra !== 0) {
          revenue[i] += extra;
          seg.revenue[segment[i]] += extra;
        }
      },
      customerEvents: cfg.returnsPerDay.some((r) => r > 0)
        ? [returnsEvent(run, cfg.returnsPerDay, (i) => {
            run.counts[returns]++;
            run.counts[returnsCost] += cfg.costPerReturn;
            run.emit.served(i, 0, cfg.costPerReturn, 0);
          })]
        : [],
      close() {
        let day = 0, total = 0;
        for (const s of capacity) day += run.counts[s];
        for (let n = 0; n < handled; n++) total += minutes[n];
        if (total > 0) for (let n = 0; n < handled; n++) charge(who[n], (day * minutes[n]) / total);
        else unallocated += day;
        handled = 0;
      },
      totals(series) {
        settleAll(pop.n, series.customers.length - 1, payingFrom, pop.state, segment, margin, revenue, seg);
        const out: Partial<RunTotals> = { costToServeUnallocated: unallocated };
        cfg.segmentNames.forEach((name, s) => {
          for (const f of SEGMENT_FIGURES) out[segmentKey(name, f)] = seg[f][s];
        });
        return out;
      },
    };
  },
};
