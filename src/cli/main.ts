/**
 * The `cxsim` command line: a thin layer that parses arguments and hands over to the commands.
 * `main(argv, io)` runs one command line and returns its exit code without touching the process
 * (bin/cxsim.js gives it the real one; tests run it in-process with captured output).
 */
import yargs, { type CommandModule } from 'yargs';
import { VERSION } from '../version.js';
import { reportError } from './commands/handleErrors.js';
import { processIo, type Io } from './io.js';
import { examplesEpilogue, usageError } from './usage.js';

type Factory = (io: Io) => CommandModule<object, never>;

/**
 * The commands, each loaded only when named on the command line: `cxsim --version`, `--help` and
 * `validate` never load what `compare` needs (vega, the worker pool, Parquet). `command` and
 * `describe` repeat the module's own for the help text (a test keeps them equal).
 */
export const COMMANDS: readonly { command: string; describe: string; load: () => Promise<{ command: Factory }> }[] = [
  { command: 'compare <scenario>', describe: 'Compare all strategies of a scenario on common random numbers', load: () => import('./commands/compare.js') as never },
  { command: 'run <scenario>', describe: 'Simulate a strategy of a scenario (default: the baseline) and write tables and charts', load: () => import('./commands/run.js') as never },
  { command: 'sweep <scenario>', describe: 'Vary parameters over a grid or Latin hypercube (common random numbers across points) and chart a metric', load: () => import('./commands/sweep.js') as never },
  { command: 'sensitivity <scenario>', describe: 'Rank parameters by their influence on a metric (Morris or Sobol), every design point on the same seeds', load: () => import('./commands/sensitivity.js') as never },
  { command: 'calibrate <scenario>', describe: 'Fit baseline parameters to observed summary values (Nelder–Mead on common random numbers) and write the calibrated scenario', load: () => import('./commands/calibrate.js') as never },
  { command: 'verdicts <scenario>', describe: 'For every strategy vs the baseline: robust, leaning one way, depends on a parameter, or not distinguishable — across seeds and parameter ranges', load: () => import('./commands/verdicts.js') as never },
  { command: 'report <folder>', describe: 'Write one self-contained report.html (opens offline, prints one chart per page) from an output folder of compare or run', load: () => import('./commands/report.js') as never },
  { command: 'studio [scenario]', describe: 'Play what-ifs live in the browser: levers, paired comparison building up run by run, shareable links', load: () => import('./commands/studio.js') as never },
  { command: 'validate <scenario>', describe: 'Check a scenario file (YAML or JSON, or a cxsim manifest) and report every problem at once', load: () => import('./commands/validate.js') as never },
  { command: 'schema', describe: 'Print the scenario JSON Schema (for editor autocompletion), or write it with --out (the repository keeps it in scenarios/cxsim.schema.json)', load: () => import('./commands/schema.js') as never },
  { command: 'reproduce <manifest>', describe: 'Re-run a manifest.json written by cxsim and check that every output is byte-identical to the recorded one and to the files beside the manifest', load: () => import('./commands/reproduce.js') as never },
  { command: 'merge <shards..>', describe: 'Write the outputs of an experiment run with --shard K/N from its shard folders, byte-identical to an unsharded run', load: () => import('./commands/merge.js') as never },
  { command: 'worker', describe: 'Run simulations from a queue on Redis for coordinators started with --queue (any number of workers, on any machines)', load: () => import('./commands/worker.js') as never },
];

/** The command modules for this command line: the real one for each command named in it, a stub (name and description, for --help) for the others. */
async function commandsFor(argv: readonly string[], io: Io): Promise<CommandModule<object, never>[]> {
  const named = new Set(argv.filter((a) => !a.startsWith('-')));
  return Promise.all(COMMANDS.map(async (c) => (named.has(c.command.split(' ')[0]) ? (await c.load()).command(io) : { command: c.command, describe: c.describe, handler: () => {} })));
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const modules = await commandsFor(argv, io);
  const names = modules.map((m) => String(m.command).split(' ')[0]);
  const parser = yargs([...argv])
    .scriptName('cxsim')
    .usage('$0 <command> [options]\n\nCustomer-experience strategy simulator: scenario file → seeded simulation → tables and Vega-Lite charts.');
  for (const m of modules) parser.command(m);
  parser
    .demandCommand(1)
    .strict()
    .epilogue(
      examplesEpilogue([
        ['cxsim compare scenarios/default.yaml', 'compare every strategy of the default scenario'],
        ['cxsim run scenarios/bass.yaml --strategy fully-mixed --days 50', 'one strategy, shorter horizon'],
        ['cxsim sweep scenarios/default.yaml --param journey.processQuality=0.97,0.99', 'vary a parameter on common random numbers'],
        ['cxsim verdicts scenarios/default.yaml -p retention.upliftMean=0.1:0.5', "which verdicts hold across seeds and a parameter's plausible range"],
        ['cxsim report output/default/compare', 'one HTML report to open offline or project'],
        ['cxsim studio scenarios/default.yaml', 'what-ifs live in the browser'],
        ['cxsim validate my-scenario.yaml', 'check a scenario and list every problem'],
      ]),
    )
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
