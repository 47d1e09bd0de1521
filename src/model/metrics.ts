/**
 * The catalogue of daily metrics the model reports: the contract between the engine (which
 * fills one Float64Array per metric, index = day 0…days) and the outputs (tables, charts).
 * Day 0 holds the initial state; flows on day 0 are 0.
 */

export type MetricKind = 'stock' | 'flow' | 'money' | 'ratio';

export interface MetricDef {
  key: string;
  label: string; // for chart axes and table headers
  unit: string;
  kind: MetricKind;
  doc: string;
  /** Ratio metrics: scale·Σnum/Σden over any span of days (NaN on a day without denominator). */
  ratio?: { num: string; den: string; scale: number };
}

const m = (key: string, label: string, unit: string, kind: MetricKind, doc: string): MetricDef => ({ key, label, unit, kind, doc });
const r = (key: string, label: string, unit: string, num: string, den: string, scale: number, doc: string): MetricDef => ({ key, label, unit, kind: 'ratio', doc, ratio: { num, den, scale } });

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
  r('heardShare', 'Complaints heard ÷ dissatisfied in reality', '%', 'complaintsHeard', 'problems', 100, 'What management hears of the problems customers had (F2).'),
  // word of mouth (per day)
  m('womPositive', 'Positive WOM messages', 'messages/day', 'flow', 'Positive messages sent.'),
  m('womNegative', 'Negative WOM messages', 'messages/day', 'flow', 'Negative messages sent.'),
  m('womReach', 'WOM reach', 'people/day', 'flow', 'Non-customers (prospects and churned) who heard at least one message (network); expected number under full mixing.'),
  // service operations (per day): the firm's KPIs and the customer's view (F6, F12)
  m('contactsArrived', 'Contacts arrived', 'contacts/day', 'flow', 'Contacts that entered a queue (questions, problems, repeats).'),
  m('contactsAnswered', 'Contacts answered', 'contacts/day', 'flow', 'Contacts whose handling finished.'),
  m('contactsAbandoned', 'Contacts abandoned', 'contacts/day', 'flow', 'Callers who hung up while waiting.'),
  m('contactsWaiting', 'Contacts waiting', 'contacts', 'stock', 'Contacts queued or in service at the end of the day.'),
  m('contactsStarted', 'Contacts taken into service', 'contacts/day', 'flow', 'Contacts an employee started on.'),
  m('waitMinutesTotal', 'Queue wait', 'minutes/day', 'flow', 'Σ queue waits of contacts taken into service (the firm measures from entering the queue).'),
  m('answeredInTarget', 'Answered within target', 'contacts/day', 'flow', 'Contacts taken into service within their channel\'s target.'),
  m('handleMinutesTotal', 'Handle time', 'minutes/day', 'flow', 'Σ handle times of contacts answered.'),
  m('closedFirst', 'Closed in the contact', 'contacts/day', 'flow', 'Answered contacts whose ticket was closed in that contact (the firm counts them resolved).'),
  m('casesEnded', 'Problems ended', 'problems/day', 'flow', 'Complaint cases that ended (solved or given up).'),
  m('caseContacts', 'Contacts of ended problems', 'contacts/day', 'flow', 'Σ contacts the customers of the ended cases needed.'),
  m('casesSolved', 'Problems solved', 'problems/day', 'flow', 'Ended cases that were actually solved.'),
  m('casesSolvedFirst', 'Problems solved at first contact', 'problems/day', 'flow', 'Ended cases solved in the customer\'s first contact about them.'),
  m('contactScoreTotal', 'Contact scores', 'points/day', 'flow', 'Σ scores customers gave the contacts answered.'),
  r('waitMinutes', 'Mean queue wait', 'minutes', 'waitMinutesTotal', 'contactsStarted', 1, 'Mean queue wait of contacts taken into service.'),
  r('serviceLevel', 'Service level', '% within target', 'answeredInTarget', 'contactsStarted', 100, 'Share of contacts taken into service within their channel\'s target.'),
  r('handleTime', 'Average handle time', 'minutes', 'handleMinutesTotal', 'contactsAnswered', 1, 'The firm\'s AHT.'),
  r('firstContactResolution', 'First-contact resolution (firm KPI)', '% of contacts', 'closedFirst', 'contactsAnswered', 100, 'Contacts closed in the contact ÷ contacts answered: the firm\'s view (F12).'),
  r('contactsPerProblem', 'Contacts per problem (customer view)', 'contacts', 'caseContacts', 'casesEnded', 1, 'Contacts a customer needed per problem (F12).'),
  r('problemsSolved', 'Problems solved (customer view)', '% of problems', 'casesSolved', 'casesEnded', 100, 'Share of ended problems that were solved.'),
  r('customerFirstContactResolution', 'First-contact resolution (customer view)', '% of problems', 'casesSolvedFirst', 'casesEnded', 100, 'Problems solved in the customer\'s first contact ÷ problems ended (F12).'),
  r('contactSatisfaction', 'Contact satisfaction', '0–10', 'contactScoreTotal', 'contactsAnswered', 1, 'Mean score customers gave the contacts answered.'),
  m('engagement', 'Staff engagement', '0–1', 'stock', 'Mean engagement of the employees (F15).'),
  // money (per day)
  m('revenue', 'Margin earned', 'money/day', 'money', 'Contribution margin from active customers, plus upsells.'),
  m('acquisitionCost', 'Acquisition spend', 'money/day', 'money', 'Marketing spend.'),
  m('retentionCost', 'Retention spend', 'money/day', 'money', 'Cost of save offers that kept a customer.'),
  m('symbolCost', 'Symbol cost', 'money/day', 'money', 'Cost of symbols of extremism.'),
  m('fixedCost', 'Fixed cost', 'money/day', 'money', 'Other fixed costs.'),
  m('staffCost', 'Staff cost', 'money/day', 'money', 'Employees on duty × open hours × cost per hour.'),
  m('goodwillCost', 'Goodwill', 'money/day', 'money', 'Goodwill (coulance) paid (F9).'),
  m('upsellRevenue', 'Upsell margin', 'money/day', 'money', 'One-off margin from sales pitches in service contacts (part of margin earned).'),
  r('goodwillPerProblem', 'Goodwill per problem', 'money/problem', 'goodwillCost', 'casesEnded', 1, 'Goodwill paid ÷ problems ended (F9).'),
  m('profit', 'Profit', 'money/day', 'money', 'Margin minus every cost of the day.'),
  m('cumulativeProfit', 'Cumulative profit', 'money', 'money', 'Profit summed from day 1.'),
] as const satisfies readonly MetricDef[];

