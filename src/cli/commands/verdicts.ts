/**
 * `cxsim verdicts <scenario> --param path=min:max…`: for every strategy against the baseline and
 * each headline metric, the sign and size of the effect across seeds and across the plausible
 * range of the parameters a verdict may hinge on, with a plain verdict — robust, leans + / −,
 * depends on X, not distinguishable (src/experiments/verdicts.ts). Writes verdicts.csv and a manifest.
 */
import type { Argv, CommandModule } from 'yargs';
import { modelHash } from '../../experiments/modelHash.js';
import { findMetric, parseParamRange, type ParamRange } from '../../experiments/objective.js';
import type { RunStore } from '../../experiments/resume.js';
import { verdicts, type VerdictRow } from '../../experiments/verdicts.js';
import { formatHuman, humanDecimals, toCsv } from '../../outputs/format.js';
import { buildManifest, hashFiles } from '../../outputs/manifest.js';
import { outputWriter, writeManifest } from '../../outputs/write.js';
import { UserError } from '../../scenario/errors.js';
import { loadScenario } from '../../scenario/load.js';
import { toScenarioFile } from '../../scenario/normalize.js';
import { VERSION } from '../../version.js';
import { checkCount, largestCase, workersFor } from '../budget.js';
import { defaultOutDir } from '../execute.js';
import { inOutputFolder, runStored } from '../experiment.js';
import { numberOption } from '../flags.js';
import type { Io } from '../io.js';
import { recordedSettings } from '../recorded.js';
import type { RunSource } from '../sources.js';
import { sourceFrom, sourceOptions } from './experimentFlags.js';
import { EXPERIMENT_METRICS } from './sensitivity.js';
import { simulateOptions, type SimulateArgs } from './options.js';

export interface VerdictsArgs extends SimulateArgs {
  /** Set by merge: the runs come from shard folders (otherwise from --shard/--queue). */
  source?: RunSource;
  param?: string[];
  points?: number;
  metric?: string[];
}

const HEADLINE = ['finalNps', 'finalCustomers', 'cumulativeProfit'];

export const command = (io: Io): CommandModule<object, VerdictsArgs> => ({
  command: 'verdicts <scenario>',
  describe: 'For every strategy vs the baseline: robust, leaning one way, depends on a parameter, or not distinguishable — across seeds and parameter ranges',
  builder: (y: Argv) =>
    sourceOptions(simulateOptions(y))
      .option('param', { alias: 'p', type: 'string', array: true, requiresArg: true, describe: 'path=min:max of a parameter a verdict may hinge on (repeatable; none: seeds only)' })
      .option('points', numberOption('points', { integer: true, min: 2 }, 'Latin hypercube points over the ranges, besides the scenario as written (default 8)'))
      .option('metric', { alias: 'm', type: 'string', array: true, requiresArg: true, describe: `Summary metrics judged (default ${HEADLINE.join(', ')})` })
      .example('$0 verdicts scenarios/default.yaml -p retention.upliftMean=0.1:0.5 -p recovery.intentionRealisation=0.3:0.8 -r 3', 'verdicts that may hinge on two assumed parameters') as never,
  handler: (argv: VerdictsArgs) => runVerdicts(io, argv),
});

/** What a verdicts manifest records, so `cxsim verdicts manifest.json`, reproduce and merge run it again. */
export interface VerdictsSettings {
  parameters: ParamRange[];
  points: number;
  metrics: string[];
}

