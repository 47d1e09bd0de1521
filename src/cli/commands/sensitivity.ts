/**
 * `cxsim sensitivity <scenario> --param path=min:max…`: which parameters move a metric most —
 * Morris screening (default) or Sobol indices, every design point on the same seeds — written as
 * sensitivity.csv, effects.csv (Morris), a tornado chart and a manifest.
 */
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { morrisModel, rankDescending, type ModelMorrisResult } from '../../experiments/morris.js';
import { findMetric, parseParamRange, resolveRanges, valuesAt, type EvaluationOptions, type MetricDef, type ParamRange, type ResolvedRanges } from '../../experiments/objective.js';
import { sobolModel, type SobolResult } from '../../experiments/sobol.js';
import { morrisTornado, sobolTornado } from '../../outputs/charts/tornado.js';
import { formatHuman, humanDecimals, toCsv } from '../../outputs/format.js';
import { currencyOf, displayUnit } from '../../outputs/palette.js';
import { buildManifest, hashFiles } from '../../outputs/manifest.js';
import { renderSvg } from '../../outputs/render.js';
import { SUMMARY_METRICS } from '../../outputs/summaryMetrics.js';
import { outputWriter, writeManifest } from '../../outputs/write.js';
import { UserError } from '../../scenario/errors.js';
import { loadScenario } from '../../scenario/load.js';
import { toScenarioFile } from '../../scenario/normalize.js';
import type { Scenario, Strategy } from '../../scenario/schema.js';
import { VERSION } from '../../version.js';
import { defaultOutDir, pickStrategies } from '../execute.js';
import { modelHash } from '../../experiments/modelHash.js';
import type { RunStore } from '../../experiments/resume.js';
import { checkCount, largestCase, workersFor } from '../budget.js';
import { inOutputFolder, runStored } from '../experiment.js';
import { numberOption } from '../flags.js';
import type { Io } from '../io.js';
import { examplesEpilogue } from '../usage.js';
import { recordedSettings } from '../recorded.js';
import { simulateOptions, type SimulateArgs } from './options.js';
import { sourceFrom, sourceOptions } from './experimentFlags.js';
import type { RunSource } from '../sources.js';

/** Metrics an experiment can target: the summary metrics (growthPerYear included). */
export const EXPERIMENT_METRICS: readonly MetricDef[] = SUMMARY_METRICS;

export interface SensitivityArgs extends SimulateArgs {
  /** Set by merge: the runs come from shard folders (otherwise from --shard/--queue). */
  source?: RunSource;
  param?: string[];
  method?: 'morris' | 'sobol';
  trajectories?: number;
  levels?: number;
  samples?: number;
  metric?: string;
  strategy?: string;
}

const wholeAtLeast = (name: string, v: number | undefined, min: number) => {
  if (v !== undefined && !(Number.isInteger(v) && v >= min)) throw new UserError(`--${name}: expected a whole number ≥ ${min}, got ${v}`);
};

export const command = (io: Io): CommandModule<object, SensitivityArgs> => ({
  command: 'sensitivity <scenario>',
  describe: 'Rank parameters by their influence on a metric (Morris or Sobol), every design point on the same seeds',
  builder: (y: Argv) =>
    sourceOptions(simulateOptions(y))
      .option('param', { alias: 'p', type: 'string', array: true, requiresArg: true, describe: 'path=min:max, e.g. journey.processQuality=0.95:0.999 (repeatable, at least one)' })
      .option('method', { choices: ['morris', 'sobol'] as const, describe: 'Morris elementary effects (cheap screening; default) or Sobol indices (variance shares, N·(k+2) points)' })
      .option('trajectories', numberOption('trajectories', { integer: true, min: 2 }, 'Morris: trajectories r, r·(k+1) design points (default 10)'))
      .option('levels', numberOption('levels', { integer: true, min: 2, even: true }, 'Morris: grid levels p (default 4)'))
      .option('samples', numberOption('samples', { integer: true, min: 2 }, 'Sobol: base sample size N (default 256)'))
      .option('metric', { alias: 'm', type: 'string', requiresArg: true, describe: 'Summary metric analysed, e.g. finalNps (default), finalSatisfaction, growthPerYear, cumulativeProfit' })
      .option('strategy', { alias: 's', type: 'string', requiresArg: true, describe: 'Strategy whose parameters are varied (default the baseline)' })
      .epilogue(examplesEpilogue([['cxsim sensitivity scenarios/default.yaml -p journey.processQuality=0.97:0.999 -p journey.frustrationRate=0:0.1 -p acquisition.spendPerDay=0:3000 -r 3', 'Morris screening of three levers on final NPS']])) as never,
  handler: (argv: SensitivityArgs) => runSensitivity(io, argv),
});

