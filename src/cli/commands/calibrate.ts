/**
 * `cxsim calibrate <scenario> --param path=min:max… --target metric=value…`: fits baseline
 * parameters to observed summary values (Nelder–Mead, every candidate on the same seeds) and
 * writes calibration.csv, fit.csv, calibrated.yaml, a chart and a manifest.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Argv, CommandModule } from 'yargs';
import { calibrate, calibratedScenarioText, DEFAULT_F_TOLERANCE, DEFAULT_X_TOLERANCE, type CalibrationResult, type CalibrationTarget } from '../../experiments/calibrate.js';
import { calibrationSpecSchema, parseTargetFlag, splitTargetKey, type CalibrationSection, type TargetFlag } from '../../scenario/calibrationSchema.js';
import type { Scenario } from '../../scenario/schema.js';
import { didYouMean, suggestAmong } from '../../scenario/describe.js';
import { defaultScale, findMetric, parseParamRange, resolveRanges, type ParamRange } from '../../experiments/objective.js';
import { calibrationChart } from '../../outputs/charts/calibration.js';
import { formatHuman, humanDecimals, toCsv } from '../../outputs/format.js';
import { buildManifest, hashFiles } from '../../outputs/manifest.js';
import { renderSvg } from '../../outputs/render.js';
import { outputWriter, writeManifest } from '../../outputs/write.js';
import { ScenarioError, UserError, pathToString } from '../../scenario/errors.js';
import { toPathIssues } from '../../scenario/issues.js';
import { parseScenarioText, readScenarioFile } from '../../scenario/load.js';
import { yamlLiteralProblems } from '../../scenario/literals.js';
import { isPlainObject } from '../../scenario/merge.js';
import { toScenarioFile } from '../../scenario/normalize.js';
import { offsetOf, position } from '../../scenario/positions.js';
import { VERSION } from '../../version.js';
import { defaultOutDir } from '../execute.js';
import { modelHash } from '../../experiments/modelHash.js';
import { checkCalibration, workersFor } from '../budget.js';
import { inOutputFolder, runStored } from '../experiment.js';
import type { Job } from '../../experiments/jobs.js';
import { parseQueueUrl } from '../../experiments/queueAddress.js';
import type { RunStore } from '../../experiments/resume.js';
import { LOCAL } from '../sources.js';
import { numberOption, RULES } from '../flags.js';
import type { Io } from '../io.js';
import { examplesEpilogue } from '../usage.js';
import { createProgress } from '../progress.js';
import { EXPERIMENT_METRICS } from './sensitivity.js';

export interface CalibrateArgs {
  scenario: string;
  param?: string[];
  target?: string[];
  holdout?: string[];
  'max-evals'?: number;
  seed?: number;
  days?: number;
  replications?: number;
  workers?: number;
  out?: string;
  quiet?: boolean;
  force?: boolean;
  queue?: string;
  fresh?: boolean;
}

const SECTION = 'calibration';

export const command = (io: Io): CommandModule<object, CalibrateArgs> => ({
  command: 'calibrate <scenario>',
  describe: 'Fit baseline parameters to observed summary values (Nelder–Mead on common random numbers) and write the calibrated scenario',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (a `calibration:` section is used when present) or a calibration manifest.json' })
      .option('param', { alias: 'p', type: 'string', array: true, requiresArg: true, describe: 'path=min:max to fit (repeatable); replaces the section\'s parameters' })
      .option('target', { alias: 't', type: 'string', array: true, requiresArg: true, describe: 'metric=value[:scale[:weight]], e.g. finalNps=40, or metric@strategy=value for a strategy\'s runs (repeatable); replaces the section\'s targets' })
      .option('holdout', { type: 'string', array: true, requiresArg: true, describe: 'An observed value held out of the fit, reported beside the targets (same form as --target; repeatable); replaces the section\'s holdout' })
      .option('max-evals', numberOption('max-evals', { integer: true, min: 2 }, 'Budget of candidate evaluations (default 200)'))
      .option('seed', numberOption('seed', RULES.seed, 'Override the master seed'))
      .option('days', numberOption('days', RULES.days, 'Override the horizon in days'))
      .option('replications', numberOption('replications', RULES.replications, 'Replications per candidate (default: the section\'s, else the scenario\'s)', 'r'))
      .option('workers', numberOption('workers', RULES.workers, 'Worker threads per candidate (default 1: each candidate is one small batch, and starting threads costs seconds)', 'w'))
      .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'Output folder (default output/<scenario>/calibrate)' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress and no summary' })
      .option('force', { type: 'boolean', default: false, describe: 'Run even when the evaluation budget would take over 2 hours (memory limits are never overridden)' })
      .option('fresh', { type: 'boolean', default: false, describe: 'Discard the runs an interrupted calibration saved in the output folder (runs.jsonl) instead of reading them back' })
      .option('queue', { type: 'string', requiresArg: true, describe: 'Send each candidate\'s runs to a BullMQ queue on Redis (redis://host:port) for `cxsim worker` processes on any machines' })
      .epilogue(examplesEpilogue([['cxsim calibrate scenarios/default.yaml -p journey.processQuality=0.95:0.999 -p acquisition.spendPerDay=0:3000 -t finalSatisfaction=7.4 -t growthPerYear=5', 'fit two parameters to two targets']])) as never,
  handler: (argv: CalibrateArgs) => runCalibration(io, argv),
});

/** The command's work; also reruns a calibration manifest (its `calibration` is read like a scenario's section). */
export async function runCalibration(io: Io, argv: CalibrateArgs): Promise<void> {
  const { text, section, scenarioText } = readCalibrationFile(argv.scenario);
  const scenario = parseScenarioText(scenarioText, argv.scenario, { seed: argv.seed, days: argv.days, replications: argv.replications });
  const base = scenario.strategies[0];
  const ranges: ParamRange[] = argv.param?.length ? argv.param.map(parseParamRange) : Object.entries(section?.parameters ?? {}).map(([path, p]) => ({ path, min: p.min, max: p.max }));
  const starts = argv.param?.length ? undefined : Object.values(section?.parameters ?? {}).map((p) => p.start);
  const targets = targetsFrom(scenario, argv.target, section?.targets, '--target');
  const holdout = targetsFrom(scenario, argv.holdout, section?.holdout, '--holdout');
  if (ranges.length === 0) throw new UserError('name the parameters to fit: --param path=min:max, or a `calibration: parameters:` section');
  if (targets.length === 0) throw new UserError('name the targets to fit: --target metric=value (e.g. --target finalNps=40), or a `calibration: targets:` section');
  const resolved = resolveRanges(base.params, ranges);
  const replications = argv.replications ?? section?.replications ?? scenario.replications;
  const maxEvaluations = argv['max-evals'] ?? section?.maxEvaluations ?? 200;
  if (!(Number.isInteger(maxEvaluations) && maxEvaluations >= ranges.length + 1)) throw new UserError(`--max-evals: expected a whole number ≥ ${ranges.length + 1} (the first simplex), got ${maxEvaluations}`);
  const dir = argv.out ?? defaultOutDir(argv.scenario, 'calibrate');
  const workers = workersFor(io, argv.workers ?? 1, argv.quiet ?? false);
  // Each candidate runs the baseline and every strategy a target or held-out check reads.
  const named = new Set([...targets, ...holdout].map((t) => t.strategy).filter((n) => n !== undefined));
  const strategies = scenario.strategies.slice(1).filter((s) => named.has(s.name)).map((s) => ({ name: s.name, params: s.params }));
  checkCalibration(ranges.length, replications * (1 + strategies.length), maxEvaluations, base.params, scenario.days, { workers, force: argv.force, quiet: argv.quiet ?? false, what: 'this calibration' });
  // One calibration per folder; nothing is written until the search is over.
  const { fileCount, result } = await inOutputFolder(io, dir, async (writing) => {
    const progress = createProgress(io, 'cxsim calibrate', argv.quiet ?? false, 'evaluations');
    // Every candidate's runs go through the folder's store (a restarted calibration reads them
    // back instead of simulating: a run is a pure function of its job, whichever candidate asked
    // for it) and, with --queue, to workers anywhere. The store is named by the model code only.
    let fresh = argv.fresh ?? false;
    const stores: RunStore[] = [];
    const runsFrom = argv.queue === undefined ? LOCAL : ({ kind: 'queue', url: argv.queue } as const);
    if (argv.queue !== undefined) parseQueueUrl(argv.queue);
    const runner = async (jobs: Job[]) => {
      const r = await runStored(io, { jobs, storeJobs: [], dir, scenarioHash: 'calibration', fresh, workers, quiet: true, label: 'cxsim calibrate', source: runsFrom });
      fresh = false;
      stores.push(r.store);
      return r.results;
    };
    let result: CalibrationResult;
    try {
      result = await calibrate({
        base: base.params,
        ranges: resolved,
        targets,
        holdout,
        strategies,
        start: ranges.map((r, i) => starts?.[i] ?? currentValue(base.params, r)),
        evaluation: { seed: scenario.seed, replications, days: scenario.days, strategy: base.name, workers, runner },
        maxEvaluations,
        restarts: section?.restarts,
        xTolerance: section?.parameterTolerance,
        fTolerance: section?.objectiveTolerance,
        onEvaluation: (s) => progress.update(s.evaluation, maxEvaluations),
      });
    } finally {
      progress.stop();
    }
    writing();
    const spec = { parameters: Object.fromEntries(ranges.map((r) => [r.path, { min: r.min, max: r.max }])), targets: recorded(targets), ...(holdout.length > 0 && { holdout: recorded(holdout) }), maxEvaluations, replications, ...(section?.parameterTolerance !== undefined && section.parameterTolerance !== DEFAULT_X_TOLERANCE && { parameterTolerance: section.parameterTolerance }), ...(section?.objectiveTolerance !== undefined && section.objectiveTolerance !== DEFAULT_F_TOLERANCE && { objectiveTolerance: section.objectiveTolerance }) };
    const source = recordedSource(text) ?? { text, settings: { ...(argv.seed !== undefined && { seed: scenario.seed }), ...(argv.days !== undefined && { days: scenario.days }) } };
    const draft = { ...buildManifest({ scenarioFile: toScenarioFile(scenario), command: ['calibrate'], cxsimVersion: VERSION, modelHash: modelHash(), seed: scenario.seed, days: scenario.days, replications, strategies: [base.name] }), calibration: spec, source };
    const { files, put } = outputWriter(dir);
    await writeManifest(dir, draft);
    await put('calibration.csv', historyCsv(result, ranges));
    await put('fit.csv', toCsv(['metric', 'strategy', 'role', 'target', 'simulated', 'lo95', 'hi95', 'residual', 'scale', 'weight', 'contribution'], result.fit.map((f) => [f.metric, f.strategy || base.name, f.role, f.target, f.simulated, f.lo, f.hi, f.residual, f.scale, f.weight, f.contribution])));
    const fitted = result.fit.filter((f) => f.role === 'target');
    const note = [`Calibrated by cxsim ${VERSION} (cxsim calibrate): objective ${fmt(result.objective)} after ${result.evaluations} evaluations (${result.reason}),`, `${replications} replications per candidate on seed ${scenario.seed}, ${scenario.days} days. Fit: ${fitted.map((f) => `${keyOf(f)} ${fmt(f.simulated)} vs target ${fmt(f.target)}`).join('; ')}.`];
    // calibrated.yaml is the user's own file with the fit written in; a rerun from the manifest
    // writes it from the recorded source, so it reproduces byte for byte.
    await put('calibrated.yaml', calibratedScenarioText(source.text, result.parameters, { note, settings: source.settings }));
    const spec2 = calibrationChart(scenario, result, EXPERIMENT_METRICS, [`Fit of ${ranges.map((r) => r.path).join(', ')} by Nelder–Mead; ${replications} replications per candidate on the same seeds`, `Objective Σ weight·((simulated − target)/scale)² = ${fmt(result.objective)} after ${result.evaluations} evaluations (${result.reason}); line = best so far`]);
    await put('charts/calibration.vl.json', JSON.stringify(spec2, null, 2) + '\n');
    await put('charts/calibration.svg', await renderSvg(spec2));
    await writeManifest(dir, { ...draft, files: await hashFiles(dir, files) });
    // The outputs are complete: the runs the search read back or made are no longer needed.
    stores.at(-1)?.remove();
    return { fileCount: files.length + 1, result };
  }, false);
  if (!argv.quiet) printFit(io, result, ranges, base.params, dir, fileCount);
}

