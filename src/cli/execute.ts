/**
 * What `run`, `compare` and `reproduce` share: load, simulate with progress, write every
 * output with a manifest that hashes them, and print the summary.
 */
import { basename, extname, join } from 'node:path';
import { scenarioJobs } from '../experiments/jobs.js';
import { modelHash } from '../experiments/modelHash.js';
import type { RunResult } from '../model/metrics.js';
import { buildManifest, hashFiles, type Manifest } from '../outputs/manifest.js';
import { formatSummaryTable } from '../outputs/tables.js';
import { writeManifest, writeOutputs } from '../outputs/write.js';
import { UserError } from '../scenario/errors.js';
import { suggest } from '../scenario/describe.js';
import { toScenarioFile } from '../scenario/normalize.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import { checkJobs, checkScenarioCount } from './budget.js';
import { inOutputFolder, runStored } from './experiment.js';
import { runToPrecision, type PrecisionStep, type PrecisionTarget } from '../experiments/precision.js';
import type { RunStore } from '../experiments/resume.js';
import type { DataOptions } from '../outputs/data/writeData.js';
import { formatHuman, humanDecimals } from '../outputs/format.js';
import type { RunSource } from './sources.js';
import type { Io } from './io.js';

export interface Execution {
  scenario: Scenario;
  /** The command as recorded in the manifest, e.g. ['compare'] or ['run', '--strategy', 'x']. */
  command: string[];
  strategies: string[];
  dir: string;
  quiet: boolean;
  /** Worker threads (default: all cores, one thread for small experiments). */
  workers?: number;
  /** Discard finished runs an interrupted earlier run left in dir/runs.jsonl. */
  fresh?: boolean;
  /** Run past the time estimate's limit (never past memory). */
  force?: boolean;
  /** Where the runs come from: threads here (default), a queue, a shard, shard folders (sources.ts). */
  source?: RunSource;
  /** Formats and layout of the data tables. */
  data?: DataOptions;
  /** Replications until intervals are narrow enough (precision.ts), between the scenario's and `cap`. */
  precision?: { targets: PrecisionTarget[]; cap: number };
}

export interface Executed {
  results: RunResult[];
  manifest: Manifest;
}

/**
 * Default output folder: output/<scenario file name>/<what>, each part made a plain folder name
 * (a file called `...yaml` or `../x.yaml` must not lead outside output/).
 */
export function defaultOutDir(file: string, what: string): string {
  return join('output', folderName(basename(file, extname(file))), folderName(what));
}

/** A name as one folder: letters, digits, `.`, `-`, `_` kept, anything else `_`, no leading dot, at most 100 characters. */
export function folderName(name: string): string {
  const plain = [...name].map((ch) => (/[\p{L}\p{N}._-]/u.test(ch) ? ch : '_')).join('').slice(0, 100);
  return plain === '' ? 'scenario' : plain.startsWith('.') ? `_${plain}` : plain;
}

