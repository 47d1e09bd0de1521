/** The run manifest: what was run, with which scenario (hashed canonically) and seeds, and which files came out. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { canonicalJson } from './canonical.js';
import { pathIn } from '../files/folder.js';

export interface ManifestFile {
  path: string; // relative to the output directory, forward slashes
  sha256: string;
}

export interface Manifest {
  cxsimManifest: 1;
  cxsimVersion: string;
  /** Hash of the model code that ran (experiments/modelHash.ts): the same bytes need the same code. */
  modelHash?: string;
  command: string[];
  /** Where it ran: Node's version and, from a git checkout, the commit of cxsim's sources. */
  environment?: { node: string; gitCommit?: string };
  scenarioHash: string;
  seed: number;
  days: number;
  replications: number;
  strategies: string[];
  scenario: unknown;
  files: ManifestFile[];
}

export interface ManifestInput {
  /** The resolved scenario in file form (defaults filled in), as the caller built it. */
  scenarioFile: object;
  command: string[];
  cxsimVersion: string;
  modelHash?: string;
  seed: number;
  replications: number;
  days: number;
  /**
   * Strategy names, baseline first (pass Scenario.strategies' names). Without it they are read from
   * scenarioFile: "baseline" (the normaliser's name for the top level), then the other strategy keys.
   */
  strategies?: string[];
  files?: ManifestFile[];
}

export { canonicalJson } from './canonical.js';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

let env: { node: string; gitCommit?: string } | undefined;

/**
 * Node's version and the git commit of the sources when cxsim runs from a checkout (an installed
 * package has none), read once per process.
 */
export function environment(): { node: string; gitCommit?: string } {
  if (env) return env;
  let gitCommit: string | undefined;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (existsSync(join(root, '.git'))) {
    try {
      gitCommit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() || undefined;
    } catch {
      // git missing or not a repository after all: the manifest goes without it
    }
  }
  return (env = { node: process.version, ...(gitCommit && { gitCommit }) });
}

/** A manifest without timestamps: two identical runs on one machine and commit give identical manifests. */
export function buildManifest(input: ManifestInput): Manifest {
  const declared = (input.scenarioFile as { strategies?: Record<string, unknown> }).strategies;
  return {
    cxsimManifest: 1,
    cxsimVersion: input.cxsimVersion,
    ...(input.modelHash !== undefined && { modelHash: input.modelHash }),
    command: [...input.command],
    environment: environment(),
    scenarioHash: sha256(canonicalJson(input.scenarioFile)),
    seed: input.seed,
    days: input.days,
    replications: input.replications,
    strategies: [...(input.strategies ?? ['baseline', ...Object.keys(declared ?? {}).filter((k) => k !== 'baseline')])],
    scenario: input.scenarioFile,
    files: input.files ?? [],
  };
}

/** SHA-256 of each file (paths relative to dir), in the order given. */
export async function hashFiles(dir: string, paths: readonly string[]): Promise<ManifestFile[]> {
  const out: ManifestFile[] = [];
  for (const path of paths) out.push({ path, sha256: sha256(await readFile(pathIn(dir, path))) });
  return out;
}