/** `metric` or `metric@strategy`, as targets are keyed in the section and the manifest. */
const keyOf = (t: { metric: string; strategy?: string }) => (t.strategy ? `${t.metric}@${t.strategy}` : t.metric);

function recorded(targets: readonly CalibrationTarget[]): Record<string, { value: number; scale: number; weight: number }> {
  return Object.fromEntries(targets.map((t) => [keyOf(t), { value: t.value, scale: t.scale, weight: t.weight }]));
}

/** Targets (or held-out checks) from flags, else from the section; each resolved to a metric and a strategy of the scenario. */
function targetsFrom(scenario: Scenario, flags: string[] | undefined, entries: CalibrationSection['targets'] | undefined, flag: string): CalibrationTarget[] {
  const raw: TargetFlag[] = flags?.length
    ? flags.map((f) => parseTargetFlag(f) ?? fail(`${flag} ${JSON.stringify(f)}: expected metric=value[:scale[:weight]] (or metric@strategy=…) with scale > 0 and weight ≥ 0, e.g. finalNps=40 or contactSatisfaction@pilot=8.5:0.2`))
    : Object.entries(entries ?? {}).map(([key, t]) => ({ ...splitTargetKey(key), ...(typeof t === 'number' ? { value: t } : t) }));
  const names = scenario.strategies.map((s) => s.name);
  return raw.map((t) => {
    if (t.strategy !== undefined && !names.includes(t.strategy))
      throw new UserError(`${flag} ${keyOf(t)}: no strategy \`${t.strategy}\` in the scenario${didYouMean(suggestAmong(t.strategy, names.map((key) => ({ key }))))} (strategies: ${names.join(', ')})`);
    // The baseline named explicitly is the baseline.
    const strategy = t.strategy === names[0] ? undefined : t.strategy;
    return { metric: t.metric, ...(strategy !== undefined && { strategy }), value: t.value, scale: t.scale ?? defaultScale(t.value), weight: t.weight ?? 1, extract: findMetric(t.metric, EXPERIMENT_METRICS).extract };
  });
}

