/**
 * The list of charts every run writes: file stem, title and builder from scenario and run
 * results, decision charts first (the order the report shows them in).
 */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import type { VlSpec } from './common.js';
import * as comparison from './comparison.js';
import * as complaints from './complaints.js';
import * as customers from './customers.js';
import * as kpiGap from './kpiGap.js';
import * as nps from './nps.js';
import * as paired from './paired.js';
import * as profit from './profit.js';
import * as sector from './sector.js';
import * as service from './service.js';
import * as tradeoff from './tradeoff.js';
import * as wom from './wom.js';

export interface ChartEntry {
  file: string;
  title: string;
  build: (scenario: Scenario, results: readonly RunResult[]) => VlSpec;
  /** Strategies needed for the chart to say anything (differences need a baseline and another strategy). */
  minStrategies?: number;
  /** Only for scenarios this holds for (e.g. the sector chart: scenarios with competitors). */
  applies?: (scenario: Scenario) => boolean;
}

export const CHARTS: readonly ChartEntry[] = [
  { file: 'paired', title: paired.title, build: paired.build, minStrategies: 2 },
  { file: 'tradeoff', title: tradeoff.title, build: tradeoff.build, minStrategies: 2 },
  { file: 'comparison', title: comparison.title, build: comparison.build },
  { file: 'customers', title: customers.title, build: customers.build },
  { file: 'sector', title: sector.title, build: sector.build, applies: sector.applies },
  { file: 'nps', title: nps.title, build: nps.build },
  { file: 'profit', title: profit.title, build: profit.build },
  { file: 'complaints', title: complaints.title, build: complaints.build },
  { file: 'wom', title: wom.title, build: wom.build },
  { file: 'service', title: service.title, build: service.build },
  { file: 'kpi-gap', title: kpiGap.title, build: kpiGap.build },
];

/** The charts that apply to a scenario with this many strategies (charts for some scenarios only: when it is given and they apply to it). */
export const chartsFor = (strategies: number, scenario?: Scenario): ChartEntry[] =>
  CHARTS.filter((c) => strategies >= (c.minStrategies ?? 1) && (c.applies === undefined || (scenario !== undefined && c.applies(scenario))));

export type { VlSpec } from './common.js';