export type MetricKey = (typeof METRICS)[number]['key'];
export const METRIC_KEYS: readonly MetricKey[] = METRICS.map((d) => d.key);
export const METRIC_BY_KEY: Readonly<Record<MetricKey, MetricDef>> = Object.fromEntries(METRICS.map((d) => [d.key, d])) as Record<MetricKey, MetricDef>;

/**
 * The value of a metric over days start…end of a series set: the mean for ordinary metrics,
 * scale·Σnum/Σden for ratio metrics (NaN when the denominator is 0), so weekly and run-level
 * figures weigh days by their contacts instead of averaging daily ratios.
 */
export function periodValue(series: Series, key: MetricKey, start: number, end: number): number {
  const def = METRIC_BY_KEY[key];
  if (def.ratio) {
    const num = series[def.ratio.num as MetricKey], den = series[def.ratio.den as MetricKey];
    let a = 0, b = 0;
    for (let d = start; d <= end; d++) { a += num[d]; b += den[d]; }
    return b === 0 ? NaN : (def.ratio.scale * a) / b;
  }
  const s = series[key];
  let t = 0;
  for (let d = start; d <= end; d++) t += s[d];
  return t / (end - start + 1);
}

/** Fills the ratio metrics of day d from their numerator and denominator flows. */
export function fillRatios(series: Series, day: number): void {
  for (const def of METRICS) if ('ratio' in def && def.ratio) series[def.key][day] = periodValue(series, def.key, day, day);
}

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
