/**
 * What a report shows, as plain data: the scenario and its strategies (label, description, colour,
 * what each costs a day), the summary and paired tables, the chart specs and how to reproduce.
 * Built in Node from an output folder (folder.ts) or in the browser from live runs (the studio).
 */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { finite, tInterval } from '../../stats/summary.js';
import type { VlSpec } from '../charts/common.js';
import { colourByName, currencyOf, labelByName } from '../palette.js';
import { total } from '../runs.js';
import type { SummaryMetricKey } from '../summaryMetrics.js';

/** The money a strategy spends: every cost series of the model. */
export const COST_SERIES = ['acquisitionCost', 'retentionCost', 'symbolCost', 'fixedCost', 'staffCost', 'goodwillCost'] as const;

export interface ReportStrategy {
  name: string;
  label: string;
  description: string;
  colour: string;
  /** Mean spend per day over the run (every cost series), or null without results. */
  costPerDay: number | null;
}

export interface ReportSummaryRow {
  strategy: string;
  metric: SummaryMetricKey | string;
  mean: number;
  lo: number;
  hi: number;
  n: number;
}

export interface ReportPairedRow extends ReportSummaryRow {
  distinguishable: boolean;
}

export interface ReportChart {
  file: string;
  title: string;
  spec: VlSpec;
}

export interface ReportSegmentRow {
  strategy: string;
  segment: string;
  revenue: number; // per customer-year
  cost: number; // cost to serve per customer-year
  mean: number; // contribution per customer-year
  lo: number;
  hi: number;
  n: number;
}

export interface ReportModel {
  name: string;
  description: string;
  currency: string;
  days: number;
  replications: number;
  seed: number;
  strategies: ReportStrategy[]; // baseline first
  summary: ReportSummaryRow[];
  paired: ReportPairedRow[];
  charts: ReportChart[];
  /** segments.csv (F18): contribution after cost to serve per customer-year, per strategy × segment. */
  segments?: ReportSegmentRow[];
  reproduce: { version: string; scenarioHash: string; command: string[]; how: string };
}

/** Mean spend per day of each run (every cost series), per strategy: the input of reportStrategies. */
export function spendPerDay(results: readonly Pick<RunResult, 'strategy' | 'days' | 'series'>[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of results) {
    const spend = COST_SERIES.reduce((sum, key) => sum + total(r.series[key]), 0) / Math.max(1, r.days);
    out.set(r.strategy, [...(out.get(r.strategy) ?? []), spend]);
  }
  return out;
}

/** Strategies of a scenario with their colours and mean spend per day over the replications. */
export function reportStrategies(scenario: Scenario, spend: ReadonlyMap<string, readonly number[]>): ReportStrategy[] {
  const colours = colourByName(scenario);
  const labels = labelByName(scenario);
  return scenario.strategies.map((s) => {
    const cost = tInterval(finite([...(spend.get(s.name) ?? [])]));
    return { name: s.name, label: labels.get(s.name) ?? s.label, description: s.description, colour: colours.get(s.name)!, costPerDay: cost.n > 0 ? cost.mean : null };
  });
}

export { currencyOf };
