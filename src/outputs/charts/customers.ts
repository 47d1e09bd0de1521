/** Chart: active customers over time per strategy. */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { timeChart, timeData, type TimeData, type VlSpec } from './common.js';

export const title = 'Active customers over time';

export function customersChart(data: TimeData, scenario: Scenario): VlSpec {
  return timeChart(scenario, data, title, 'customers');
}

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec => customersChart(timeData(scenario, results, ['customers']), scenario);
