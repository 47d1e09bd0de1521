/**
 * The scenario language: a scenario file is the model's parameters (the sections the
 * registered mechanisms own, model/params.ts) plus what a comparison needs — name, seed,
 * horizon, replications, strategies (overrides of the baseline), and optional sweep and
 * calibration sections. One zod schema is the single source of truth for scenario files, the
 * resolved types, the defaults, and the JSON Schema editors use.
 */
import { z } from 'zod';
import { nameKey, posint } from '../model/fields.js';
import { paramsSchema, paramsShape, SECTION_KEYS, type Params } from '../model/params.js';
import { calibrationSpecSchema } from './calibrationSchema.js';
import { sweepSpecSchema } from './sweepSchema.js';
import { lineText, paragraphText } from './text.js';

export { paramsSchema, paramsShape, SECTION_KEYS, type Params };

const strategyName = nameKey('a strategy name');

/** A strategy as written: label/description plus any parameter overrides (validated after merging). */
export const strategyInputSchema = z.looseObject({
  label: lineText().optional().describe('Short name for charts; defaults to the strategy key. One line of plain text, at most 200 characters.'),
  description: paragraphText().optional().describe('What the strategy changes and why.'),
});

/** The scenario file as written. Strategy overrides are checked after being merged over the baseline. */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('JSON Schema reference for editors; ignored by cxsim.'),
  name: lineText().min(1).describe('Human-readable scenario name, used in chart titles. One line of plain text, at most 200 characters.'),
  description: paragraphText().default('').describe('What the scenario is about.'),
  seed: z.number().int().min(0).max(2 ** 53 - 1).default(1).describe('Master seed; every random stream derives from it. Default 1.'),
  days: posint(365, 'Horizon in days.'),
  replications: posint(5, 'Independent replications per strategy (different seeds, same across strategies).'),
  ...paramsShape,
  baselineLabel: lineText().default('Baseline').describe('Chart label of the baseline (the top-level parameters). Default "Baseline".'),
  strategies: z
    .record(strategyName, strategyInputSchema)
    .default({})
    .describe('Named strategies: each overrides parameters of the baseline (deep merge). The baseline itself is the top-level parameters.'),
  sweep: sweepSpecSchema.optional().describe('A parameter sweep `cxsim sweep` runs on this scenario (command-line flags override it).'),
  calibration: calibrationSpecSchema.optional().describe('Parameters `cxsim calibrate` fits to observed targets.'),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;
export { SEVERITIES, type Severity } from '../model/vocabulary.js';

/** A scenario after normalisation: every strategy resolved to complete parameters. */
export interface Strategy {
  name: string;
  label: string;
  description: string;
  params: Params;
}
export interface Scenario {
  name: string;
  description: string;
  seed: number;
  days: number;
  replications: number;
  strategies: Strategy[]; // baseline first
}
