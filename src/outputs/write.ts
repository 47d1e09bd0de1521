/** Writes a run's outputs to a directory: manifest, data tables (CSV, Parquet, data dictionary), each chart as Vega-Lite JSON, SVG and PNG, and report.html. */
import { writeFileIn } from '../files/folder.js';
import type { RunResult } from '../model/metrics.js';
import type { Scenario } from '../scenario/schema.js';
import { chartsFor } from './charts/index.js';
import { svgToPngAsync } from './png.js';
import { reportFromFolder } from './report/folder.js';
import { renderSvg } from './render.js';
import { DEFAULT_DATA, writeRunData, type DataOptions } from './data/writeData.js';

export interface WriteOutputsInput {
  dir: string;
  scenario: Scenario;
  results: readonly RunResult[];
  manifest: { cxsimVersion: string; command: readonly string[] };
  /** Formats and layout of the data tables (default: CSV and Parquet, wide). */
  data?: DataOptions;
}

const json = (x: unknown) => JSON.stringify(x, null, 2) + '\n';

/**
 * A writer of output files under `dir`: `put(path, text)` writes one (folders created as needed,
 * aside and renamed into place, never through a link: files/folder.ts) and records the path
 * (relative, forward slashes) in `files`, ready for hashFiles.
 */
export function outputWriter(dir: string): { files: string[]; put: (path: string, data: string | Uint8Array | Iterable<string>) => Promise<void> } {
  const files: string[] = [];
  return {
    files,
    put: async (path, data) => {
      writeFileIn(dir, path, data);
      files.push(path);
    },
  };
}

/** Writes manifest.json (2-space JSON plus newline) the same way; call again after adding file hashes. */
export async function writeManifest(dir: string, manifest: object): Promise<void> {
  writeFileIn(dir, 'manifest.json', json(manifest));
}

/**
 * Writes every output and returns the paths written besides manifest.json (relative to dir,
 * forward slashes), ready for hashFiles: the manifest cannot list its own hash.
 */
export async function writeOutputs({ dir, scenario, results, manifest, data = DEFAULT_DATA }: WriteOutputsInput): Promise<{ files: string[] }> {
  const { files, put } = outputWriter(dir);
  await writeManifest(dir, manifest);
  // metrics, summary, paired and runs as CSV and/or Parquet, and datapackage.json describing them.
  await writeRunData(put, scenario, results, data, { cxsimVersion: manifest.cxsimVersion, command: manifest.command });
  // PNGs render on worker threads while the next SVG is drawn; files are written in chart order.
  const rendered: { file: string; spec: object; svg: string; png: Promise<Buffer> }[] = [];
  for (const chart of chartsFor(scenario.strategies.length, scenario)) {
    const spec = chart.build(scenario, results);
    const svg = await renderSvg(spec);
    const png = svgToPngAsync(svg);
    png.catch(() => {}); // awaited below; no unhandled rejection in between
    rendered.push({ file: chart.file, spec, svg, png });
  }
  for (const r of rendered) {
    await put(`charts/${r.file}.vl.json`, json(r.spec));
    await put(`charts/${r.file}.svg`, r.svg);
    await put(`charts/${r.file}.png`, await r.png);
  }
  // Built from the files just written, exactly as `cxsim report` builds it later.
  await put('report.html', await reportFromFolder(dir, scenario));
  return { files };
}
