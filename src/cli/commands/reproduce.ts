/**
 * `cxsim reproduce <manifest>`: re-runs what a manifest recorded (compare, run, sweep,
 * sensitivity or calibrate; scenario as resolved, seed, settings) into another folder — always
 * simulating, never reading stored runs — and checks every output three ways: the files beside
 * the manifest against the SHA-256 it recorded (an edit after writing shows), the re-run against
 * those hashes, and the re-run against the files on disk, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { pathIn, segmentsOf } from '../../files/folder.js';
import { sha256, type Manifest } from '../../outputs/manifest.js';
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
  describe: 'Re-run a manifest.json written by cxsim and check that every output is byte-identical to the recorded one and to the files beside the manifest',
  builder: (y) =>
    y
      .positional('manifest', { type: 'string', demandOption: true, describe: 'A manifest.json from an output folder' })
      .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'Where to write the re-run (default: <manifest folder>/reproduced)' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false }) as never,
  handler: async (argv: ReproduceArgs) => {
    const recorded = readManifest(argv.manifest);
    const from = dirname(argv.manifest);
    const dir = argv.out ?? join(from, 'reproduced');
    if (resolve(dir) === resolve(from)) throw new UserError(`--out ${dir} is the folder of the manifest: the re-run goes elsewhere, so the originals stay to compare with (default ${join(from, 'reproduced')})`);
    await rerun(io, argv.manifest, recorded, dir);
    const again = readManifest(join(dir, 'manifest.json'));
    if (recorded.cxsimVersion !== again.cxsimVersion) io.err(`note: recorded with cxsim ${recorded.cxsimVersion}, re-run with ${again.cxsimVersion}`);
    if (recorded.modelHash !== undefined && recorded.modelHash !== again.modelHash) io.err(`note: recorded with other model code (model hash ${recorded.modelHash.slice(0, 12)}…, now ${again.modelHash?.slice(0, 12)}…): differences are to be expected`);
    const rerunHash = new Map(again.files.map((f) => [f.path, f.sha256]));
    const problems: string[] = [];
    let originals = 0;
    for (const f of recorded.files) {
      const disk = readIfThere(pathIn(from, f.path));
      if (disk) originals++;
      const diskOk = !disk || sha256(disk) === f.sha256;
      const rerunOk = rerunHash.get(f.path) === f.sha256;
      if (!rerunHash.has(f.path)) problems.push(`${f.path}: the re-run did not write it`);
      else if (!diskOk && rerunOk) problems.push(`${f.path}: changed since it was written (the file in ${from}/ no longer matches the manifest's SHA-256; the re-run does)`);
      else if (!diskOk) problems.push(`${f.path}: the re-run differs from the manifest's SHA-256, and so does the file in ${from}/`);
      else if (!rerunOk) problems.push(`${f.path}: the re-run differs from the manifest's SHA-256${disk ? ` and from the file in ${from}/` : ''}`);
      else if (disk && !disk.equals(readFileSync(pathIn(dir, f.path)))) problems.push(`${f.path}: the re-run differs from the file in ${from}/`);
    }
    if (problems.length > 0) {
      io.err(`✗ ${problems.length} of ${recorded.files.length} files differ from ${argv.manifest}:`);
      for (const p of problems) io.err(`  ${p}`);
      io.exitCode = 1;
      return;
    }
    if (argv.quiet) return;
    const n = recorded.files.length;
    if (originals === n) io.out(`✓ all ${n} files reproduced byte for byte in ${dir}/: identical to the files in ${from}/ and to the SHA-256 the manifest recorded for each`);
    else io.out(`✓ all ${n} files reproduced byte for byte in ${dir}/: each matches the SHA-256 the manifest recorded${originals === 0 ? ` (the original files are not beside the manifest, so only their hashes were compared)` : ` (${n - originals} of the originals are missing from ${from}/: for those only the hashes were compared)`}`);
  },
});

/** Re-runs a manifest with the command that wrote it, simulating every run (a store in the folder is never read). */
async function rerun(io: Io, path: string, recorded: Manifest, dir: string): Promise<void> {
  const kind = recorded.command[0];
  if (kind === 'sensitivity') return runSensitivity(io, { scenario: path, out: dir, quiet: true, fresh: true });
  if (kind === 'calibrate') return runCalibration(io, { scenario: path, out: dir, quiet: true });
  const scenario = loadScenario(path);
  const sweep = (recorded as Partial<SweepManifest>).sweep;
  if (kind === 'sweep' && sweep) await executeSweep(io, { scenario, spec: sweep, dir, quiet: true, fresh: true });
  else await execute(io, { scenario, command: recorded.command, strategies: recorded.strategies, dir, quiet: true, fresh: true });
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
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
  for (const f of parsed.files) {
    const ok = typeof f?.path === 'string' && typeof f.sha256 === 'string' && (() => { try { return segmentsOf(f.path).length > 0; } catch { return false; } })();
    if (!ok) throw new UserError(`${path} is not a manifest written by cxsim: it lists ${JSON.stringify(f?.path)}, which is not a file inside its folder`);
  }
  return parsed as Manifest;
}
