/**
 * Flags of the commands that run experiments, beyond options.ts: where the runs come from
 * (--shard, --queue), --precision and its cap, and the data's --format and --layout. Kept apart
 * from options.ts so `cxsim validate` (which shares the overrides) loads none of this.
 */
import type { Argv } from 'yargs';
import { findMetric, type MetricDef } from '../../experiments/objective.js';
import type { PrecisionTarget } from '../../experiments/precision.js';
import { parseQueueUrl } from '../../experiments/queueAddress.js';
import { parseShard } from '../../experiments/shard.js';
import type { DataFormat } from '../../outputs/data/dictionary.js';
import type { Layout } from '../../outputs/data/runTables.js';
import type { DataOptions } from '../../outputs/data/writeData.js';
import { SUMMARY_METRICS } from '../../outputs/summaryMetrics.js';
import { UserError } from '../../scenario/errors.js';
import { checkNumber, numberOption } from '../flags.js';
import { sourceOf, type RunSource } from '../sources.js';
import type { SimulateArgs } from './options.js';

/** Where runs come from: --shard K/N or --queue URL (sources.ts); the commands that simulate all take them. */
export function sourceOptions<T>(y: Argv<T>) {
  return y
    .option('shard', { type: 'string', requiresArg: true, describe: 'Run only shard K of N (K from 0) and keep its runs for `cxsim merge`; `--shard N` takes K from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX' })
    .option('queue', { type: 'string', requiresArg: true, describe: 'Send the runs to a BullMQ queue on Redis (redis://host:port) for `cxsim worker` processes on any machines; resumable' });
}

/** --precision and its cap: replications added until intervals are narrow enough. */
export function precisionOptions<T>(y: Argv<T>) {
  return y
    .option('precision', { type: 'string', array: true, requiresArg: true, describe: 'METRIC=HALFWIDTH: add replications until the 95% interval of each strategy\'s difference to the baseline (or each mean) on METRIC is at most ±HALFWIDTH (repeatable)' })
    .option('max-replications', numberOption('max-replications', { integer: true, min: 2 }, 'The most replications --precision may run (default 200)'));
}

/** --format and --layout of the research data (Parquet, CSV). */
export function dataOptions<T>(y: Argv<T>, defaultLayout: Layout) {
  return y
    .option('format', { type: 'string', requiresArg: true, describe: 'Data files: csv, parquet or csv,parquet (default); the small tables the report reads are always CSV too' })
    .option('layout', { choices: ['wide', 'long'] as const, describe: `Daily metrics one column per metric (wide) or one row per metric value (long, tidy); default ${defaultLayout}` });
}

export function sourceFrom(argv: { shard?: string; queue?: string }): RunSource {
  if (argv.queue !== undefined) parseQueueUrl(argv.queue);
  return sourceOf({ shard: argv.shard === undefined ? undefined : parseShard(argv.shard), queue: argv.queue });
}

export const DEFAULT_MAX_REPLICATIONS = 200;

/** The --precision targets (summary metrics with a half-width > 0), or undefined without the flag. */
export function precisionFrom(argv: { precision?: string[] }, metrics: readonly MetricDef[] = SUMMARY_METRICS): PrecisionTarget[] | undefined {
  if (!argv.precision?.length) return undefined;
  return argv.precision.map((text) => {
    const eq = text.indexOf('=');
    if (eq < 1) throw new UserError(`--precision: expected METRIC=HALFWIDTH, e.g. finalNps=1.5, got \`${text}\``);
    const metric = findMetric(text.slice(0, eq), metrics);
    return { metric, halfWidth: checkNumber('precision', text.slice(eq + 1), { min: Number.MIN_VALUE }) };
  });
}

export function dataFrom(argv: { format?: string; layout?: string }, defaultLayout: Layout): DataOptions {
  const formats = (argv.format ?? 'csv,parquet').split(',').map((f) => f.trim());
  for (const f of formats) if (f !== 'csv' && f !== 'parquet') throw new UserError(`--format: expected csv, parquet or csv,parquet, got \`${argv.format}\``);
  return { formats: [...new Set(formats)] as DataFormat[], layout: (argv.layout as Layout | undefined) ?? defaultLayout };
}

/** What compare and run pass on from the flags: the run source, the data formats, --precision and its cap. */
export function experimentSettings(argv: SimulateArgs) {
  const targets = precisionFrom(argv);
  return { source: sourceFrom(argv), data: dataFrom(argv, 'wide'), ...(targets && { precision: { targets, cap: argv['max-replications'] ?? DEFAULT_MAX_REPLICATIONS } }) };
}
