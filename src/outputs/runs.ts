/** Groups run results by strategy in scenario order, replications ascending, for tables and charts. */
import type { RunResult } from '../model/metrics.js';
import type { Scenario } from '../scenario/schema.js';
import { labelByName } from './palette.js';

export interface StrategyRuns {
  strategy: string;
  label: string;
  runs: RunResult[]; // ascending replication
}

/**
 * Strategies in scenario order (without a scenario, in order of first appearance), skipping
 * strategies without results; results of strategies the scenario does not name come last.
 */
export function groupRuns(results: readonly RunResult[], scenario?: Scenario): StrategyRuns[] {
  const byName = new Map<string, RunResult[]>();
  for (const r of results) {
    const list = byName.get(r.strategy);
    if (list) list.push(r);
    else byName.set(r.strategy, [r]);
  }
  const labels = scenario ? labelByName(scenario) : new Map<string, string>();
  const order = [...(scenario?.strategies.map((s) => s.name) ?? []), ...byName.keys()];
  const seen = new Set<string>();
  const groups: StrategyRuns[] = [];
  for (const name of order) {
    const runs = byName.get(name);
    if (!runs || seen.has(name)) continue;
    seen.add(name);
    groups.push({ strategy: name, label: labels.get(name) ?? name, runs: [...runs].sort((a, b) => a.replication - b.replication) });
  }
  return groups;
}

/** Number of replications per strategy (the largest, should strategies differ). */
export function replicationCount(results: readonly RunResult[]): number {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.strategy, (counts.get(r.strategy) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

/** Horizon in days of a set of runs (they share one). */
export function horizon(results: readonly RunResult[], scenario?: Scenario): number {
  return results[0]?.days ?? scenario?.days ?? 0;
}

/** Last value of a series. */
export const last = (s: Float64Array): number => (s.length ? s[s.length - 1] : NaN);

/** Sum of a series (day 0 flows are 0, so this is the total over days 1…T). */
export function total(s: Float64Array): number {
  let t = 0;
  for (let i = 0; i < s.length; i++) t += s[i];
  return t;
}
