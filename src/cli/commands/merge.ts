/**
 * `cxsim merge <shard folders…> --out DIR`: the outputs of an experiment run in shards
 * (`--shard K/N` of compare, run, sweep, sensitivity or verdicts) from the runs the shards saved, byte
 * for byte what the unsharded command writes. The shards must be all N slices of one experiment
 * (same command, scenario, settings) made by this model code; nothing is simulated.
 */
import { join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { modelHash } from '../../experiments/modelHash.js';
import { loadScenario } from '../../scenario/load.js';
import { UserError } from '../../scenario/errors.js';
import { canonicalJson } from '../../outputs/canonical.js';
import { execute } from '../execute.js';
import type { Io } from '../io.js';
import { readShardManifest, type RunSource } from '../sources.js';
import { executeSweep, type SweepManifest } from '../sweepExecute.js';
import { dataFrom, dataOptions } from './experimentFlags.js';
import { runSensitivity } from './sensitivity.js';
import { runVerdicts } from './verdicts.js';

interface MergeArgs {
  shards: string[];
  out: string;
  quiet?: boolean;
  format?: string;
  layout?: string;
}

export const command = (io: Io): CommandModule<object, MergeArgs> => ({
  command: 'merge <shards..>',
  describe: 'Write the outputs of an experiment run with --shard K/N from its shard folders, byte-identical to an unsharded run',
  builder: (y) =>
    dataOptions(
      y
        .positional('shards', { type: 'string', array: true, demandOption: true, describe: 'The --out folders of the N shards' })
        .option('out', { alias: 'o', type: 'string', demandOption: true, requiresArg: true, describe: 'Where to write the outputs' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No summary' }),
      'wide',
    ) as never,
  handler: async (argv: MergeArgs) => {
    const read = argv.shards.map((dir) => ({ dir, ...readShardManifest(dir) }));
    const [first] = read;
    // Everything but the shard itself must agree: the same experiment, split the same way.
    const identity = (m: Record<string, unknown>) => canonicalJson({ ...m, shard: { count: (m.shard as { count: number }).count }, files: [] });
    for (const r of read.slice(1)) if (identity(r.manifest) !== identity(first.manifest)) throw new UserError(`cannot merge: ${r.dir} is a shard of another experiment than ${first.dir} (command, scenario, settings or split differ)`);
    if (first.manifest.modelHash !== undefined && first.manifest.modelHash !== modelHash())
      throw new UserError(`cannot merge: the shards were run by other model code (model hash ${String(first.manifest.modelHash).slice(0, 12)}…, this cxsim ${modelHash().slice(0, 12)}…): merge with the cxsim that ran them`);
    for (const r of read) if (resolve(r.dir) === resolve(argv.out)) throw new UserError(`--out ${argv.out} is one of the shard folders: write the merged outputs elsewhere`);
    const source: RunSource = { kind: 'merge', dirs: read.map((r) => r.dir) };
    const quiet = argv.quiet ?? false;
    const path = first.path;
    const kind = first.manifest.command[0];
    if (kind === 'sensitivity') await runSensitivity(io, { scenario: path, out: argv.out, quiet, source });
    else if (kind === 'verdicts') await runVerdicts(io, { scenario: path, out: argv.out, quiet, source });
    else if (kind === 'sweep') await executeSweep(io, { scenario: loadScenario(path), spec: (first.manifest as unknown as SweepManifest).sweep, dir: argv.out, quiet, source, data: dataFrom(argv, 'long') });
    else if (kind === 'compare' || kind === 'run') await execute(io, { scenario: loadScenario(path), command: first.manifest.command, strategies: first.manifest.strategies as string[], dir: argv.out, quiet, source, data: dataFrom(argv, 'wide') });
    else throw new UserError(`cannot merge shards of \`cxsim ${kind}\``);
    if (!quiet) io.err(`cxsim merge: ${read.length} shards merged into ${join(argv.out, 'manifest.json')} and the outputs beside it`);
  },
});
