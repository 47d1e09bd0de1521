/** Writes a sweep's outputs: sweep.csv, sweep-summary.csv and the chart as Vega-Lite JSON and SVG, after the draft manifest. */
import type { SweepResult } from '../experiments/sweep.js';
import { sweepChart } from './charts/sweep.js';
import { renderSvg } from './render.js';
import type { SummaryMetricKey } from './summaryMetrics.js';
import { sweepCsv, sweepSummaryCsv } from './sweepTables.js';
import { outputWriter, writeManifest } from './write.js';

export interface WriteSweepInput {
  dir: string;
  result: SweepResult;
  /** The metric the chart shows. */
  metric: SummaryMetricKey;
  manifest: object;
}

/** Returns the paths written besides manifest.json (relative, forward slashes), ready for hashFiles. */
export async function writeSweepOutputs({ dir, result, metric, manifest }: WriteSweepInput): Promise<{ files: string[] }> {
  const { files, put } = outputWriter(dir);
  await writeManifest(dir, manifest);
  await put('sweep.csv', sweepCsv(result));
  await put('sweep-summary.csv', sweepSummaryCsv(result));
  const spec = sweepChart(result, metric);
  await put('charts/sweep.vl.json', JSON.stringify(spec, null, 2) + '\n');
  await put('charts/sweep.svg', await renderSvg(spec));
  return { files };
}
