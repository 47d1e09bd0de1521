/**
 * The market: M people, each a prospect, a customer or churned (docs/MODEL.md §1–2), in
 * segments whose needs differ (F18). Owns the segments and the lifecycle counts; the engine
 * moves people between states and announces it (joined, leaving).
 */
import { z } from 'zod';
import type { Mechanism } from '../mechanism.js';
import { nameKey, nonneg, posint, prob, round6, score, section } from '../fields.js';
import type { Params } from '../params.js';

const segmentSchema = z
  .strictObject({
    share: prob(1, 'Share of the market in this segment; shares must sum to 1.'),
    marginMultiplier: nonneg(1, 'Margin of a customer in this segment relative to economics.marginPerCustomerPerYear (F18: bargain hunters bring less).'),
    churnMultiplier: nonneg(1, 'Base churn hazard relative to churn.annualBaseRate.'),
    asExpectedScore: score(7.6, 'Satisfaction (0–10) this segment gives an episode that goes exactly as expected; failures, frustrations and delight scale it.'),
    priceSensitivity: nonneg(1, 'How strongly a price premium above what the customer tolerates raises churn (F7).'),
    talkativeness: nonneg(1, 'Mean talkativeness: multiplies the probability of talking after an episode (F3).'),
    serviceRequests: nonneg(1, 'Service requests (questions, changes) relative to service.questionsPerCustomerPerYear (F18: bargain hunters ask more).'),
    returnsPerYear: nonneg(0, 'Returns per customer per year, each costing returns.costPerReturn, charged to the customer (F18: bargain hunters return more).'),
  })
  .describe('A customer segment: needs and expectations differ (price-, convenience-, relationship-driven).');

const defaultSegments = {
  price: { share: 0.35, marginMultiplier: 0.6, churnMultiplier: 1.6, asExpectedScore: 7.2, priceSensitivity: 3, talkativeness: 0.8, serviceRequests: 1, returnsPerYear: 0 },
  convenience: { share: 0.4, marginMultiplier: 1.0, churnMultiplier: 1.0, asExpectedScore: 7.6, priceSensitivity: 1.5, talkativeness: 1.0, serviceRequests: 1, returnsPerYear: 0 },
  relationship: { share: 0.25, marginMultiplier: 1.5, churnMultiplier: 0.6, asExpectedScore: 7.9, priceSensitivity: 0.5, talkativeness: 1.4, serviceRequests: 1, returnsPerYear: 0 },
};

const sections = {
  market: section(
    {
      size: posint(10_000, 'Number of people in the market (prospects + customers + churned).'),
      initialCustomers: z.number().int().min(0).default(2_000).describe('Customers at day 0; the rest start as prospects. Default 2000.'),
      initialHistoryDays: z
        .number()
        .int()
        .min(0)
        .max(3650)
        .default(0)
        .describe('Days of history the initial customers bring (docs/MODEL.md §1): the model first runs this many days unrecorded, from the same start on its own random streams, and each initial customer starts day 0 with the satisfaction and trust of a customer of its segment at the end of that run. 0 (default): every initial customer starts at its segment\'s as-expected score, and NPS settles over the first year or so.'),
      segments: z
        .record(nameKey(), segmentSchema)
        .default(defaultSegments)
        .describe('Customer segments by name. Default: price (35%), convenience (40%), relationship (25%).'),
    },
    'Market size, starting customer base and segments.',
  ),
};

const metrics = [
  { key: 'prospects', label: 'Prospects', unit: 'people', kind: 'stock', doc: 'People in the market who never bought.' },
  { key: 'customers', label: 'Active customers', unit: 'customers', kind: 'stock', doc: 'Customers at the end of the day, won-back ones included.' },
  { key: 'churned', label: 'Churned', unit: 'people', kind: 'stock', doc: 'Former customers not (yet) won back.' },
  { key: 'marketShare', label: 'Market share', unit: '%', kind: 'stock', doc: 'Customers ÷ market size × 100.' },
  { key: 'lost', label: 'Customers lost', unit: 'customers/day', kind: 'flow', doc: 'Customers who churned today (after save offers).' },
] as const;

export interface MarketConfig {
  size: number;
  initialCustomers: number;
  segmentNames: string[];
  /** Cumulative segment shares (last = 1), for drawing a person's segment. */
  segmentCumShare: Float64Array;
}

/** A per-segment table of one segment attribute (index = segment id). */
export const perSegment = (p: Params, f: (s: Params['market']['segments'][string]) => number): Float64Array =>
  Float64Array.from(Object.values(p.market.segments), f);

export const market: Mechanism<typeof sections, MarketConfig, (typeof metrics)[number]['key']> = {
  name: 'market',
  doc: 'People in the market, their segment and lifecycle state (§1–2, F18).',
  sections,
  columns: { segment: 'u8' },
  metrics,
  check(p, issue) {
    const m = p.market;
    if (m.initialCustomers > m.size) issue(['market', 'initialCustomers'], `initialCustomers (${m.initialCustomers}) exceeds market.size (${m.size}): the market must hold the initial customer base`);
    const segments = Object.values(m.segments);
    const shareSum = segments.reduce((s, g) => s + g.share, 0);
    if (Math.abs(shareSum - 1) > 1e-6) issue(['market', 'segments'], `segment shares sum to ${round6(shareSum)}, expected 1`);
    if (segments.length === 0) issue(['market', 'segments'], 'at least one segment is needed');
    if (segments.length > 255) issue(['market', 'segments'], 'at most 255 segments');
  },
  compile(p) {
    let cum = 0;
    return {
      size: p.market.size,
      initialCustomers: p.market.initialCustomers,
      segmentNames: Object.keys(p.market.segments),
      segmentCumShare: perSegment(p, (s) => (cum += s.share)),
    };
  },
  setup(run, cfg) {
    const { pop } = run;
    const segment = pop.column('segment', 'u8');
    // Segments drawn by share (stream `population`).
    const traits = run.stream('population');
    const cum = cfg.segmentCumShare, last = cum.length - 1;
    for (let i = 0; i < pop.n; i++) {
      const u = traits();
      let s = 0;
      while (s < last && u >= cum[s]) s++;
      segment[i] = s;
    }
    const lost = run.counter('lost');
    return {
      leaving() {
        run.counts[lost]++;
      },
      stocks: {
        prospects: () => pop.n - pop.customerCount - pop.churnedCount - pop.rivalCount,
        customers: () => pop.customerCount,
        churned: () => pop.churnedCount,
        marketShare: () => (100 * pop.customerCount) / pop.n,
      },
      totals(series) {
        let customerDays = 0, churnEvents = 0;
        for (let d = 1; d < series.customers.length; d++) {
          customerDays += series.customers[d - 1];
          churnEvents += series.lost[d];
        }
        return { customerDays, churnEvents };
      },
    };
  },
};
