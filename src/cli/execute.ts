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
  const { scenario } = x;
  const subset: Scenario = { ...scenario, strategies: scenario.strategies.filter((s) => x.strategies.includes(s.name)) };
  const draft = buildManifest({
    scenarioFile: toScenarioFile(scenario),
    command: x.command,
    cxsimVersion: VERSION,
    modelHash: modelHash(),
    seed: scenario.seed,
    days: scenario.days,
    replications: scenario.replications,
    strategies: x.strategies,
  });
  // Results come back in job order (strategy-major), as the sequential runner gave them. The
  // store of finished runs is removed only once every output and the manifest are written.
  const budget = { workers: x.workers, force: x.force, quiet: x.quiet, what: `this ${x.command[0]}` };
  checkScenarioCount(subset, budget); // before a million replications become a million job objects
  const jobs = scenarioJobs(subset);
  const workers = checkJobs(io, jobs, budget);
  return inOutputFolder(io, x.dir, async (writing) => {
    const { results, store } = await runStored(io, { jobs, dir: x.dir, scenarioHash: draft.scenarioHash, fresh: x.fresh ?? false, workers, quiet: x.quiet, label: 'cxsim' });
    writing();
    const { files } = await writeOutputs({ dir: x.dir, scenario: subset, results, manifest: draft });
    const manifest = { ...draft, files: await hashFiles(x.dir, files) };
    await writeManifest(x.dir, manifest);
    store.remove();
    if (!x.quiet) {
      io.out(formatSummaryTable(subset, results));
      io.out(`\nWrote ${files.length + 1} files to ${x.dir}/ (open ${join(x.dir, 'report.html')}; charts in ${join(x.dir, 'charts')}/, manifest.json to reproduce).`);
    }
    return { results, manifest };
  });
}
