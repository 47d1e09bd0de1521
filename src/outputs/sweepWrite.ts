/** Writes a sweep's outputs after the draft manifest: sweep and sweep-summary (CSV and/or Parquet, datapackage.json), and the chart as Vega-Lite JSON and SVG. */
import type { SweepResult } from '../experiments/sweep.js';
import { sweepChart } from './charts/sweep.js';
import { writeSweepData } from './data/sweepData.js';
import type { DataOptions } from './data/writeData.js';
import { renderSvg } from './render.js';
import type { SummaryMetricKey } from './summaryMetrics.js';
import { outputWriter, writeManifest } from './write.js';

export interface WriteSweepInput {
  dir: string;
  result: SweepResult;
  /** The metric the chart shows. */
  metric: SummaryMetricKey;
  manifest: { cxsimVersion: string; command: readonly string[] };
  /** Formats and layout of the data (default: CSV and Parquet, long as sweep.csv always was). */
  data?: DataOptions;
}

/** Returns the paths written besides manifest.json (relative, forward slashes), ready for hashFiles. */
export async function writeSweepOutputs({ dir, result, metric, manifest, data = { formats: ['csv', 'parquet'], layout: 'long' } }: WriteSweepInput): Promise<{ files: string[] }> {
  const { files, put } = outputWriter(dir);
  await writeManifest(dir, manifest);
  await writeSweepData(put, result, data, { cxsimVersion: manifest.cxsimVersion, command: manifest.command });
  const spec = sweepChart(result, metric);
  await put('charts/sweep.vl.json', JSON.stringify(spec, null, 2) + '\n');
  await put('charts/sweep.svg', await renderSvg(spec));
  return { files };
}
