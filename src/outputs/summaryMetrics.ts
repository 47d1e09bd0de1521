/** The per-run summary metrics that the summary table, paired comparisons and comparison charts share. */
import { periodValue, type MetricKey, type RunResult } from '../model/metrics.js';
import { npsStandardError } from '../stats/nps.js';
import { last, total } from './runs.js';

export interface SummaryMetric {
  key: string;
  label: string;
  unit: string;
  extract: (run: RunResult) => number;
}

/** A ratio metric over the whole run (Σnum/Σden from day 1). */
const overRun = (key: MetricKey) => (r: RunResult) => periodValue(r.series, key, 1, r.days);

export const SUMMARY_METRICS = [
  { key: 'finalNps', label: 'Final Net Promoter Score', unit: 'points', extract: (r) => last(r.series.nps) },
  {
    key: 'surveyNps',
    label: 'NPS from the last survey',
    unit: 'points',
    // What the firm would report: the last relationship survey (sampling error and response bias included); NaN before the first.
    extract: (r) => {
      for (let d = r.days; d >= 1; d--) if (r.series.surveyResponses[d] > 0) return periodValue(r.series, 'surveyNps', d, d);
      return NaN;
    },
  },
  { key: 'transactionalNps', label: 'Transactional NPS (after contacts)', unit: 'points', extract: overRun('transactionalNps') },
  { key: 'finalCustomers', label: 'Final active customers', unit: 'customers', extract: (r) => last(r.series.customers) },
  { key: 'finalMarketShare', label: 'Final market share', unit: '%', extract: (r) => last(r.series.marketShare) },
  { key: 'finalSatisfaction', label: 'Final mean satisfaction', unit: '0–10', extract: (r) => last(r.series.satisfaction) },
  { key: 'cumulativeProfit', label: 'Cumulative profit', unit: 'money', extract: (r) => last(r.series.cumulativeProfit) },
  { key: 'clv', label: 'Customer lifetime value', unit: 'money/customer', extract: (r) => r.totals.clv },
  { key: 'costPerAcquisition', label: 'Cost per acquisition', unit: 'money/customer', extract: (r) => r.totals.costPerAcquisition },
  { key: 'customersAcquired', label: 'Customers acquired', unit: 'customers', extract: (r) => total(r.series.acquired) },
  { key: 'costPerCustomerWon', label: 'Cost per customer won by marketing', unit: 'money/customer', extract: overRun('costPerCustomerWon') }, // F1
  { key: 'costPerCustomerKept', label: 'Cost per customer kept by retention', unit: 'money/customer', extract: overRun('costPerCustomerKept') }, // F1
  { key: 'customersKept', label: 'Customers kept by retention (model)', unit: 'customers', extract: (r) => total(r.series.retentionKept) },
  { key: 'customersLost', label: 'Customers lost', unit: 'customers', extract: (r) => total(r.series.lost) },
  { key: 'complaintsHeardShare', label: 'Complaints heard ÷ dissatisfied in reality', unit: '%', extract: overRun('heardShare') }, // F2
  {
    key: 'growthPerYear',
    label: 'Customer growth per year',
    unit: '%',
    // Compound yearly growth of the active customer base over the run; NaN without customers at day 0.
    // Kept to 12 significant digits: Math.pow, exp and log may differ in the last bit between
    // JavaScript engines (Node 20 and today's Chromium do), and the studio must give compare's numbers.
    extract: (r) => {
      const start = r.series.customers[0], end = last(r.series.customers);
      return start > 0 ? Number((100 * (Math.pow(end / start, 365 / r.days) - 1)).toPrecision(12)) : NaN;
    },
  },
  { key: 'contactSatisfaction', label: 'Contact satisfaction', unit: '0–10', extract: overRun('contactSatisfaction') },
  { key: 'firstContactResolution', label: 'First-contact resolution (firm KPI)', unit: '% of contacts', extract: overRun('firstContactResolution') },
  { key: 'customerFirstContactResolution', label: 'First-contact resolution (customer view)', unit: '% of problems', extract: overRun('customerFirstContactResolution') },
  { key: 'contactsPerProblem', label: 'Contacts per problem (customer view)', unit: 'contacts', extract: overRun('contactsPerProblem') },
  { key: 'serviceLevel', label: 'Service level', unit: '% within target', extract: overRun('serviceLevel') },
  { key: 'staffCost', label: 'Staff cost', unit: 'money', extract: (r) => total(r.series.staffCost) },
  { key: 'goodwillCost', label: 'Goodwill paid', unit: 'money', extract: (r) => total(r.series.goodwillCost) },
  { key: 'goodwillPerProblem', label: 'Goodwill per problem', unit: 'money/problem', extract: overRun('goodwillPerProblem') }, // F9
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
