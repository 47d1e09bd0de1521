/**
 * segments.csv (F18): per strategy × customer segment, what the segment's customers brought and
 * what serving them cost (docs/MODEL.md §13), so a report can say which segment is unprofitable.
 * Figures are run totals (model/mechanisms/costToServe.ts) averaged over replications; the
 * contribution per customer-year carries a 95 % Student-t interval over replications.
 */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { finite, tInterval } from '../../stats/summary.js';
import { currencyOf } from '../palette.js';
import { groupRuns } from '../runs.js';
import type { SegmentFigure } from '../../model/mechanisms/costToServe.js';
import { checkTable, type Table } from './table.js';

export interface SegmentRow {
  strategy: string;
  segment: string;
  customers: number; // people who were customers at some time in the run
  customerYears: number; // paying customer-days / 365
  contacts: number; // service contacts handled
  revenue: number; // margin + upsells
  costToServe: number; // staff time by handle minutes, goodwill, honesty letters, returns
  contribution: number; // revenue − cost to serve
  revenuePerCustomerYear: number;
  costToServePerCustomerYear: number;
  contributionPerCustomerYear: number;
  lo: number;
  hi: number;
  n: number;
}

const PREFIX = 'segment.';

/** Segment names a run reports, in the order of its scenario's segments. */
export function segmentsOf(run: RunResult): string[] {
  return Object.keys(run.totals)
    .filter((k) => k.startsWith(PREFIX) && k.endsWith('.customers'))
    .map((k) => k.slice(PREFIX.length, -'.customers'.length));
}

const figure = (r: RunResult, segment: string, f: string) => r.totals[`segment.${segment}.${f}`] ?? NaN;
const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

/** One row per strategy × segment (empty when the runs carry no segment figures, e.g. read back from Parquet). */
export function segmentRows(scenario: Scenario, results: readonly RunResult[]): SegmentRow[] {
  const rows: SegmentRow[] = [];
  for (const g of groupRuns(results, scenario)) {
    const names = g.runs.length > 0 ? segmentsOf(g.runs[0]) : [];
    for (const segment of names) {
      const per = (f: string) => g.runs.map((r) => figure(r, segment, f));
      const years = per('customerDays').map((d) => d / 365), revenue = per('revenue'), cost = per('costToServe');
      const perYear = (xs: number[]) => xs.map((x, k) => (years[k] > 0 ? x / years[k] : NaN));
      const contributionPerYear = tInterval(finite(perYear(revenue.map((x, k) => x - cost[k]))));
      rows.push({
        strategy: g.strategy, segment,
        customers: mean(per('customers')), customerYears: mean(years), contacts: mean(per('contacts')),
        revenue: mean(revenue), costToServe: mean(cost), contribution: mean(revenue) - mean(cost),
        revenuePerCustomerYear: mean(finite(perYear(revenue))), costToServePerCustomerYear: mean(finite(perYear(cost))),
        contributionPerCustomerYear: contributionPerYear.mean, lo: contributionPerYear.lo, hi: contributionPerYear.hi, n: contributionPerYear.n,
      });
    }
  }
  return rows;
}

