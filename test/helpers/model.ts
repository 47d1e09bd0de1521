/** Builders for model tests: parameters from partial overrides, and a one-call run. */
import { simulate } from '../../src/engine/simulate.js';
import type { RunResult } from '../../src/model/metrics.js';
import { deepMerge } from '../../src/scenario/merge.js';
import { paramsSchema, type Params } from '../../src/scenario/schema.js';

/** Complete parameters: schema defaults with `overrides` deep-merged over them. */
export function params(overrides: unknown = {}): Params {
  return paramsSchema.parse(deepMerge(paramsSchema.parse({}), overrides));
}

export function run(p: Params, days: number, seed = 1, replication = 0): RunResult {
  return simulate({ strategy: 'test', params: p, seed, replication, days });
}

/** A single segment with everything neutral, for tests that need exact formulas. */
export const oneSegment = (extra: Record<string, number> = {}) => ({
  segments: { all: { share: 1, marginMultiplier: 1, churnMultiplier: 1, asExpectedScore: 7.5, priceSensitivity: 0, talkativeness: 1, ...extra } },
});
