/**
 * The package as another project gets it: `npm pack` makes the tarball, a temporary project
 * installs it (dependencies from npm's cache, development dependencies left out, so no tsx and
 * no esbuild), and there:
 *   - the README's library snippet (`import … from 'cxsim'`) type-checks against the package's
 *     declarations and runs, giving the numbers the sources give in this process;
 *   - the `cxsim` command runs compiled JavaScript: --version, validate, and a compare on two
 *     worker threads (the prebuilt worker bundle) writing charts and Parquet.
 * dist/ is built first when it is older than the sources.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobs } from '../../src/experiments/pool.js';
import { scenarioJobs } from '../../src/experiments/jobs.js';
import { summaryRows } from '../../src/outputs/tables.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../cli/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-pack-'));
const project = join(tmp, 'project');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const cxsim = (...args: string[]) => node([join(project, 'node_modules', '.bin', 'cxsim'), ...args]);

/** The README's library snippet: the ```ts block that imports from 'cxsim'. */
function readmeSnippet(): string {
  const blocks = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const snippet = blocks.find((b) => b.includes("from 'cxsim'"));
  if (!snippet) throw new Error("README.md has no ```ts block importing from 'cxsim'");
  return snippet;
}

/** The snippet with a short horizon (the README runs a year of the full scenario), printing its summary. */
const SHORT = { days: 10, replications: 2 };
function runnableSnippet(): string {
  const snippet = readmeSnippet();
  const shortened = snippet.replace("{ days: 365 }", JSON.stringify(SHORT).replace(/"/g, ''));
  if (shortened === snippet) throw new Error('the README snippet no longer loads with { days: 365 }: update this test');
  return `${shortened}\nconsole.log('SUMMARY ' + JSON.stringify(summary));\n`;
}

beforeAll(() => {
  const fresh = () => execFileSync(process.execPath, ['--input-type=module', '-e', "process.exit((await import('./scripts/build.mjs')).distIsFresh() ? 0 : 1)"], { cwd: ROOT, stdio: 'ignore' });
  try {
    fresh();
    // A build with --no-types (the bench's) has no declarations to pack.
    if (!existsSync(join(ROOT, 'dist', 'index.d.ts'))) throw new Error('no declarations');
  } catch {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  }
  const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT)) as { filename: string }[];
  mkdirSync(join(project, 'scenarios'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-cxsim', private: true, type: 'module' }));
  // From npm's cache (filled by `npm ci`); the registry only for what the cache lacks.
  const install = (mode: string) => npm(['install', mode, '--no-audit', '--no-fund', join(tmp, packed.filename)], project);
  try {
    install('--offline');
  } catch {
    install('--prefer-offline');
  }
  copyFileSync(join(ROOT, 'scenarios', 'default.yaml'), join(project, 'scenarios', 'default.yaml'));
}, 600_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the packed package in another project', () => {
  it('ships compiled JavaScript, declarations and the prebuilt bundles, without sources or build tools', () => {
    const pkg = join(project, 'node_modules', 'cxsim');
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/experiments/worker.bundle.mjs', 'dist/studio/app/app.js', 'bin/cxsim.js', 'scenarios/default.yaml']) expect(existsSync(join(pkg, f)), f).toBe(true);
    expect(existsSync(join(pkg, 'src'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'tsx')), 'tsx is a development tool').toBe(false);
    expect(existsSync(join(project, 'node_modules', 'esbuild')), 'esbuild is a build tool').toBe(false);
  });

  it("runs the README's library snippet, type-checked against the package's declarations, with the sources' numbers", async () => {
    const code = runnableSnippet();
    writeFileSync(join(project, 'snippet.ts'), code);
    writeFileSync(join(project, 'snippet.mjs'), code);
    // Type-check as a TypeScript user would (strict, Node's module resolution through `exports`).
    node([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types'), 'snippet.ts']);
    const printed = node(['snippet.mjs']).split('\n').find((l) => l.startsWith('SUMMARY '));
    const fromPackage = JSON.parse(printed!.slice('SUMMARY '.length));
    const scenario = loadScenario(join(ROOT, 'scenarios', 'default.yaml'), SHORT);
    const fromSources = summaryRows(scenario, await runJobs(scenarioJobs(scenario), { workers: 1 }));
    expect(fromPackage).toEqual(JSON.parse(JSON.stringify(fromSources)));
  });

  it('the cxsim command runs: --version, validate, and a compare on two worker threads with charts and Parquet', () => {
    expect(cxsim('--version').trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(cxsim('validate', 'scenarios/default.yaml')).toMatch(/default\.yaml/);
    cxsim('compare', 'scenarios/default.yaml', '--days', '5', '-r', '2', '--workers', '2', '--out', 'out', '--quiet');
    expect(cxsim('--help')).toMatch(/merge <shards\.\.>/);
    for (const f of ['manifest.json', 'summary.csv', 'metrics.parquet', 'datapackage.json', 'report.html', 'charts/nps.svg', 'charts/nps.png']) expect(existsSync(join(project, 'out', f)), f).toBe(true);
  });
});
