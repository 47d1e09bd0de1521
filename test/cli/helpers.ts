/**
 * Runs the `cxsim` CLI and inspects what it wrote. Shared by the CLI and golden tests. `cli()` runs
 * main() in this process (the same code bin/cxsim.js runs, with output captured and a clock that
 * stands still, so no progress depends on speed); `spawnCli()` starts the real `node bin/cxsim.js`
 * for the few end-to-end tests that need a process (exit codes, signals, the bin script itself).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** The repository root: the CLI is run from here, as a user would after cloning. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'cxsim.js');

export interface CliResult {
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

// Each spawn loads tsx, yargs, zod and vega (seconds of CPU): cap how many run at once.
const MAX_PARALLEL = 3;
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Runs `cxsim ...args` in this process (main() with captured stdout/stderr, the repository root as
 * working folder) and resolves with its exit code and output; never rejects on a non-zero exit.
 */
export async function cli(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = makeIo({ stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, argv: args, now: () => 0 });
  const code = await main(args, io);
  return { args, code, signal: null, stdout, stderr };
}

/**
 * Runs `node bin/cxsim.js ...args` in the repository root with a clean environment (no
 * CXSIM_DEBUG, no colours) and resolves with its exit code and output; never rejects on a
 * non-zero exit.
 */
export function spawnCli(...args: string[]): Promise<CliResult> {
  return slot(
    () =>
      new Promise<CliResult>((resolve, reject) => {
        const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
        delete env.CXSIM_DEBUG;
        const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ args, code, signal, stdout, stderr }));
      }),
  );
}

/** A one-line description of a CLI result for assertion messages. */
export const show = (r: CliResult): string => `cxsim ${r.args.join(' ')} → exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;

/** Every file under dir, relative, forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length).replace(/^[\\/]+/, '').replaceAll('\\', '/'))
    .sort();
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
export const sha256File = (path: string): string => sha256(readFileSync(path));

/** Paths (relative) whose bytes differ between two output folders, plus files present in only one of them. */
export function differingFiles(a: string, b: string): string[] {
  const fa = listFiles(a);
  const fb = listFiles(b);
  const all = [...new Set([...fa, ...fb])].sort();
  return all.filter((f) => !fa.includes(f) || !fb.includes(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

/** A stack-trace frame as Node prints it ("    at fn (file:1:2)"). */
export const STACK_FRAME = /^\s+at\s+\S.*(\(|:\d+:\d+)/m;

/** The charts `compare` writes (paired and tradeoff need two strategies or more), as Vega-Lite JSON, SVG and PNG. */
export const CHARTS = ['paired', 'tradeoff', 'comparison', 'customers', 'nps', 'profit', 'complaints', 'wom', 'service', 'kpi-gap'] as const;
export const CHART_FILES = CHARTS.flatMap((c) => [`charts/${c}.vl.json`, `charts/${c}.svg`, `charts/${c}.png`]);
