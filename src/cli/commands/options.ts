/** Options shared by the commands that simulate. */
import type { Argv } from 'yargs';

export interface SimulateArgs {
  scenario: string;
  seed?: number;
  days?: number;
  replications?: number;
  out?: string;
  quiet?: boolean;
  workers?: number;
  fresh?: boolean;
}

export function simulateOptions<T>(y: Argv<T>) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (.yaml, .yml, .json) or a manifest.json written by cxsim' })
    .option('seed', { type: 'number', describe: 'Override the master seed' })
    .option('days', { type: 'number', describe: 'Override the horizon in days' })
    .option('replications', { alias: 'r', type: 'number', describe: 'Override the replications per strategy' })
    .option('out', { alias: 'o', type: 'string', describe: 'Output folder (default output/<scenario>/<command>)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress and no summary' })
    .option('workers', { alias: 'w', type: 'number', describe: 'Worker threads running simulations in parallel (default: all cores; small experiments run in one thread)' })
    .option('fresh', { type: 'boolean', default: false, describe: 'Discard finished runs saved in the output folder (runs.jsonl) instead of resuming from them' });
}
