/** A tiny scenario for experiment tests: small market, short horizon, so each run takes milliseconds. */
import { parseScenarioText } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { RunResult } from '../../src/model/metrics.js';

export const TINY_YAML = [
  'name: Tiny experiments',
  'seed: 11',
  'days: 20',
  'replications: 2',
  'market: { size: 400, initialCustomers: 100 }',
  'acquisition: { spendPerDay: 300 }',
  'strategies:',
  '  promo:',
  '    label: Marketing push',
  '    acquisition: { spendPerDay: 900 }',
  '  basics:',
  '    journey: { processQuality: 0.995, frustrationRate: 0.02 }',
  '',
].join('\n');

export function tinyScenario(overrides: { days?: number; replications?: number; seed?: number } = {}): Scenario {
  return parseScenarioText(TINY_YAML, 'tiny.yaml', overrides);
}

/** Every byte of a run: series (as raw Float64 bytes, so −0 and NaN payloads count) and totals. */
export function fingerprint(r: RunResult): string {
  const series = Object.entries(r.series).map(([k, v]) => `${k}:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}`);
  const totals = Object.entries(r.totals).map(([k, v]) => `${k}:${Object.is(v, -0) ? '-0' : String(v)}`);
  return [r.strategy, r.replication, r.days, ...series, ...totals].join('|');
}
