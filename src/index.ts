/**
 * The cxsim library for notebooks and scripts: load a scenario, run it (in parallel), sweep
 * parameters, and turn results into tidy rows and Vega-Lite charts. A short list of re-exports;
 * the modules named here document each function.
 *
 *   const scenario = loadScenario('scenarios/default.yaml', { days: 365 });
 *   const results = await runJobs(scenarioJobs(scenario));          // all cores, job order
 *   const rows = summaryRows(scenario, results);                    // mean and 95% interval
 *   const swept = await sweep(scenario, { parameters: { 'journey.processQuality': [0.97, 0.99] } });
 *   const svg = await renderSvg(sweepChart(swept, 'finalNps'));
 */

// Scenarios: files in, resolved strategies out (every default filled in).
export { loadScenario, parseScenarioText, type RunOptions as ScenarioOverrides } from './scenario/load.js';
export { ScenarioError, UserError } from './scenario/errors.js';
export type { Params, Scenario, ScenarioInput, Strategy } from './scenario/schema.js';

// Running: one thread (runScenario) or a pool of worker threads (runJobs), identical results.
export { runScenario } from './experiments/networkCache.js';
export { runJob, scenarioJobs, type Job } from './experiments/jobs.js';
export { defaultWorkers, JobsInterrupted, runJobs, type RunJobsOptions } from './experiments/pool.js';
export { openRunStore, runJobsResumable, type RunStore } from './experiments/resume.js';
// Beyond one machine: shards, and replications until intervals are narrow enough (the queue is the CLI's --queue and worker).
export { parseShard, shardIndices, type Shard } from './experiments/shard.js';
export { runToPrecision, type PrecisionTarget } from './experiments/precision.js';
export { holmAdjust } from './stats/holm.js';
export { METRICS, type MetricKey, type RunResult } from './model/metrics.js';

// Experiments: sweeps (grid or Latin hypercube over dotted parameter paths).
export { gridDesign, lhsDesign, type Dimension, type Level, type Values } from './experiments/design.js';
export { planSweep, sweep, type SweepOptions, type SweepPlan, type SweepPoint, type SweepResult } from './experiments/sweep.js';
export { sweepSpecSchema, type SweepSpec } from './experiments/sweepSpec.js';
// Sensitivity analysis and calibration over dotted parameter ranges, every point on the same seeds.
export { morris, morrisDesign, morrisAnalyse, morrisModel, type MorrisOptions, type MorrisResult, type ModelMorrisResult } from './experiments/morris.js';
export { sobol, sobolDesign, sobolAnalyse, sobolModel, type SobolOptions, type SobolResult } from './experiments/sobol.js';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from './experiments/nelderMead.js';
export { calibrate, calibratedScenarioText, type CalibrateOptions, type CalibrationResult, type CalibrationTarget } from './experiments/calibrate.js';
export { calibrationSpecSchema, type CalibrationSection } from './scenario/calibrationSchema.js';
// Verdicts: robust / leans / depends on X / not distinguishable, across seeds and parameter ranges.
export { verdicts, type Verdict, type VerdictOptions, type VerdictResult, type VerdictRow } from './experiments/verdicts.js';
export { evaluatePoints, findMetric, parseParamRange, resolveRanges, type EvaluationOptions, type MetricDef, type ParamRange, type Target } from './experiments/objective.js';
export { morrisTornado, sobolTornado } from './outputs/charts/tornado.js';
export { calibrationChart } from './outputs/charts/calibration.js';

// Tables: tidy rows for data frames.
export { metricsRows, pairedRows, summaryRows, type MetricRow, type PairedRow, type SummaryRow } from './outputs/tables.js';
export { sweepRows, sweepSummaryRows, type SweepRow, type SweepSummaryRow } from './outputs/sweepTables.js';
export { SUMMARY_METRICS, type SummaryMetricKey } from './outputs/summaryMetrics.js';
// Research tables (columns with types, titles and units) as Parquet, CSV and a data dictionary.
export { metricsTable, runsTable, summaryTable, pairedTable, type Layout } from './outputs/data/runTables.js';
export { sweepTable, sweepSummaryTable } from './outputs/data/sweepData.js';
export { parquetBytes, readParquet } from './outputs/data/parquet.js';
export { tableCsv } from './outputs/data/csv.js';
export { readRunsFromFolder } from './outputs/data/readRuns.js';
export { dataPackage } from './outputs/data/dictionary.js';
export type { Column, Table } from './outputs/data/table.js';

// Charts: Vega-Lite specs (each entry of CHARTS builds one from scenario and results), rendered to SVG headlessly.
export { CHARTS, type ChartEntry, type VlSpec } from './outputs/charts/index.js';
export { sweepChart } from './outputs/charts/sweep.js';
export { renderSvg } from './outputs/render.js';
export { svgToPng } from './outputs/png.js';
export { strategyColours, colourByName, currencyOf } from './outputs/palette.js';
// The self-contained report of an output folder (what `cxsim report` writes).
export { reportFromFolder } from './outputs/report/folder.js';
