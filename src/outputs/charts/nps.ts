/** Chart: Net Promoter Score over time per strategy, with the zero line where promoters and detractors balance. */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { timeChart, timeData, type Layer, type TimeData, type VlSpec } from './common.js';

export const title = 'Net Promoter Score over time';

export function npsChart(data: TimeData, scenario: Scenario): VlSpec {
  const zero: Layer = { mark: { type: 'rule', color: '#999', strokeDash: [4, 4] }, encoding: { y: { datum: 0 } } };
  return timeChart(scenario, data, title, 'nps', [zero]);
}

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec => npsChart(timeData(scenario, results, ['nps']), scenario);