/** What a sensitivity manifest records, so `cxsim sensitivity manifest.json` (or reproduce) runs it again. */
export interface SensitivitySettings {
  method: 'morris' | 'sobol';
  metric: string;
  strategy: string;
  parameters: ParamRange[];
  trajectories?: number;
  levels?: number;
  samples?: number;
}

/** The command's work; flags take precedence over what a manifest recorded, which takes precedence over the defaults. */
export async function runSensitivity(io: Io, argv: SensitivityArgs): Promise<void> {
  const scenario = loadScenario(argv.scenario, argv);
  const rec = recordedSettings<SensitivitySettings>(argv.scenario, 'sensitivity');
  const method = argv.method ?? rec.method ?? 'morris';
  const trajectories = argv.trajectories ?? rec.trajectories ?? 10, levels = argv.levels ?? rec.levels ?? 4, samples = argv.samples ?? rec.samples ?? 256;
  wholeAtLeast('trajectories', trajectories, 2);
  wholeAtLeast('levels', levels, 2);
  wholeAtLeast('samples', samples, 2);
  if (levels % 2 !== 0) throw new UserError(`--levels: Morris needs an even number of levels (the step is half the grid), got ${levels}`);
  const given = argv.param?.length ? argv.param.map(parseParamRange) : rec.parameters;
  if (!given?.length) throw new UserError('name at least one parameter to vary: --param path=min:max, e.g. --param journey.processQuality=0.95:0.999');
  const wanted = argv.strategy ?? rec.strategy;
  const [name] = pickStrategies(scenario, wanted ? [wanted] : undefined, ['baseline']);
  const strategy = scenario.strategies.find((s) => s.name === name)!;
  const ranges = resolveRanges(strategy.params, given);
  const metric = findMetric(argv.metric ?? rec.metric ?? 'finalNps', EXPERIMENT_METRICS);
  const dir = argv.out ?? defaultOutDir(argv.scenario, 'sensitivity');
  // Refused before the design is built: r·(k+1) or N·(k+2) points × replications, at the largest market the ranges allow.
  const k = ranges.ranges.length;
  const points = method === 'morris' ? trajectories * (k + 1) : samples * (k + 2);
  const budget = { workers: argv.workers, force: argv.force, quiet: argv.quiet ?? false, what: 'this sensitivity analysis' };
  checkCount(points * scenario.replications, largestCase(strategy.params, ranges.ranges), scenario.days, budget);
  const workers = workersFor(io, argv.workers, argv.quiet ?? false);
  const settings: SensitivitySettings = { method, metric: metric.key, strategy: strategy.name, parameters: [...ranges.ranges], ...(method === 'morris' ? { trajectories, levels } : { samples }) };
  const draft = { ...buildManifest({ scenarioFile: toScenarioFile(scenario), command: ['sensitivity'], cxsimVersion: VERSION, modelHash: modelHash(), seed: scenario.seed, days: scenario.days, replications: scenario.replications, strategies: [strategy.name] }), sensitivity: settings };
  // Resumable like a sweep: finished runs are saved in the output folder until the analysis is written.
  const stores: RunStore[] = [];
  const evaluation: EvaluationOptions = {
    seed: scenario.seed,
    replications: scenario.replications,
    days: scenario.days,
    strategy: strategy.name,
    runner: async (jobs) => {
      const { results, store } = await runStored(io, { jobs, dir, scenarioHash: draft.scenarioHash, fresh: argv.fresh ?? false, workers, quiet: argv.quiet ?? false, label: 'cxsim sensitivity', source: argv.source ?? sourceFrom(argv), draft });
      stores.push(store);
      return results;
    },
  };
  const common = { base: strategy.params, ranges, metric: metric.extract, seed: scenario.seed, evaluation };
  const { files, put } = outputWriter(dir);
  const subtitle = [`${strategy.label}, day ${scenario.days}; ${scenario.replications} replication${scenario.replications === 1 ? '' : 's'} per point, the same seeds at every point`];
  await inOutputFolder(io, dir, async (writing) => {
    await writeManifest(dir, draft);
    if (method === 'morris') {
      const r = await morrisModel({ ...common, r: trajectories, levels });
      writing();
      await put('sensitivity.csv', morrisCsv(r));
      await put('effects.csv', effectsCsv(r, ranges));
      await chart(put, morrisTornado(scenario, metric, ranges.ranges, r, [`${r.design.trajectories.length} trajectories × ${r.design.levels} levels, ${r.y.length} points`, ...subtitle]));
      if (!argv.quiet) printTable(io, scenario, strategy, metric, ranges, ['μ*', 'σ', 'μ'], r.indices.map((s) => [s.muStar, s.sigma, s.mu]), r.ranks);
    } else {
      let r: SobolResult;
      try {
        r = await sobolModel({ ...common, n: samples });
      } catch (e) {
        throw e instanceof RangeError ? new UserError(`${metric.key}: ${e.message}`) : e;
      }
      writing();
      const ranks = rankDescending(r.indices.map((s) => s.total));
      await put('sensitivity.csv', toCsv(['parameter', 'min', 'max', 'first', 'firstLo95', 'firstHi95', 'total', 'totalLo95', 'totalHi95', 'rank'], r.indices.map((s, i) => [ranges.ranges[i].path, ranges.ranges[i].min, ranges.ranges[i].max, s.first, s.firstLo, s.firstHi, s.total, s.totalLo, s.totalHi, ranks[i]])));
      await chart(put, sobolTornado(scenario, metric, ranges.ranges, r, [`Sobol, base sample N = ${r.n}: ${r.n * (r.k + 2)} points`, ...subtitle]));
      if (!argv.quiet) printTable(io, scenario, strategy, metric, ranges, ['ST', 'S'], r.indices.map((s) => [s.total, s.first]), ranks);
    }
    await writeManifest(dir, { ...draft, files: await hashFiles(dir, files) });
    for (const store of stores) store.remove();
  });
  if (!argv.quiet) io.out(`\nWrote ${files.length + 1} files to ${dir}/ (chart in ${join(dir, 'charts')}/).`);
}

