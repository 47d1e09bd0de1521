/** What `cxsim sweep` and `cxsim reproduce` (of a sweep's manifest) share: plan, run with resume, write outputs and manifest, print. */
import { join } from 'node:path';
import { collectSweep, planSweep, sweepSize, type SweepResult } from '../experiments/sweep.js';
import type { SweepSpec } from '../experiments/sweepSpec.js';
import { buildManifest, hashFiles, type Manifest } from '../outputs/manifest.js';
import { SUMMARY_METRICS, type SummaryMetricKey } from '../outputs/summaryMetrics.js';
import { formatSweepTable } from '../outputs/sweepTables.js';
import { writeSweepOutputs } from '../outputs/sweepWrite.js';
import { writeManifest } from '../outputs/write.js';
import { toScenarioFile } from '../scenario/normalize.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import { modelHash } from '../experiments/modelHash.js';
import { findMetric } from '../experiments/objective.js';
import { checkCount, checkJobs, largestCase } from './budget.js';
import { inOutputFolder, runStored } from './experiment.js';
import type { DataOptions } from '../outputs/data/writeData.js';
import type { RunSource } from './sources.js';
import type { Io } from './io.js';

export const DEFAULT_METRIC: SummaryMetricKey = 'finalNps';

export interface SweepExecution {
  scenario: Scenario;
  spec: SweepSpec;
  dir: string;
  quiet: boolean;
  workers?: number;
  fresh?: boolean;
  /** Run past the time estimate's limit (never past memory). */
  force?: boolean;
  /** Where the runs come from (sources.ts). */
  source?: RunSource;
  /** Formats and layout of the data tables (default CSV and Parquet, long). */
  data?: DataOptions;
}

/** A sweep's manifest: the usual one, plus the sweep as run (every default spelled out) to rerun or reproduce it. */
export type SweepManifest = Manifest & { sweep: SweepSpec };

/** The summary metric called `metric`, or a UserError suggesting what was meant (`nps` → finalNps). */
export function checkMetric(metric: string): SummaryMetricKey {
  return findMetric(metric, SUMMARY_METRICS).key as SummaryMetricKey;
}

export async function executeSweep(io: Io, x: SweepExecution): Promise<{ result: SweepResult; manifest: SweepManifest }> {
  const { scenario } = x;
  const metric = checkMetric(x.spec.metric ?? DEFAULT_METRIC);
  // A design too large to hold is refused before it is built (a 0:1:1e9 grid), the jobs once they are.
  const size = sweepSize(scenario, x.spec);
  const budget = { workers: x.workers, force: x.force, quiet: x.quiet, what: 'this sweep' };
  const tops = Object.entries(x.spec.parameters).map(([path, v]) => ({ path, max: Array.isArray(v) ? Math.max(...v.filter((l): l is number => typeof l === 'number')) : (v as { max: number }).max }));
  checkCount(size.points * size.replications, largestCase(size.strategy.params, tops), scenario.days, budget);
  const plan = planSweep(scenario, x.spec);
  const workers = checkJobs(io, plan.jobs, budget);
  const spec: SweepSpec = { ...x.spec, design: plan.design, strategy: plan.strategy.name, metric, replications: plan.replications };
  const draft: SweepManifest = {
    ...buildManifest({ scenarioFile: toScenarioFile(scenario), command: ['sweep'], cxsimVersion: VERSION, modelHash: modelHash(), seed: scenario.seed, days: scenario.days, replications: plan.replications, strategies: [plan.strategy.name] }),
    sweep: spec,
  };
  // The store is kept: rerunning with another --metric reads every run back.
  return inOutputFolder(io, x.dir, async (writing) => {
    const { results } = await runStored(io, { jobs: plan.jobs, dir: x.dir, scenarioHash: draft.scenarioHash, fresh: x.fresh ?? false, workers, quiet: x.quiet, label: 'cxsim sweep', source: x.source, draft });
    writing();
    const result = collectSweep(plan, results);
    const { files } = await writeSweepOutputs({ dir: x.dir, result, metric, manifest: draft, data: x.data });
    const manifest = { ...draft, files: await hashFiles(x.dir, files) };
    await writeManifest(x.dir, manifest);
    if (!x.quiet) {
      io.out(formatSweepTable(result, metric));
      const kept = x.source?.kind === 'merge' ? '' : '; finished runs kept in runs.jsonl, so rerunning with another --metric costs no simulation';
      io.out(`Wrote ${files.length + 1} files to ${x.dir}/ (chart in ${join(x.dir, 'charts')}/${kept}).`);
    }
    return { result, manifest };
  });
}
