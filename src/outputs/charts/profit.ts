/** Chart: cumulative profit over time per strategy, with the break-even line. */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { timeChart, timeData, type Layer, type TimeData, type VlSpec } from './common.js';

export const title = 'Cumulative profit over time';

export function profitChart(data: TimeData, scenario: Scenario): VlSpec {
  const zero: Layer = { mark: { type: 'rule', color: '#999', strokeDash: [4, 4] }, encoding: { y: { datum: 0 } } };
  return timeChart(scenario, data, title, 'cumulativeProfit', [zero]);
}

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec => profitChart(timeData(scenario, results, ['cumulativeProfit']), scenario);
