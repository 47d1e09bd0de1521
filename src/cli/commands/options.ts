/** Options shared by the commands that simulate (and the overrides `validate` also takes). */
import type { Argv } from 'yargs';
import { numberOption, RULES } from '../flags.js';

export interface SimulateArgs {
  scenario: string;
  seed?: number;
  days?: number;
  replications?: number;
  out?: string;
  quiet?: boolean;
  workers?: number;
  fresh?: boolean;
  force?: boolean;
  shard?: string;
  queue?: string;
  precision?: string[];
  'max-replications'?: number;
  format?: string;
  layout?: string;
}

/** --seed, --days and -r/--replications: what every command that reads a scenario can override. */
export function overrideOptions<T>(y: Argv<T>) {
  return y
    .option('seed', numberOption('seed', RULES.seed, 'Override the master seed'))
    .option('days', numberOption('days', RULES.days, 'Override the horizon in days'))
    .option('replications', numberOption('replications', RULES.replications, 'Override the replications per strategy', 'r'));
}

export function simulateOptions<T>(y: Argv<T>) {
  return overrideOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (.yaml, .yml, .json) or a manifest.json written by cxsim' }))
    .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'Output folder (default output/<scenario>/<command>)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress and no summary' })
    .option('workers', numberOption('workers', RULES.workers, 'Worker threads running simulations in parallel (default: all cores; small experiments run in one thread; at most the number of cores)', 'w'))
    .option('fresh', { type: 'boolean', default: false, describe: 'Discard finished runs saved in the output folder (runs.jsonl) instead of resuming from them' })
    .option('force', { type: 'boolean', default: false, describe: 'Run even when the estimated time exceeds 2 hours (memory limits are never overridden)' });
}

