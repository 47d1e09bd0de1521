/**
 * `cxsim sweep <scenario> --param path=values…`: varies parameters of one strategy over a grid or
 * a Latin hypercube, every point on the same seeds, and writes sweep.csv, sweep-summary.csv and a chart.
 */
import type { CommandModule } from 'yargs';
import { loadSweepSection } from '../../experiments/sweepSection.js';
import { sweepSpecFrom, type SweepFlags } from '../../experiments/sweepSpec.js';
import { loadScenario } from '../../scenario/load.js';
import { defaultOutDir } from '../execute.js';
import { numberOption } from '../flags.js';
import type { Io } from '../io.js';
import { examplesEpilogue } from '../usage.js';
import { executeSweep } from '../sweepExecute.js';
import { simulateOptions, type SimulateArgs } from './options.js';
import { dataFrom, dataOptions, sourceFrom, sourceOptions } from './experimentFlags.js';

type SweepArgs = SimulateArgs & SweepFlags;

export const command = (io: Io): CommandModule<object, SweepArgs> => ({
  command: 'sweep <scenario>',
  describe: 'Vary parameters over a grid or Latin hypercube (common random numbers across points) and chart a metric',
  builder: (y) =>
    dataOptions(sourceOptions(simulateOptions(y)), 'long')
      .option('param', { alias: 'p', type: 'string', array: true, requiresArg: true, describe: 'path=a,b,c (list) or path=min:max[:levels] (range), e.g. journey.processQuality=0.97,0.98,0.99; repeatable; replaces the scenario\'s sweep: parameters' })
      .option('design', { choices: ['grid', 'lhs'] as const, describe: 'Full grid, or Latin hypercube sample (default grid)' })
      .option('points', numberOption('points', { integer: true, min: 1 }, 'Points of a Latin hypercube (default 10)'))
      .option('levels', numberOption('levels', { integer: true, min: 1 }, 'Levels a grid takes from each range without its own (default 5)'))
      .option('strategy', { alias: 's', type: 'string', requiresArg: true, describe: 'Strategy whose parameters are varied (default the baseline)' })
      .option('metric', { alias: 'm', type: 'string', requiresArg: true, describe: 'Summary metric charted (default finalNps; every metric is in the tables)' })
      .epilogue(examplesEpilogue([['cxsim sweep scenarios/default.yaml --param journey.processQuality=0.97,0.98,0.99 --param acquisition.spendPerDay=500:2000:4', '3 × 4 grid']]))
      .example('$0 sweep scenarios/default.yaml --param journey.frustrationRate=0:0.1 --design lhs --points 20 --metric cumulativeProfit', 'Latin hypercube') as never,
  handler: async (argv: SweepArgs) => {
    const scenario = loadScenario(argv.scenario, argv);
    const spec = sweepSpecFrom(loadSweepSection(argv.scenario), argv);
    await executeSweep(io, { scenario, spec, dir: argv.out ?? defaultOutDir(argv.scenario, 'sweep'), quiet: argv.quiet ?? false, workers: argv.workers, fresh: argv.fresh ?? false, force: argv.force ?? false, source: sourceFrom(argv), data: dataFrom(argv, 'long') });
  },
});
