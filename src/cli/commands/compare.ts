/**
 * `cxsim compare <scenario>`: every strategy on the same seeds (common random numbers), so the
 * differences to the baseline are paired; writes tables, paired differences and charts.
 */
import type { CommandModule } from 'yargs';
import { loadScenario } from '../../scenario/load.js';
import { defaultOutDir, execute } from '../execute.js';
import type { Io } from '../io.js';
import { simulateOptions, type SimulateArgs } from './options.js';
import { dataOptions, experimentSettings, precisionOptions, sourceOptions } from './experimentFlags.js';

export const command = (io: Io): CommandModule<object, SimulateArgs> => ({
  command: 'compare <scenario>',
  describe: 'Compare all strategies of a scenario on common random numbers',
  builder: (y) => dataOptions(precisionOptions(sourceOptions(simulateOptions(y))), 'wide') as never,
  handler: async (argv: SimulateArgs) => {
    const scenario = loadScenario(argv.scenario, argv);
    await execute(io, {
      scenario,
      command: ['compare'],
      strategies: scenario.strategies.map((s) => s.name),
      dir: argv.out ?? defaultOutDir(argv.scenario, 'compare'),
      quiet: argv.quiet ?? false,
      workers: argv.workers,
      fresh: argv.fresh ?? false,
      force: argv.force ?? false,
      ...experimentSettings(argv),
    });
  },
});
