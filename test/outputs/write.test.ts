/** writeOutputs writes the listed files, and identical inputs give byte-identical files. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest, hashFiles } from '../../src/outputs/manifest.js';
import { writeManifest, writeOutputs } from '../../src/outputs/write.js';
import { makeResults, makeScenario } from './fixtures.js';

const scenario = makeScenario();
const results = makeResults();
const manifest = buildManifest({ scenarioFile: { name: scenario.name, days: 30 }, command: ['compare', 'x.yaml'], cxsimVersion: '0.1.0', seed: 1, replications: 3, days: 30, strategies: scenario.strategies.map((s) => s.name) });
const CHART_FILES = ['paired', 'tradeoff', 'comparison', 'customers', 'nps', 'profit', 'complaints', 'wom', 'service', 'kpi-gap'].flatMap((c) => [`charts/${c}.vl.json`, `charts/${c}.svg`, `charts/${c}.png`]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'cxsim-out-'));
  dirs.push(d);
  return join(d, 'nested', 'run'); // writeOutputs must create missing directories
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const listFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).replaceAll('\\', '/')).sort();

describe('writeOutputs', () => {
  // Written once and compared with a second writing below: each writing renders every chart (SVG and PNG) and the report.
  let first: { dir: string; files: string[] } | undefined;
  it('writes manifest, tables and charts, returning every path but the manifest', async () => {
    const dir = await tempDir();
    const { files } = await writeOutputs({ dir, scenario, results, manifest });
    first = { dir, files };
    expect(files).toEqual(['metrics.csv', 'metrics.parquet', 'summary.csv', 'summary.parquet', 'paired.csv', 'paired.parquet', 'runs.csv', 'runs.parquet', 'datapackage.json', ...CHART_FILES, 'report.html']); // synthetic runs without segment figures: no segments tables
    expect(await listFiles(dir)).toEqual(['manifest.json', ...files].sort());
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe(JSON.stringify(manifest, null, 2) + '\n');
    const spec = JSON.parse(await readFile(join(dir, 'charts/nps.vl.json'), 'utf8'));
    expect(spec.title.text).toContain(scenario.name);
    expect(await readFile(join(dir, 'charts/nps.svg'), 'utf8')).toMatch(/^<svg/);
    // A PNG at twice the SVG's size: the width in the IHDR chunk (bytes 16–19) is 2 × the SVG width.
    const png = await readFile(join(dir, 'charts/nps.png'));
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const svgWidth = Number(/^<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(await readFile(join(dir, 'charts/nps.svg'), 'utf8'))![1]);
    expect(png.readUInt32BE(16)).toBe(Math.round(2 * svgWidth));
  }, 30_000);

  it('gives byte-identical files for the same input', async () => {
    const a = first?.dir ?? (await tempDir());
    const files = first?.files ?? (await writeOutputs({ dir: a, scenario, results, manifest })).files;
    const b = await tempDir();
    await writeOutputs({ dir: b, scenario, results, manifest });
    // Buffer.equals, not toEqual: vitest's deep equality walks a megabyte buffer byte by byte (seconds).
    for (const f of ['manifest.json', ...files]) expect((await readFile(join(b, f))).equals(await readFile(join(a, f))), f).toBe(true);
    expect(await hashFiles(b, files)).toEqual(await hashFiles(a, files));
  }, 30_000);

  it('skips paired.csv with a single strategy, and the manifest can be rewritten with file hashes', async () => {
    const dir = await tempDir();
    const one = makeScenario({ strategies: 1 });
    const { files } = await writeOutputs({ dir, scenario: one, results: makeResults({ strategies: 1 }), manifest });
    expect(files).not.toContain('paired.csv');
    expect(files.filter((f) => f.startsWith('charts/paired') || f.startsWith('charts/tradeoff'))).toEqual([]);
    const withHashes = { ...manifest, files: await hashFiles(dir, files) };
    await writeManifest(dir, withHashes);
    const back = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(back.files.map((f: { path: string }) => f.path)).toEqual(files);
  }, 30_000);
});
