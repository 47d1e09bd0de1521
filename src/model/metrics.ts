/**
 * The catalogue of daily metrics the model reports: the contract between the engine (which
 * fills one Float64Array per metric, index = day 0…days) and the outputs (tables, charts).
 * Day 0 holds the initial state; flows on day 0 are 0.
 */

export type MetricKind = 'stock' | 'flow' | 'money';

export interface MetricDef {
  key: string;
  label: string; // for chart axes and table headers
  unit: string;
  kind: MetricKind;
  doc: string;
}

const m = (key: string, label: string, unit: string, kind: MetricKind, doc: string): MetricDef => ({ key, label, unit, kind, doc });

export const METRICS = [
  // population (stocks at the end of the day)
  m('prospects', 'Prospects', 'people', 'stock', 'People in the market who never bought.'),
  m('customers', 'Active customers', 'customers', 'stock', 'Customers at the end of the day, won-back ones included.'),
  m('churned', 'Churned', 'people', 'stock', 'Former customers not (yet) won back.'),
  m('marketShare', 'Market share', '%', 'stock', 'Customers ÷ market size × 100.'),
  m('satisfaction', 'Mean satisfaction', '0–10', 'stock', 'Mean satisfaction memory S of active customers.'),
  m('trust', 'Mean trust', '0–1', 'stock', 'Mean trust of active customers.'),
  m('promoters', 'Promoters', '% of customers', 'stock', 'Share of customers scoring 9–10 on likelihood to recommend.'),
  m('passives', 'Passives', '% of customers', 'stock', 'Share scoring 7–8.'),
  m('detractors', 'Detractors', '% of customers', 'stock', 'Share scoring 0–6.'),
  m('nps', 'Net Promoter Score', 'points', 'stock', '% promoters − % detractors, −100…100.'),
  // lifecycle flows (per day)
  m('acquired', 'Customers acquired', 'customers/day', 'flow', 'Prospects who bought today (marketing + WOM).'),
  m('acquiredMarketing', 'Acquired by marketing', 'customers/day', 'flow', 'Adoptions attributed to external influence p.'),
  m('acquiredWom', 'Acquired by word of mouth', 'customers/day', 'flow', 'Adoptions attributed to the WOM signal q·σ.'),
  m('wonBack', 'Won back', 'customers/day', 'flow', 'Churned people who became customers again.'),
  m('lost', 'Customers lost', 'customers/day', 'flow', 'Customers who churned today (after save offers).'),
  m('saved', 'Customers saved', 'customers/day', 'flow', 'Would-be leavers kept by a retention save offer.'),
  // experience and complaints (per day)
  m('episodes', 'Episodes', 'episodes/day', 'flow', 'Touchpoint episodes customers went through.'),
  m('problems', 'Dissatisfied in reality', 'customers/day', 'flow', 'Episodes with at least one failed step (a problem).'),
  m('badExperiences', 'Bad experiences', 'episodes/day', 'flow', 'Episodes scoring below the bad-experience threshold.'),
  m('complaintsVoiced', 'Complaints voiced', 'complaints/day', 'flow', 'Problems complained about, front line or headquarters.'),
  m('complaintsHeard', 'Complaints heard', 'complaints/day', 'flow', 'Complaints that reach headquarters: what management sees (F2).'),
  m('resolved', 'Complaints resolved', 'complaints/day', 'flow', 'Voiced complaints resolved (quickly or not).'),
  // word of mouth (per day)
  m('womPositive', 'Positive WOM messages', 'messages/day', 'flow', 'Positive messages sent.'),
  m('womNegative', 'Negative WOM messages', 'messages/day', 'flow', 'Negative messages sent.'),
  m('womReach', 'WOM reach', 'people/day', 'flow', 'Distinct people who heard at least one message (network); expected reach under full mixing.'),
  // money (per day)
  m('revenue', 'Margin earned', 'money/day', 'money', 'Contribution margin from active customers.'),
  m('acquisitionCost', 'Acquisition spend', 'money/day', 'money', 'Marketing spend.'),
  m('retentionCost', 'Retention spend', 'money/day', 'money', 'Cost of save offers that kept a customer.'),
  m('symbolCost', 'Symbol cost', 'money/day', 'money', 'Cost of symbols of extremism.'),
  m('fixedCost', 'Fixed cost', 'money/day', 'money', 'Other fixed costs.'),
  m('profit', 'Profit', 'money/day', 'money', 'Margin minus every cost of the day.'),
  m('cumulativeProfit', 'Cumulative profit', 'money', 'money', 'Profit summed from day 1.'),
] as const satisfies readonly MetricDef[];

export type MetricKey = (typeof METRICS)[number]['key'];
export const METRIC_KEYS: readonly MetricKey[] = METRICS.map((d) => d.key);
export const METRIC_BY_KEY: Readonly<Record<MetricKey, MetricDef>> = Object.fromEntries(METRICS.map((d) => [d.key, d])) as Record<MetricKey, MetricDef>;

/** One run (strategy × replication): a series per metric, index = day. */
export type Series = Record<MetricKey, Float64Array>;

/** Run-level totals the summaries need beyond the daily series. */
export interface RunTotals {
  customerDays: number; // Σ over days 1..T of customers at risk of churning
  churnEvents: number; // customers lost over days 1..T
  clv: number; // estimated lifetime value of a customer: m̄·r̂/(1 + d − r̂)
  cohortValue: number; // realised discounted margin per initial customer over the horizon
  costPerAcquisition: number; // acquisition spend ÷ customers acquired (NaN if none)
}

export interface RunResult {
  strategy: string;
  replication: number;
  days: number;
  series: Series;
  totals: RunTotals;
}

export function emptySeries(days: number): Series {
  const s = {} as Series;
  for (const k of METRIC_KEYS) s[k] = new Float64Array(days + 1);
  return s;
}
