/** `cxsim run <scenario> [--strategy NAME…]`: simulate one strategy (default the baseline) or a chosen few. */
import type { CommandModule } from 'yargs';
import { loadScenario } from '../../scenario/load.js';
import { defaultOutDir, execute, pickStrategies } from '../execute.js';
import type { Io } from '../io.js';
import { simulateOptions, type SimulateArgs } from './options.js';
import { dataOptions, experimentSettings, precisionOptions, sourceOptions } from './experimentFlags.js';

interface RunArgs extends SimulateArgs {
  strategy?: string[];
}

export const command = (io: Io): CommandModule<object, RunArgs> => ({
  command: 'run <scenario>',
  describe: 'Simulate a strategy of a scenario (default: the baseline) and write tables and charts',
  builder: (y) =>
    dataOptions(precisionOptions(sourceOptions(simulateOptions(y))), 'wide').option('strategy', { alias: 's', type: 'string', array: true, requiresArg: true, describe: 'Strategy to run (repeatable); default baseline' }) as never,
  handler: async (argv: RunArgs) => {
    const scenario = loadScenario(argv.scenario, argv);
    const strategies = pickStrategies(scenario, argv.strategy, [scenario.strategies[0].name]);
    const what = strategies.length === 1 ? strategies[0] : 'run';
    await execute(io, {
      scenario,
      command: ['run', ...strategies.flatMap((s) => ['--strategy', s])],
      strategies,
      dir: argv.out ?? defaultOutDir(argv.scenario, what),
      quiet: argv.quiet ?? false,
      workers: argv.workers,
      fresh: argv.fresh ?? false,
      force: argv.force ?? false,
      ...experimentSettings(argv),
    });
  },
});
