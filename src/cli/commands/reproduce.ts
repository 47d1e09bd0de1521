/**
 * `cxsim reproduce <manifest>`: re-runs what a manifest recorded (compare, run, sweep,
 * sensitivity or calibrate; scenario as resolved, seed, settings) into a fresh folder and
 * checks every output against the recorded SHA-256.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CommandModule } from 'yargs';
import type { Manifest } from '../../outputs/manifest.js';
import { UserError } from '../../scenario/errors.js';
import { loadScenario } from '../../scenario/load.js';
import { execute } from '../execute.js';
import type { Io } from '../io.js';
import { executeSweep, type SweepManifest } from '../sweepExecute.js';
import { runCalibration } from './calibrate.js';
import { runSensitivity } from './sensitivity.js';

interface ReproduceArgs {
  manifest: string;
  out?: string;
  quiet?: boolean;
}

export const command = (io: Io): CommandModule<object, ReproduceArgs> => ({
  command: 'reproduce <manifest>',
  describe: 'Re-run a manifest.json written by cxsim and check that every output is byte-identical',
  builder: (y) =>
    y
      .positional('manifest', { type: 'string', demandOption: true, describe: 'A manifest.json from an output folder' })
      .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'Where to write the re-run (default: <manifest folder>/reproduced)' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false }) as never,
  handler: async (argv: ReproduceArgs) => {
    const recorded = readManifest(argv.manifest);
    const dir = argv.out ?? join(dirname(argv.manifest), 'reproduced');
    await rerun(io, argv.manifest, recorded, dir);
    const manifest = readManifest(join(dir, 'manifest.json'));
    const expected = new Map(recorded.files.map((f) => [f.path, f.sha256]));
    const differing = manifest.files.filter((f) => expected.get(f.path) !== f.sha256).map((f) => f.path);
    const missing = recorded.files.filter((f) => !manifest.files.some((g) => g.path === f.path)).map((f) => f.path);
    if (recorded.cxsimVersion !== manifest.cxsimVersion) io.err(`note: recorded with cxsim ${recorded.cxsimVersion}, re-run with ${manifest.cxsimVersion}`);
    if (differing.length || missing.length) {
      io.err(`✗ ${differing.length + missing.length} of ${recorded.files.length} files differ from ${argv.manifest}:`);
      for (const p of [...differing, ...missing]) io.err(`  ${p}`);
      io.exitCode = 1;
      return;
    }
    if (!argv.quiet) io.out(`✓ all ${recorded.files.length} files reproduced byte for byte in ${dir}/`);
  },
});

/** Re-runs a manifest with the command that wrote it; each command rereads its own manifests. */
async function rerun(io: Io, path: string, recorded: Manifest, dir: string): Promise<void> {
  const kind = recorded.command[0];
  if (kind === 'sensitivity') return runSensitivity(io, { scenario: path, out: dir, quiet: true });
  if (kind === 'calibrate') return runCalibration(io, { scenario: path, out: dir, quiet: true });
  const scenario = loadScenario(path);
  const sweep = (recorded as Partial<SweepManifest>).sweep;
  if (kind === 'sweep' && sweep) await executeSweep(io, { scenario, spec: sweep, dir, quiet: true });
  else await execute(io, { scenario, command: recorded.command, strategies: recorded.strategies, dir, quiet: true });
}

function readManifest(path: string): Manifest {
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`cannot read manifest ${path}: ${(e as Error).message}`);
  }
  if (parsed.cxsimManifest !== 1 || !Array.isArray(parsed.files) || !Array.isArray(parsed.command) || !Array.isArray(parsed.strategies))
    throw new UserError(`${path} is not a manifest written by cxsim`);
  // The draft written before the outputs lists none: the run that wrote it was stopped or is still writing.
  if (parsed.files.length === 0) throw new UserError(`${path} lists no output files: the run that wrote it did not finish (or is still writing); run it again first`);
  return parsed as Manifest;
}