/** One row per run × segment: the run totals of costToServe.ts (segmentRuns.csv/.parquet; read back by readRuns.ts). */
export function segmentRunsTable(results: readonly RunResult[], scenario: Scenario): Table {
  const rows = groupRuns(results, scenario).flatMap((g) => g.runs.flatMap((r) => segmentsOf(r).map((segment) => ({ r, segment }))));
  const c = currencyOf(scenario);
  const col = (name: SegmentFigure, title: string, unit: string, description: string) => ({ name, type: 'number' as const, title, unit, description, values: Float64Array.from(rows, ({ r, segment }) => figure(r, segment, name)) });
  return checkTable({
    name: 'segmentRuns',
    title: 'Customer segments per run',
    description: 'One row per run (strategy × replication) × customer segment: the figures segments.csv averages (F18).',
    primaryKey: ['strategy', 'replication', 'segment'],
    columns: [
      { name: 'strategy', type: 'string', title: 'Strategy', description: 'Strategy name as in the scenario file (the baseline first).', values: rows.map(({ r }) => r.strategy) },
      { name: 'replication', type: 'integer', title: 'Replication', description: 'Replication number (0-based), paired across strategies.', values: Int32Array.from(rows, ({ r }) => r.replication) },
      { name: 'segment', type: 'string', title: 'Segment', description: 'Customer segment (market.segments).', values: rows.map(({ segment }) => segment) },
      col('customers', 'Customers', 'customers', 'People who were customers at some time in the run.'),
      col('customerDays', 'Customer-days', 'customer-days', 'Days on which the segment’s customers paid.'),
      col('contacts', 'Contacts handled', 'contacts', 'Service contacts handled for the segment’s customers.'),
      col('revenue', 'Revenue', c, 'Margin and upsells from the segment’s customers.'),
      col('costToServe', 'Cost to serve', c, 'Service cost charged to the segment’s customers.'),
    ],
  });
}

export function segmentsTable(rows: readonly SegmentRow[], scenario: Scenario): Table {
  const c = currencyOf(scenario);
  const num = (k: keyof SegmentRow) => Float64Array.from(rows, (r) => r[k] as number);
  const money = (name: keyof SegmentRow, title: string, unit: string, description: string) => ({ name, type: 'number' as const, title, unit, description, values: num(name) });
  return checkTable({
    name: 'segments',
    title: 'Customer segments: revenue and cost to serve',
    description: 'Per strategy × customer segment (F18): what its customers brought (margin, upsells) and what serving them cost (staff time shared by handle minutes, goodwill, honesty letters, returns), means over replications. Marketing, retention, symbols, loyalty and fixed costs are not charged to customers.',
    primaryKey: ['strategy', 'segment'],
    columns: [
      { name: 'strategy', type: 'string', title: 'Strategy', description: 'Strategy name as in the scenario file (the baseline first).', values: rows.map((r) => r.strategy) },
      { name: 'segment', type: 'string', title: 'Segment', description: 'Customer segment (market.segments).', values: rows.map((r) => r.segment) },
      { name: 'customers', type: 'number', title: 'Customers', unit: 'customers', description: 'People who were customers at some time in the run.', values: num('customers') },
      { name: 'customerYears', type: 'number', title: 'Customer-years', unit: 'years', description: 'Paying customer-days ÷ 365.', values: num('customerYears') },
      { name: 'contacts', type: 'number', title: 'Contacts handled', unit: 'contacts', description: 'Service contacts handled for the segment’s customers.', values: num('contacts') },
      money('revenue', 'Revenue', c, 'Margin and upsells from the segment’s customers over the run.'),
      money('costToServe', 'Cost to serve', c, 'Service cost charged to the segment’s customers over the run.'),
      money('contribution', 'Contribution after cost to serve', c, 'Revenue − cost to serve.'),
      money('revenuePerCustomerYear', 'Revenue per customer-year', `${c} per customer-year`, 'Revenue ÷ customer-years (mean over replications).'),
      money('costToServePerCustomerYear', 'Cost to serve per customer-year', `${c} per customer-year`, 'Cost to serve ÷ customer-years (mean over replications).'),
      money('contributionPerCustomerYear', 'Contribution per customer-year', `${c} per customer-year`, 'Revenue − cost to serve, per customer-year (mean over replications): negative = the segment costs more than it brings.'),
      money('lo', 'Lower 95 % bound', `${c} per customer-year`, 'Lower end of the 95 % Student-t interval of the contribution per customer-year.'),
      money('hi', 'Upper 95 % bound', `${c} per customer-year`, 'Upper end of that interval.'),
      { name: 'n', type: 'integer', title: 'Replications', description: 'Replications with customer-years in the segment.', values: Int32Array.from(rows, (r) => r.n) },
    ],
  });
}
