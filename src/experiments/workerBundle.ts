/**
 * The worker threads' code as one plain-JS file. Loading TypeScript through tsx in every new
 * thread costs about a second (each import is transformed on a loader thread); a bundle made
 * once with esbuild loads in milliseconds. The compiled package carries it prebuilt
 * (`npm run build` writes dist/experiments/worker.bundle.mjs); running from the TypeScript
 * sources, it is built on first use and cached under node_modules/.cache/cxsim, named by a hash
 * of every source file, so an edited source can never run stale code. Both are made by
 * bundleWorker with the same options, so they are the same bytes for the same sources.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(dirname(HERE));
const SRC = join(ROOT, 'src');
/** Where `npm run build` writes the bundle, beside the compiled pool. */
export const PREBUILT_WORKER = join(HERE, 'worker.bundle.mjs');

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
    });
}

/**
 * Bundles src/experiments/worker.ts into `outfile`, written aside and renamed into place (processes
 * building at the same time never read half a file). Packages stay external: Node resolves them
 * from node_modules as for the sources. Built relative to the repository root, so the bundle's
 * path comments do not depend on the working folder. esbuild is a build tool: loaded only here.
 */
export function bundleWorker(outfile: string): void {
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  buildSync({ absWorkingDir: ROOT, entryPoints: [join(SRC, 'experiments', 'worker.ts')], outfile: tmp, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  renameSync(tmp, outfile);
}

let cached: string | undefined;

/** Path of the bundled worker: the prebuilt one of the compiled package, else built on first use for this version of the sources. */
export function workerBundle(): string {
  if (cached) return cached;
  if (!import.meta.url.endsWith('.ts') && existsSync(PREBUILT_WORKER)) return (cached = PREBUILT_WORKER);
  const hash = createHash('sha256').update('v2\0');
  for (const file of sources(SRC)) hash.update(relative(SRC, file)).update('\0').update(readFileSync(file)).update('\0');
  const out = join(ROOT, 'node_modules', '.cache', 'cxsim', `worker-${hash.digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(out)) bundleWorker(out);
  return (cached = out);
}
