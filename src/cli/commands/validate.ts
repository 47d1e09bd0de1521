/** `cxsim validate <scenario>`: checks a scenario (or manifest) and lists every problem with its line and column. */
import type { CommandModule } from 'yargs';
import { loadScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import { validateBudget } from '../budget.js';
import type { Io } from '../io.js';
import { overrideOptions } from './options.js';

interface ValidateArgs {
  scenario: string;
  seed?: number;
  days?: number;
  replications?: number;
}

export const command = (io: Io): CommandModule<object, ValidateArgs> => ({
  command: 'validate <scenario>',
  describe: 'Check a scenario file (YAML or JSON, or a cxsim manifest) and report every problem at once',
  builder: (y) => overrideOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (.yaml, .yml or .json) or a manifest written by cxsim' })) as never,
  handler: (argv: ValidateArgs) => {
    const scenario = loadScenario(argv.scenario, { seed: argv.seed, days: argv.days, replications: argv.replications });
    // A valid file can still be more than this machine runs: say so here, not hours into a run.
    const size = validateBudget(io, scenario);
    io.out(summary(argv.scenario, scenario));
    io.out(`  ${size}`);
  },
});

/** One line saying what the scenario will run. */
export function summary(file: string, s: Scenario): string {
  const n = s.strategies.length;
  const names = s.strategies.map((st) => st.name).join(', ');
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const size = s.strategies[0]?.params.market.size;
  return `✓ ${file}: ${s.name}, ${n} ${n === 1 ? 'strategy' : 'strategies'} (${names}), ${plural(s.days, 'day')}, ${plural(s.replications, 'replication')}, market size ${size}`;
}
