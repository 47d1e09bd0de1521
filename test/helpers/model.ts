/** Builders for model tests: parameters from partial overrides, and a one-call run. */
import { simulate } from '../../src/engine/simulate.js';
import type { RunResult } from '../../src/model/metrics.js';
import { deepMerge } from '../../src/scenario/merge.js';
import { paramsSchema, type Params } from '../../src/scenario/schema.js';

/**
 * The defaults model tests start from: the schema defaults with the simple service desk, so a
 * market-side test isolates the market side (no contact centre, no questions). Tests of the
 * service side ask for `service: { model: 'contactCentre' }` explicitly.
 */
const marketSide = (): Params => paramsSchema.parse({ service: { model: 'simple' } });

/** Complete parameters: the test defaults with `overrides` deep-merged over them. */
export function params(overrides: unknown = {}): Params {
  return paramsSchema.parse(deepMerge(marketSide(), overrides));
}

export function run(p: Params, days: number, seed = 1, replication = 0): RunResult {
  return simulate({ strategy: 'test', params: p, seed, replication, days });
}

/** A single segment with everything neutral, for tests that need exact formulas. */
export const oneSegment = (extra: Record<string, number> = {}) => ({
  segments: { all: { share: 1, marginMultiplier: 1, churnMultiplier: 1, asExpectedScore: 7.5, priceSensitivity: 0, talkativeness: 1, ...extra } },
});

/**
 * Like `params(overrides)`, but `segments`, `touchpoints` and `channels`, when given, REPLACE the default
 * records instead of being merged into them (deepMerge merges records key by key, so
 * `params({ market: oneSegment() })` would add a fourth segment and fail validation).
 */
export function paramsWith(
  overrides: unknown = {},
  replace: { segments?: Record<string, unknown>; touchpoints?: Record<string, unknown>; channels?: Record<string, unknown> } = {},
): Params {
  const merged = deepMerge(marketSide(), overrides) as Record<string, Record<string, unknown>>;
  if (replace.segments) merged.market.segments = replace.segments;
  if (replace.touchpoints) merged.journey.touchpoints = replace.touchpoints;
  if (replace.channels) merged.service.channels = replace.channels;
  return paramsSchema.parse(merged);
}

/** Parameters with the single neutral segment of `oneSegment(extra)` and `overrides` on top. */
export const oneSegmentParams = (overrides: unknown = {}, extra: Record<string, number> = {}): Params =>
  paramsWith(overrides, { segments: oneSegment(extra).segments });

/** Sum of a series over days from..to (inclusive). */
export const sumDays = (xs: Float64Array, from = 1, to = xs.length - 1): number => {
  let s = 0;
  for (let d = from; d <= to; d++) s += xs[d];
  return s;
};
