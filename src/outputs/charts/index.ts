/** The list of charts every run writes: file stem, title and builder from scenario and run results. */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import type { VlSpec } from './common.js';
import * as comparison from './comparison.js';
import * as complaints from './complaints.js';
import * as customers from './customers.js';
import * as kpiGap from './kpiGap.js';
import * as nps from './nps.js';
import * as profit from './profit.js';
import * as service from './service.js';
import * as wom from './wom.js';

export interface ChartEntry {
  file: string;
  title: string;
  build: (scenario: Scenario, results: readonly RunResult[]) => VlSpec;
}

export const CHARTS: readonly ChartEntry[] = [
  { file: 'customers', title: customers.title, build: customers.build },
  { file: 'nps', title: nps.title, build: nps.build },
  { file: 'profit', title: profit.title, build: profit.build },
  { file: 'comparison', title: comparison.title, build: comparison.build },
  { file: 'complaints', title: complaints.title, build: complaints.build },
  { file: 'wom', title: wom.title, build: wom.build },
  { file: 'service', title: service.title, build: service.build },
  { file: 'kpi-gap', title: kpiGap.title, build: kpiGap.build },
];

export type { VlSpec } from './common.js';
