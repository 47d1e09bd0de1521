/**
 * The worker threads' code as one plain-JS file. Loading TypeScript through tsx in every new
 * thread costs about a second (each import is transformed on a loader thread); a bundle made
 * once with esbuild loads in milliseconds. The bundle is cached under node_modules/.cache/cxsim,
 * named by a hash of every source file, so an edited source can never run stale code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const ROOT = dirname(SRC);

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
    });
}

let cached: string | undefined;

/** Path of the bundled worker (built on first use for this version of the sources). */
export function workerBundle(): string {
  if (cached) return cached;
  // v2: built relative to the repository root, so the bundle's path comments (and modelHash) do not depend on the working folder.
  const hash = createHash('sha256').update('v2\0');
  for (const file of sources(SRC)) hash.update(relative(SRC, file)).update('\0').update(readFileSync(file)).update('\0');
  const out = join(ROOT, 'node_modules', '.cache', 'cxsim', `worker-${hash.digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(out)) {
    mkdirSync(dirname(out), { recursive: true });
    // Written aside and renamed into place: processes building at the same time never read half a file.
    const tmp = `${out}.${process.pid}.tmp`;
    // Packages stay external: Node resolves them from node_modules as for the sources.
    buildSync({ absWorkingDir: ROOT, entryPoints: [join(SRC, 'experiments', 'worker.ts')], outfile: tmp, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
    renameSync(tmp, out);
  }
  return (cached = out);
}
