/** The `cxsim` command line: a thin layer that parses arguments and hands over to the commands. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { VERSION } from '../version.js';
import { command as compare } from './commands/compare.js';
import { command as report } from './commands/report.js';
import { command as reproduce } from './commands/reproduce.js';
import { command as run } from './commands/run.js';
import { command as schema } from './commands/schema.js';
import { command as sensitivity } from './commands/sensitivity.js';
import { command as studio } from './commands/studio.js';
import { command as calibrate } from './commands/calibrate.js';
import { command as sweep } from './commands/sweep.js';
import { command as validate } from './commands/validate.js';

await yargs(hideBin(process.argv))
  .scriptName('cxsim')
  .usage('$0 <command> [options]\n\nCustomer-experience strategy simulator: scenario file → seeded simulation → tables and Vega-Lite charts.')
  .command(compare)
  .command(run)
  .command(sweep)
  .command(sensitivity)
  .command(calibrate)
  .command(report)
  .command(studio)
  .command(validate)
  .command(schema)
  .command(reproduce)
  .demandCommand(1, 'Name a command, e.g. `cxsim compare scenarios/default.yaml`.')
  .strict()
  .recommendCommands()
  .example('$0 compare scenarios/default.yaml', 'compare every strategy of the default scenario')
  .example('$0 run scenarios/bass.yaml --strategy fully-mixed --days 50', 'one strategy, shorter horizon')
  .example('$0 sweep scenarios/default.yaml --param journey.processQuality=0.97,0.98,0.99', 'vary a parameter on common random numbers')
  .example('$0 report output/default/compare', 'one HTML report to open offline or project')
  .example('$0 studio scenarios/default.yaml', 'what-ifs live in the browser')
  .example('$0 validate my-scenario.yaml', 'check a scenario and list every problem')
  .version(VERSION)
  .help()
  .wrap(Math.min(110, process.stdout.columns ?? 80))
  .parseAsync();
