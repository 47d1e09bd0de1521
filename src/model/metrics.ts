/**
 * The catalogue of daily metrics: the contract between the engine (which fills one
 * Float64Array per metric, index = day 0…days) and the outputs (tables, charts). It is
 * assembled from what the registered mechanisms declare (registry.ts) plus the ledger's
 * totals (ledger.ts), in registry order. Day 0 holds the initial state; flows on day 0 are 0.
 *
 *   flow    a counter the mechanisms add to during the day (reset every day)
 *   money   a flow in money; `ledger: 'revenue' | 'cost'` makes it a line of the books
 *   stock   a value read at the end of the day (the mechanism's reader)
 *   ratio   scale·Σnum/Σden of two flows, over any span of days
 */
import { LEDGER_METRICS } from './ledger.js';
import type { Mechanism } from './mechanism.js';
import { MECHANISMS } from './registry.js';

export type MetricKind = 'stock' | 'flow' | 'money' | 'ratio';

export interface MetricDecl<K extends string = string> {
  key: K;
  label: string; // for chart axes and table headers
  unit: string;
  kind: MetricKind;
  doc: string;
  /** Ratio metrics: scale·Σnum/Σden over any span of days (NaN on a day without denominator). */
  ratio?: { num: string; den: string; scale: number };
  /** Money metrics that are a line of the books (profit = revenue lines − cost lines). */
  ledger?: 'revenue' | 'cost';
}
export type MetricDef = MetricDecl;

type KeysOf<M> = M extends Mechanism<infer _S, infer _C, infer K> ? K : never;
/** Every metric key of the model as registered. */
export type MetricKey = KeysOf<(typeof MECHANISMS)[number]> | (typeof LEDGER_METRICS)[number]['key'];

/** The catalogue of a list of mechanisms (the ledger's totals last); keys are unique. */
export function catalogue(mechanisms: readonly Mechanism[]): MetricDecl[] {
  const defs: MetricDecl[] = [...mechanisms.flatMap((m) => m.metrics ?? []), ...LEDGER_METRICS];
  const seen = new Set<string>();
  for (const d of defs) {
    if (seen.has(d.key)) throw new Error(`metric "${d.key}" is declared twice`);
    seen.add(d.key);
  }
  for (const d of defs) {
    for (const k of d.ratio ? [d.ratio.num, d.ratio.den] : []) if (!seen.has(k)) throw new Error(`ratio metric "${d.key}" refers to unknown metric "${k}"`);
  }
  return defs;
}

export const METRICS: readonly MetricDecl<MetricKey>[] = catalogue(MECHANISMS) as MetricDecl<MetricKey>[];
export const METRIC_KEYS: readonly MetricKey[] = METRICS.map((d) => d.key);
export const METRIC_BY_KEY: Readonly<Record<MetricKey, MetricDecl>> = Object.fromEntries(METRICS.map((d) => [d.key, d])) as Record<MetricKey, MetricDecl>;

/**
 * The value of a metric over days start…end of a series set: the mean for ordinary metrics,
 * scale·Σnum/Σden for ratio metrics (NaN when the denominator is 0), so weekly and run-level
 * figures weigh days by their contacts instead of averaging daily ratios.
 */
export function periodValue(series: Series, key: MetricKey, start: number, end: number, byKey: Readonly<Record<string, MetricDecl>> = METRIC_BY_KEY): number {
  const def = byKey[key];
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

/** One run (strategy × replication): a series per metric, index = day. */
export type Series = Record<MetricKey, Float64Array>;

/** Run-level totals the summaries need beyond the daily series. */
export interface RunTotals {
  customerDays: number; // Σ over days 1..T of customers at risk of churning
  churnEvents: number; // customers lost over days 1..T
  clv: number; // estimated lifetime value of a customer: m̄·r̂/(1 + d − r̂)
  cohortValue: number; // realised discounted margin per initial customer over the horizon
  costPerAcquisition: number; // acquisition spend ÷ customers acquired (NaN if none)
  /** Desk capacity cost on days without a handled contact to charge it to (costToServe.ts). */
  costToServeUnallocated?: number;
  /** Per segment (costToServe.ts): `segment.<name>.<figure>`, figures customers, customerDays, contacts, revenue, costToServe. */
  [segmentFigure: `segment.${string}`]: number;
}

export interface RunResult {
  strategy: string;
  replication: number;
  days: number;
  series: Series;
  totals: RunTotals;
}

/** Zero series for every metric of a catalogue (default: the registered model's). */
export function emptySeries(days: number, keys: readonly string[] = METRIC_KEYS): Series {
  const s = {} as Record<string, Float64Array>;
  for (const k of keys) s[k] = new Float64Array(days + 1);
  return s as Series;
}
