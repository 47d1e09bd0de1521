/**
 * Builds the studio's static files in memory: index.html, the app and the web worker (bundled
 * from src/ by esbuild for the browser), the vega libraries, and scenarios.json (the scenarios
 * it offers, as text). The same files are served by `cxsim studio` or written with `--build`.
 * The compiled package carries the app and worker prebuilt (`npm run build` writes them to
 * dist/studio/app/), so esbuild is needed only when running from the TypeScript sources.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { reportLibraries } from '../outputs/report/folder.js';
import { VERSION } from '../version.js';
import { INDEX_HTML } from './page.js';

export type StudioFiles = Map<string, { type: string; body: string | Uint8Array }>;

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const SCENARIOS_DIR = join(ROOT, 'scenarios');
/** The app's sources (src/studio/app, whether this module runs from src/ or dist/). */
const APP_SOURCES = join(ROOT, 'src', 'studio', 'app');
/** Where `npm run build` puts the bundled app beside the compiled module. */
const PREBUILT = join(HERE, 'app');
export const STUDIO_BUNDLES = ['app.js', 'worker.js'] as const;

/**
 * Node built-ins reach the bundle only through modules the browser never calls into for them
 * (loadScenario reads files; the studio passes text to parseScenarioText): each becomes a stub
 * that throws if called.
 */
const nodeStubs: Plugin = {
  name: 'node-stubs',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(fs|fs\/promises|path|url|crypto|os|module)$/ }, (a) => ({ path: a.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (a) => ({
      contents: `const no = () => { throw new Error(${JSON.stringify(`${a.path} is not available in the browser`)}); };\nexport const readFileSync = no, readdirSync = no, readFile = no, createHash = no, join = no, dirname = no, basename = no, fileURLToPath = no, createRequire = no;\nexport default {};`,
      loader: 'js',
    }));
  },
};

export interface ServedScenario {
  key: string;
  file: string;
  text: string;
}

/** The scenario given and the bundled ones, each under a key made from its file name. */
export function servedScenarios(first?: string): ServedScenario[] {
  // The given scenario first, else the default one; then the other bundled scenarios.
  const bundled = readdirSync(SCENARIOS_DIR).filter((f) => /\.ya?ml$/.test(f)).sort((a, b) => Number(b === 'default.yaml') - Number(a === 'default.yaml') || a.localeCompare(b));
  const files = [...(first ? [resolve(first)] : []), ...bundled.map((f) => join(SCENARIOS_DIR, f))];
  const out: ServedScenario[] = [];
  for (const path of files) {
    const key = basename(path, extname(path));
    if (out.some((s) => s.key === key)) continue;
    out.push({ key, file: basename(path), text: readFileSync(path, 'utf8') });
  }
  return out;
}

/** The app and its web worker bundled for the browser from the sources (esbuild), by file name. */
export async function bundleStudioApp(): Promise<Map<string, Uint8Array>> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { app: join(APP_SOURCES, 'main.ts'), worker: join(APP_SOURCES, 'worker.ts') },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    outdir: 'out',
    define: { __CXSIM_VERSION__: JSON.stringify(VERSION) },
    plugins: [nodeStubs],
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((f) => [basename(f.path), f.contents]));
}

/** The prebuilt bundles of the compiled package, or a fresh bundle when running from the sources. */
async function studioApp(): Promise<Map<string, Uint8Array>> {
  const prebuilt = !import.meta.url.endsWith('.ts') && STUDIO_BUNDLES.every((f) => existsSync(join(PREBUILT, f)));
  return prebuilt ? new Map(STUDIO_BUNDLES.map((f) => [f, readFileSync(join(PREBUILT, f))])) : bundleStudioApp();
}

export async function studioFiles(scenario?: string): Promise<StudioFiles> {
  const files: StudioFiles = new Map();
  const js = 'text/javascript; charset=utf-8';
  for (const [name, body] of await studioApp()) files.set(`/${name}`, { type: js, body });
  const libs = await reportLibraries();
  files.set('/vendor/vega.min.js', { type: js, body: libs.vega });
  files.set('/vendor/vega-lite.min.js', { type: js, body: libs.vegaLite });
  files.set('/vendor/vega-embed.min.js', { type: js, body: libs.vegaEmbed });
  files.set('/index.html', { type: 'text/html; charset=utf-8', body: INDEX_HTML });
  files.set('/scenarios.json', { type: 'application/json; charset=utf-8', body: JSON.stringify(servedScenarios(scenario)) });
  return files;
}
