/** The per-run summary metrics that the summary table, paired comparisons and comparison charts share. */
import type { RunResult } from '../model/metrics.js';
import { npsStandardError } from '../stats/nps.js';
import { last, total } from './runs.js';

export interface SummaryMetric {
  key: string;
  label: string;
  unit: string;
  extract: (run: RunResult) => number;
}

export const SUMMARY_METRICS = [
  { key: 'finalNps', label: 'Final Net Promoter Score', unit: 'points', extract: (r) => last(r.series.nps) },
  { key: 'finalCustomers', label: 'Final active customers', unit: 'customers', extract: (r) => last(r.series.customers) },
  { key: 'finalMarketShare', label: 'Final market share', unit: '%', extract: (r) => last(r.series.marketShare) },
  { key: 'finalSatisfaction', label: 'Final mean satisfaction', unit: '0–10', extract: (r) => last(r.series.satisfaction) },
  { key: 'cumulativeProfit', label: 'Cumulative profit', unit: 'money', extract: (r) => last(r.series.cumulativeProfit) },
  { key: 'clv', label: 'Customer lifetime value', unit: 'money/customer', extract: (r) => r.totals.clv },
  { key: 'costPerAcquisition', label: 'Cost per acquisition', unit: 'money/customer', extract: (r) => r.totals.costPerAcquisition },
  { key: 'customersAcquired', label: 'Customers acquired', unit: 'customers', extract: (r) => total(r.series.acquired) },
  { key: 'customersLost', label: 'Customers lost', unit: 'customers', extract: (r) => total(r.series.lost) },
  {
    key: 'complaintsHeardShare',
    label: 'Complaints heard ÷ dissatisfied in reality',
    unit: '%',
    // F2: what management sees of the problems customers actually had; NaN when nobody had one.
    extract: (r) => {
      const problems = total(r.series.problems);
      return problems > 0 ? (100 * total(r.series.complaintsHeard)) / problems : NaN;
    },
  },
  {
    key: 'npsStandardError',
    label: 'NPS sampling standard error',
    unit: 'points',
    // Treats every active customer as a respondent: the noise a survey of the whole base would still carry.
    extract: (r) => npsStandardError(last(r.series.promoters) / 100, last(r.series.detractors) / 100, last(r.series.customers)),
  },
] as const satisfies readonly SummaryMetric[];

export type SummaryMetricKey = (typeof SUMMARY_METRICS)[number]['key'];

export const SUMMARY_METRIC_BY_KEY: Readonly<Record<SummaryMetricKey, SummaryMetric>> = Object.fromEntries(
  SUMMARY_METRICS.map((m) => [m.key, m]),
) as Record<SummaryMetricKey, SummaryMetric>;
