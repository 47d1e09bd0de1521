/**
 * The zod schema of a scenario's `sweep:` section (what `cxsim sweep` varies). It lives in the
 * scenario layer so scenarioSchema can accept the section; src/experiments/sweepSpec.ts builds on it.
 */
import { z } from 'zod';

const level = z.union([z.number(), z.string(), z.boolean()]);

const range = z
  .strictObject({
    min: z.number().describe('Lowest value.'),
    max: z.number().describe('Highest value.'),
    levels: z.number().int().min(1).optional().describe('Evenly spaced values a grid takes from the range, ends included (default: the sweep\'s levels).'),
  })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' })
  .describe('A numeric range: a grid takes evenly spaced levels, a Latin hypercube draws one point per stratum.');

/** The `sweep:` section of a scenario file. */
export const sweepSpecSchema = z
  .strictObject({
    parameters: z
      .record(z.string().regex(/^[A-Za-z][\w-]*(\.[A-Za-z0-9][\w-]*)*$/, 'a dotted parameter path such as journey.processQuality'), z.union([z.array(level).min(1), range]))
      .describe('Parameters to vary, by dotted path (journey.processQuality), each a list of values or a {min, max} range.'),
    design: z.enum(['grid', 'lhs']).default('grid').describe('Full grid of every combination, or a Latin hypercube sample (lhs). Default grid.'),
    points: z.number().int().min(1).optional().describe('Points of a Latin hypercube. Default 10.'),
    levels: z.number().int().min(1).optional().describe('Levels a grid takes from each range without its own. Default 5.'),
    strategy: z.string().optional().describe('Strategy whose parameters the sweep varies. Default the baseline.'),
    metric: z.string().optional().describe('Summary metric the chart shows (e.g. finalNps, cumulativeProfit). Default finalNps.'),
    replications: z.number().int().min(1).optional().describe('Replications per point, on the same seeds at every point. Default the scenario\'s.'),
  })
  .describe('A parameter sweep for `cxsim sweep`: the runs every point gets share their random numbers (common random numbers).');

export type SweepSection = z.output<typeof sweepSpecSchema>;
