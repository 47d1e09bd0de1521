#!/usr/bin/env node
/**
 * `npm run build`: compiles src/ to dist/ — what `bin/cxsim.js` runs and what the package exports.
 *   1. every module to plain JavaScript with esbuild (one file per module, the same layout);
 *   2. the worker threads' bundle (dist/experiments/worker.bundle.mjs) and the studio's browser
 *      app (dist/studio/app/), made by the compiled modules' own functions, so they are the same
 *      bytes as when running from the sources;
 *   3. type declarations (.d.ts) with tsc, for `import … from 'cxsim'` in TypeScript
 *      (skipped with --no-types).
 * Built aside (dist.tmp-PID) and swapped in at the end; dist/.stamp marks when the build started,
 * so bin/cxsim.js can tell a dist/ older than the sources (then it runs the sources with tsx).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

/** Source modules for Node: every .ts under src/ except the browser app (bundled separately). */
function modules(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return relative(SRC, path) === join('studio', 'app') ? [] : modules(path);
      return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
    });
}

export async function build({ types = true } = {}) {
  const started = new Date();
  const out = `${DIST}.tmp-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  try {
    await buildInto(out, types);
  } catch (e) {
    rmSync(out, { recursive: true, force: true });
    throw e;
  }
  writeFileSync(join(out, '.stamp'), 'built by scripts/build.mjs; its time is when the build started\n');
  utimesSync(join(out, '.stamp'), started, started);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(out, DIST);
}

async function buildInto(out, types) {
  const { buildSync } = await import('esbuild');
  buildSync({ absWorkingDir: ROOT, entryPoints: modules(SRC), outdir: out, outbase: SRC, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  // The compiled modules make their own bundles (same code as at run time from the sources).
  const { bundleWorker } = await import(pathToFileURL(join(out, 'experiments', 'workerBundle.js')).href);
  bundleWorker(join(out, 'experiments', 'worker.bundle.mjs'));
  const { bundleStudioApp } = await import(pathToFileURL(join(out, 'studio', 'bundle.js')).href);
  mkdirSync(join(out, 'studio', 'app'), { recursive: true });
  for (const [name, bytes] of await bundleStudioApp()) writeFileSync(join(out, 'studio', 'app', name), bytes);
  if (types) execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
}

/** The newest modification time under src/ (ms), for telling whether dist/ is older than the sources. */
export function newestSource(dir = SRC) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const st = statSync(join(dir, name));
    newest = Math.max(newest, st.isDirectory() ? newestSource(join(dir, name)) : st.mtimeMs);
  }
  return newest;
}

/** Whether dist/ holds a build of the current sources. */
export function distIsFresh() {
  const stamp = join(DIST, '.stamp');
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t = performance.now();
  try {
    await build({ types: !process.argv.includes('--no-types') });
  } catch (e) {
    console.error(`build failed: ${e.message.split('\n')[0]}`);
    process.exit(1);
  }
  console.log(`built dist/ in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