/** The command's work; flags take precedence over what a manifest recorded, which takes precedence over the defaults. */
export async function runVerdicts(io: Io, argv: VerdictsArgs): Promise<void> {
  const scenario = loadScenario(argv.scenario, argv);
  if (scenario.strategies.length < 2) throw new UserError('verdicts compare strategies with the baseline: the scenario has no strategy besides the baseline');
  const rec = recordedSettings<VerdictsSettings>(argv.scenario, 'verdicts');
  const ranges = argv.param?.length ? argv.param.map(parseParamRange) : (rec.parameters ?? []);
  const points = ranges.length > 0 ? (argv.points ?? rec.points ?? 8) : 0;
  const metrics = (argv.metric?.length ? argv.metric : rec.metrics?.length ? rec.metrics : HEADLINE).map((k) => findMetric(k, EXPERIMENT_METRICS));
  const dir = argv.out ?? defaultOutDir(argv.scenario, 'verdicts');
  const budget = { workers: argv.workers, force: argv.force, quiet: argv.quiet ?? false, what: 'these verdicts' };
  checkCount((points + 1) * scenario.strategies.length * scenario.replications, largestCase(scenario.strategies[0].params, ranges), scenario.days, budget);
  const workers = workersFor(io, argv.workers, argv.quiet ?? false);
  const draft = {
    ...buildManifest({ scenarioFile: toScenarioFile(scenario), command: ['verdicts'], cxsimVersion: VERSION, modelHash: modelHash(), seed: scenario.seed, days: scenario.days, replications: scenario.replications, strategies: scenario.strategies.map((s) => s.name) }),
    verdicts: { parameters: ranges, points, metrics: metrics.map((m) => m.key) } satisfies VerdictsSettings,
  };
  const stores: RunStore[] = [];
  const { files, put } = outputWriter(dir);
  await inOutputFolder(io, dir, async (writing) => {
    await writeManifest(dir, draft);
    const result = await verdicts(scenario, {
      ranges, points, metrics, seed: scenario.seed, replications: scenario.replications, days: scenario.days,
      runner: async (jobs) => {
        const { results, store } = await runStored(io, { jobs, dir, scenarioHash: draft.scenarioHash, fresh: argv.fresh ?? false, workers, quiet: argv.quiet ?? false, label: 'cxsim verdicts', source: argv.source ?? sourceFrom(argv), draft });
        stores.push(store);
        return results;
      },
    });
    writing();
    await put('verdicts.csv', toCsv(
      ['strategy', 'metric', 'verdict', 'sign', 'hinge', 'differenceAsWritten', 'lo95AsWritten', 'hi95AsWritten', 'lowestDifference', 'highestDifference', 'distinguishableShare'],
      result.rows.map((r) => [r.strategy, r.metric, r.verdict, r.sign, r.hinge ?? '', r.asWritten.meanDiff, r.asWritten.lo, r.asWritten.hi, r.lowest, r.highest, r.distinguishableShare]),
    ));
    await writeManifest(dir, { ...draft, files: await hashFiles(dir, files) });
    for (const store of stores) store.remove();
    if (!argv.quiet) printVerdicts(io, scenario.strategies.map((s) => [s.name, s.label] as const), metrics.map((m) => [m.key, m.label] as const), result.rows, ranges.length, points);
  });
  if (!argv.quiet) io.out(`\nWrote ${files.length + 1} files to ${dir}/.`);
}

function printVerdicts(io: Io, strategies: readonly (readonly [string, string])[], metrics: readonly (readonly [string, string])[], rows: readonly VerdictRow[], parameters: number, points: number): void {
  const label = new Map(strategies), metricLabel = new Map(metrics);
  io.out(`Verdicts against ${strategies[0][1]}: ${parameters === 0 ? 'across seeds' : `across seeds and ${points} points over ${parameters} parameter${parameters === 1 ? '' : 's'}, plus the scenario as written`} (95% paired intervals)`);
  const num = (x: number) => formatHuman(x, humanDecimals(x));
  for (const r of rows) {
    const what =
      r.verdict === 'robust' ? `robust ${r.sign > 0 ? '+' : '−'} (${num(r.lowest)} to ${num(r.highest)})`
      : r.verdict === 'leans' ? `leans ${r.sign > 0 ? '+' : '−'} (${num(r.lowest)} to ${num(r.highest)}; same side of 0 at every point, distinguishable at ${Math.round(r.distinguishableShare * (points + 1))} of ${points + 1}: more replications would tell whether it is robust)`
      : r.verdict === 'depends' ? `depends on ${r.hinge ?? 'the seeds'} (${num(r.lowest)} to ${num(r.highest)}; distinguishable at ${Math.round(r.distinguishableShare * (points + 1))} of ${points + 1} points)`
      : 'not distinguishable';
    io.out(`  ${label.get(r.strategy)}: ${metricLabel.get(r.metric)} — ${what}`);
  }
}