/** Checks strategy names against the scenario, with a suggestion for a typo. */
export function pickStrategies(scenario: Scenario, wanted: string[] | undefined, fallback: string[]): string[] {
  const known = scenario.strategies.map((s) => s.name);
  if (!wanted || wanted.length === 0) return fallback;
  for (const name of wanted) {
    if (known.includes(name)) continue;
    const close = suggest(name, known);
    throw new UserError(`no strategy \`${name}\` in scenario "${scenario.name}"${close ? `; did you mean \`${close}\`?` : ''} (strategies: ${known.join(', ')})`);
  }
  return known.filter((k) => wanted.includes(k));
}

export async function execute(io: Io, x: Execution): Promise<Executed> {
  const subset: Scenario = { ...x.scenario, strategies: x.scenario.strategies.filter((s) => x.strategies.includes(s.name)) };
  const draftOf = (s: Scenario) =>
    buildManifest({
      scenarioFile: toScenarioFile({ ...x.scenario, replications: s.replications }),
      command: x.command,
      cxsimVersion: VERSION,
      modelHash: modelHash(),
      seed: s.seed,
      days: s.days,
      replications: s.replications,
      strategies: x.strategies,
    });
  const first = draftOf(subset);
  // Results come back in job order (strategy-major), as the sequential runner gave them. The
  // store of finished runs is removed only once every output and the manifest are written.
  const budget = { workers: x.workers, force: x.force, quiet: x.quiet, what: `this ${x.command[0]}` };
  const cap = x.precision ? { ...subset, replications: x.precision.cap } : subset;
  checkScenarioCount(cap, budget); // before a million replications become a million job objects
  const workers = checkJobs(io, scenarioJobs(cap), budget);
  if (x.precision && subset.replications < 2) throw new UserError(`--precision starts from the scenario's replications and needs at least 2 to measure an interval (now ${subset.replications}): give -r 2 or more`);
  if (x.precision && x.precision.cap < subset.replications) throw new UserError(`--max-replications ${x.precision.cap} is below the ${subset.replications} replications to start from`);
  if (x.precision && x.source?.kind === 'shard') throw new UserError('--precision decides the replications as runs finish: it cannot be split into --shard slices planned in advance (use --queue, or a fixed --replications)');
  return inOutputFolder(io, x.dir, async (writing) => {
    const stored = { dir: x.dir, scenarioHash: first.scenarioHash, fresh: x.fresh ?? false, workers, quiet: x.quiet, label: `cxsim ${x.command[0]}`, source: x.source, draft: first };
    let scenario = subset;
    let results: RunResult[];
    let precision: object | undefined;
    let store: RunStore | undefined;
    if (x.precision) {
      const p = x.precision;
      const jobsUpTo = (n: number) => scenarioJobs({ ...subset, replications: n });
      const storeJobs = jobsUpTo(p.cap);
      const out = await runToPrecision({
        targets: p.targets,
        start: subset.replications,
        cap: p.cap,
        jobsUpTo,
        baseline: subset.strategies.length > 1 ? subset.strategies[0].name : undefined,
        units: (rs) => subset.strategies.map((s) => ({ name: s.name, runs: rs.filter((r) => r.strategy === s.name) })),
        run: async (batch) => {
          const r = await runStored(io, { ...stored, jobs: batch, storeJobs });
          store = r.store;
          return r.results;
        },
        onStep: (step) => x.quiet || io.err(precisionLine(step, p.targets, p.cap)),
      });
      results = out.results;
      scenario = { ...subset, replications: out.replications };
      precision = { targets: p.targets.map((t) => ({ metric: t.metric.key, halfWidth: t.halfWidth })), maxReplications: p.cap, replications: out.replications, met: out.met };
    } else ({ results, store } = await runStored(io, { ...stored, jobs: scenarioJobs(subset) }));
    writing();
    const draft = { ...draftOf(scenario), ...(precision && { precision }) };
    const { files } = await writeOutputs({ dir: x.dir, scenario, results, manifest: draft, data: x.data });
    const manifest = { ...draft, files: await hashFiles(x.dir, files) };
    await writeManifest(x.dir, manifest);
    store?.remove();
    if (!x.quiet) {
      io.out(formatSummaryTable(scenario, results));
      io.out(`\nWrote ${files.length + 1} files to ${x.dir}/ (open ${join(x.dir, 'report.html')}; charts in ${join(x.dir, 'charts')}/, data in Parquet and CSV described by datapackage.json, manifest.json to reproduce).`);
    }
    return { results, manifest };
  });
}

/** One line per --precision step: replications so far and each target's widest interval. */
export function precisionLine(step: PrecisionStep, targets: readonly PrecisionTarget[], cap: number): string {
  const parts = step.widest.map((c) => `${c.metric} ±${formatHuman(c.halfWidth, humanDecimals(c.halfWidth) + 1)} (${c.unit}; wanted ±${targets.find((t) => t.metric.key === c.metric)!.halfWidth})`);
  const verdict = step.met ? 'narrow enough' : step.replications >= cap ? `not narrow enough at the cap of ${cap} replications (--max-replications)` : 'more replications';
  return `cxsim: --precision: ${step.replications} replications, widest 95% intervals ${parts.join(', ')}: ${verdict}`;
}