const fail = (message: string): never => {
  throw new UserError(message);
};

function currentValue(params: unknown, r: ParamRange): number {
  const v = r.path.split('.').reduce<unknown>((o, k) => (isPlainObject(o) ? o[k] : undefined), params);
  return typeof v === 'number' ? Math.min(r.max, Math.max(r.min, v)) : (r.min + r.max) / 2;
}

/**
 * The file's text, its `calibration:` section (checked, problems located by line) and the text to
 * validate as a scenario (the scenario schema accepts the section as it is).
 */
export function readCalibrationFile(file: string): { text: string; section?: CalibrationSection; scenarioText: string } {
  const text = readScenarioFile(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  let data: unknown;
  try {
    // A broken document or values the schema would misread: parseScenarioText reports them.
    data = doc.errors.length === 0 && yamlLiteralProblems(doc).length === 0 ? doc.toJS({ maxAliasCount: 1000 }) : undefined;
  } catch {
    data = undefined; // parseScenarioText reports the YAML problem
  }
  if (!isPlainObject(data) || data[SECTION] === undefined) return { text, scenarioText: text };
  const r = calibrationSpecSchema.safeParse(data[SECTION], { reportInput: true });
  if (!r.success) {
    const problems = toPathIssues(r.error.issues, calibrationSpecSchema, data[SECTION]).map((i) => {
      const full = [SECTION, ...i.path];
      return { file, ...position(lineCounter, offsetOf(doc, full, i.atKey)), path: pathToString(full), message: i.message, ...(i.suggestion !== undefined && { suggestion: i.suggestion }) };
    });
    throw new ScenarioError(problems, file);
  }
  return { text, section: r.data, scenarioText: text };
}

/** The scenario text and command-line settings a calibration manifest recorded (undefined for a scenario file). */
function recordedSource(text: string): { text: string; settings: Record<string, number> } | undefined {
  try {
    const source = (JSON.parse(text) as { cxsimManifest?: number; source?: { text: string; settings: Record<string, number> } }).source;
    return typeof source?.text === 'string' ? source : undefined;
  } catch {
    return undefined; // YAML, not a manifest
  }
}

function historyCsv(r: CalibrationResult, ranges: readonly ParamRange[]): string {
  const header = ['evaluation', 'iteration', 'step', ...ranges.map((q) => q.path), ...r.fit.map((f) => (f.role === 'target' ? keyOf(f) : `${keyOf(f)} (held out)`)), 'objective', 'best'];
  return toCsv(header, r.history.map((h) => [h.evaluation, h.iteration, h.step, ...h.values, ...h.simulated, h.f, h.best]));
}

const fmt = (v: number) => (Number.isFinite(v) ? formatHuman(v, Math.abs(v) < 1 ? 4 : humanDecimals(v) + 1) : '∞');

function printFit(io: Io, r: CalibrationResult, ranges: readonly ParamRange[], params: unknown, dir: string, fileCount: number): void {
  io.out(`Calibration ${r.reason === 'converged' ? 'converged' : 'stopped at the evaluation budget'}: objective ${fmt(r.objective)} after ${r.evaluations} evaluations (${r.restarts} restart${r.restarts === 1 ? '' : 's'}).`);
  for (const [i, p] of r.parameters.entries()) io.out(`  ${p.path} = ${fmt(p.value)}   (range ${ranges[i].min}–${ranges[i].max}; scenario had ${fmt(currentValue(params, { ...ranges[i], min: -Infinity, max: Infinity }))})`);
  const line = (f: CalibrationResult['fit'][number]) => `  ${keyOf(f)}: ${f.role === 'target' ? 'target' : 'observed'} ${fmt(f.target)}, simulated ${fmt(f.simulated)} [95% ${fmt(f.lo)}, ${fmt(f.hi)}], residual ${fmt(f.residual)}`;
  io.out('Targets:');
  for (const f of r.fit.filter((f) => f.role === 'target')) io.out(line(f));
  const held = r.fit.filter((f) => f.role === 'held out');
  if (held.length > 0) io.out('Held out (not fitted; how far the fitted model predicts them):');
  for (const f of held) io.out(line(f));
  io.out(`\nWrote ${fileCount} files to ${dir}/ (calibrated.yaml is ready for \`cxsim compare\`).`);
}