async function chart(put: (path: string, text: string) => Promise<void>, spec: Parameters<typeof renderSvg>[0]): Promise<void> {
  await put('charts/sensitivity.vl.json', JSON.stringify(spec, null, 2) + '\n');
  await put('charts/sensitivity.svg', await renderSvg(spec));
}

function morrisCsv(r: ModelMorrisResult): string {
  return toCsv(['parameter', 'min', 'max', 'mu', 'muStar', 'sigma', 'rank', 'effects'], r.indices.map((s, i) => [r.ranges.ranges[i].path, r.ranges.ranges[i].min, r.ranges.ranges[i].max, s.mu, s.muStar, s.sigma, r.ranks[i], s.n]));
}

/** Every elementary effect: which parameter moved, from and to which value, and the metric at both ends. */
function effectsCsv(r: ModelMorrisResult, ranges: ResolvedRanges): string {
  const rows = r.effects.map((e, j) => {
    const k = ranges.ranges.length;
    return [e.trajectory + 1, (j % k) + 1, ranges.ranges[e.factor].path, valuesAt(ranges, e.from)[e.factor], valuesAt(ranges, e.to)[e.factor], e.yFrom, e.yTo, e.effect];
  });
  return toCsv(['trajectory', 'step', 'parameter', 'from', 'to', 'metricFrom', 'metricTo', 'effect'], rows);
}

function printTable(io: Io, scenario: Scenario, strategy: Strategy, metric: MetricDef, ranges: ResolvedRanges, heads: string[], values: number[][], ranks: number[]): void {
  io.out(`Sensitivity of ${metric.label} (${displayUnit(metric.unit, currencyOf(scenario))}) — ${scenario.name}, ${strategy.label}`);
  const rows = ranges.ranges.map((r, i) => ({ rank: ranks[i], cells: [`${ranks[i]}`, `${r.path} (${r.min}–${r.max})`, ...values[i].map((v) => formatHuman(v, humanDecimals(v) + 1))] }));
  rows.sort((a, b) => a.rank - b.rank);
  const table = [['rank', 'parameter', ...heads], ...rows.map((r) => r.cells)];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) io.out(row.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}
