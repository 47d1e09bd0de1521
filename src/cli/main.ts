/**
 * The `cxsim` command line: a thin layer that parses arguments and hands over to the commands.
 * `main(argv, io)` runs one command line and returns its exit code without touching the process
 * (bin/cxsim.js gives it the real one; tests run it in-process with captured output).
 */
import yargs, { type CommandModule } from 'yargs';
import { VERSION } from '../version.js';
import { command as calibrate } from './commands/calibrate.js';
import { command as compare } from './commands/compare.js';
import { reportError } from './commands/handleErrors.js';
import { command as report } from './commands/report.js';
import { command as reproduce } from './commands/reproduce.js';
import { command as run } from './commands/run.js';
import { command as schema } from './commands/schema.js';
import { command as sensitivity } from './commands/sensitivity.js';
import { command as studio } from './commands/studio.js';
import { command as sweep } from './commands/sweep.js';
import { command as validate } from './commands/validate.js';
import { processIo, type Io } from './io.js';
import { usageError } from './usage.js';

const COMMANDS: ((io: Io) => CommandModule<object, never>)[] = [compare, run, sweep, sensitivity, calibrate, report, studio, validate, schema, reproduce] as never;

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const modules = COMMANDS.map((c) => c(io));
  const names = modules.map((m) => String(m.command).split(' ')[0]);
  const parser = yargs([...argv])
    .scriptName('cxsim')
    .usage('$0 <command> [options]\n\nCustomer-experience strategy simulator: scenario file → seeded simulation → tables and Vega-Lite charts.');
  for (const m of modules) parser.command(m);
  parser
    .demandCommand(1)
    .strict()
    .example('$0 compare scenarios/default.yaml', 'compare every strategy of the default scenario')
    .example('$0 run scenarios/bass.yaml --strategy fully-mixed --days 50', 'one strategy, shorter horizon')
    .example('$0 sweep scenarios/default.yaml --param journey.processQuality=0.97,0.98,0.99', 'vary a parameter on common random numbers')
    .example('$0 report output/default/compare', 'one HTML report to open offline or project')
    .example('$0 studio scenarios/default.yaml', 'what-ifs live in the browser')
    .example('$0 validate my-scenario.yaml', 'check a scenario and list every problem')
    .version(VERSION)
    .help()
    .wrap(Math.min(110, io.stdout.columns ?? 80))
    .exitProcess(false)
    // Flag values reach their checks as typed (flags.ts): `--seed 1e-400` must not arrive as 0.
    .parserConfiguration({ 'parse-numbers': false, 'parse-positional-numbers': false })
    // Throwing stops yargs at the first problem, before any handler runs; main reports it.
    .fail((message, error, y) => {
      throw usageError(message, error, y, { argv, commands: names });
    });
  try {
    let shown = '';
    // With a callback yargs hands over --help and --version text instead of printing it.
    await parser.parseAsync([...argv], {}, (_error, _args, output) => void (shown = output));
    if (shown) io.out(shown);
    return io.exitCode;
  } catch (e) {
    return reportError(io, e);
  }
}
