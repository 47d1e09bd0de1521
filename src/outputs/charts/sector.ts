/** Chart: the firm's share of the sector over time per strategy (only for scenarios with competitors, docs/MODEL.md §25). */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { timeChart, timeData, type TimeData, type VlSpec } from './common.js';

export const title = 'Share of the sector over time';

export function sectorChart(data: TimeData, scenario: Scenario): VlSpec {
  return timeChart(scenario, data, title, 'sectorShare');
}

/** A strategy of the scenario has competitors (hand-built scenarios, as in library use, may carry partial params). */
export const applies = (scenario: Scenario): boolean => scenario.strategies.some((s) => Object.keys(s.params?.competitors ?? {}).length > 0);

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec => sectorChart(timeData(scenario, results, ['sectorShare']), scenario);
