/**
 * The `calibration:` section of a scenario file (what `cxsim calibrate` fits and to what), and the
 * parser of `--target metric=value[:scale[:weight]]` flags. Depends on zod only, so the scenario
 * schema can include it without pulling in the experiments.
 */
import { z } from 'zod';
import { numberTextProblem } from './literals.js';

const parameter = z
  .strictObject({
    min: z.number().describe('Lowest value the fit may take.'),
    max: z.number().describe('Highest value the fit may take.'),
    start: z.number().optional().describe('Where the search starts. Default: the scenario\'s value.'),
  })
  .refine((p) => p.min < p.max, { message: 'min must be below max' })
  .refine((p) => p.start === undefined || (p.start >= p.min && p.start <= p.max), { message: 'start must lie between min and max' })
  .describe('Bounds of a fitted parameter.');

const target = z
  .union([
    z.number(),
    z.strictObject({
      value: z.number().describe('The observed value.'),
      scale: z.number().positive().optional().describe('Residuals are divided by this: a typical error you would accept (e.g. the observation\'s standard error). Default |value| (relative error), 1 for 0.'),
      weight: z.number().min(0).default(1).describe('Weight of this target in the objective. Default 1.'),
    }),
  ])
  .describe('An observed value of a summary metric: a number, or {value, scale, weight}.');

/** A target key: a summary metric, read from the baseline, or `metric@strategy` from a strategy's runs. */
const TARGET_KEY = /^[A-Za-z]\w*(@[A-Za-z][A-Za-z0-9_-]{0,63})?$/;
const targetKey = z.string().regex(TARGET_KEY, 'a metric name such as finalNps, or metric@strategy such as contactSatisfaction@pilot');

/** The `calibration:` section. */
export const calibrationSpecSchema = z
  .strictObject({
    parameters: z
      .record(z.string().regex(/^[A-Za-z][\w-]*(\.[A-Za-z0-9][\w-]*)+$/, 'a dotted parameter path such as journey.processQuality'), parameter)
      .describe('Baseline parameters to fit, by dotted path, each with its bounds {min, max[, start]}.'),
    targets: z
      .record(targetKey, target)
      .describe('Observed values to fit, by summary metric (finalNps, finalSatisfaction, finalCustomers, growthPerYear in % a year, …) of the baseline, or metric@strategy for a strategy\'s runs (the fitted values apply to it where it inherits them).'),
    holdout: z
      .record(targetKey, target)
      .default({})
      .describe('Observed values held out of the fit (same keys as targets): simulated at the fitted point and reported beside the targets in fit.csv, never fitted to.'),
    maxEvaluations: z.number().int().min(1).default(200).describe('Budget of candidate evaluations (each runs every replication). Default 200.'),
    restarts: z.number().int().min(0).default(2).describe('Nelder–Mead restarts from the best point after it converges. Default 2.'),
    parameterTolerance: z.number().positive().max(0.5).default(0.01).describe('Convergence stop, with objectiveTolerance: every vertex of the simplex within this share of each parameter\'s range of the best one. Default 0.01 (1 %).'),
    objectiveTolerance: z.number().positive().default(1e-4).describe('Convergence stop, with parameterTolerance: the vertices\' objectives within this of each other (objective units: 1e-4 is a 1 % relative error with the default scale). Default 0.0001.'),
    replications: z.number().int().min(1).optional().describe('Replications per candidate, on the same seeds for every candidate. Default the scenario\'s.'),
  })
  .describe('Calibration for `cxsim calibrate`: fit baseline parameters to observed summary values by Nelder–Mead, every candidate on the same seeds.');

export type CalibrationSection = z.output<typeof calibrationSpecSchema>;

export interface TargetFlag {
  metric: string;
  /** metric@strategy: read from that strategy's runs. */
  strategy?: string;
  value: number;
  scale?: number;
  weight?: number;
}

/** The metric and strategy of a target key (`finalNps`, `contactSatisfaction@pilot`). */
export function splitTargetKey(key: string): { metric: string; strategy?: string } {
  const at = key.indexOf('@');
  return at < 0 ? { metric: key } : { metric: key.slice(0, at), strategy: key.slice(at + 1) };
}

/** `finalNps=40`, `finalNps=40:5` (scale 5), `finalNps=40:5:2` (scale 5, weight 2) or `finalNps@pilot=40`; null when malformed. */
export function parseTargetFlag(text: string): TargetFlag | null {
  const m = /^\s*([A-Za-z]\w*(?:@[A-Za-z][A-Za-z0-9_-]{0,63})?)\s*=\s*([^:]+)(?::([^:]+))?(?::([^:]+))?$/.exec(text);
  if (!m) return null;
  const [value, scale, weight] = [m[2], m[3], m[4]].map((v) => (v === undefined ? undefined : Number(v)));
  if (!Number.isFinite(value)) return null;
  // 1e-400 would be read as 0, 1e308 overflows the objective: not numbers to fit to.
  if ([m[2], m[3], m[4]].some((t, k) => t !== undefined && numberTextProblem(t.trim(), [value, scale, weight][k]!) !== undefined)) return null;
  if (scale !== undefined && !(scale > 0)) return null;
  if (weight !== undefined && !(weight >= 0)) return null;
  return { ...splitTargetKey(m[1]), value: value!, ...(scale !== undefined && { scale }), ...(weight !== undefined && { weight }) };
}
