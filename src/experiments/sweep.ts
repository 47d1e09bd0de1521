/**
 * Parameter sweeps: a design (grid or Latin hypercube) over parameters named by dotted path,
 * each point laid over one strategy's parameters and validated, then every point × replication
 * run on the same seeds (common random numbers: differences between points are not seed noise).
 */
import type { RunResult } from '../model/metrics.js';
import { stream } from '../random/streams.js';
import { suggest } from '../scenario/describe.js';
import { UserError } from '../scenario/errors.js';
import type { Params, Scenario, Strategy } from '../scenario/schema.js';
import { gridDesign, gridSize, lhsDesign, type Dimension, type Level } from './design.js';
import type { Job } from './jobs.js';
import { applyPoint, describePoint, resolveParameter, type SweptParameter } from './paramPaths.js';
import { runJobs, type RunJobsOptions } from './pool.js';
import { runJobsResumable, type RunStore } from './resume.js';
import type { SweepSpec } from './sweepSpec.js';

export const DEFAULT_LHS_POINTS = 10;
const SHOWN_PROBLEMS = 10;

export interface SweepPoint {
  index: number;
  /** One value per swept parameter, in the order of SweepPlan.parameters. */
  values: Level[];
  params: Params;
}

export interface SweepPlan {
  scenario: Scenario;
  /** The strategy whose parameters the points vary. */
  strategy: Strategy;
  parameters: SweptParameter[];
  design: 'grid' | 'lhs';
  points: SweepPoint[];
  replications: number;
  /** Point-major: job p·replications + r is point p, replication r. */
  jobs: Job[];
}

export interface SweepResult extends Omit<SweepPlan, 'jobs'> {
  /** runs[point][replication]. */
  runs: RunResult[][];
}

export interface SweepOptions extends RunJobsOptions {
  /** Resume store: finished jobs are read from it and new ones appended (see resume.ts). */
  store?: RunStore;
}

/** How many runs a sweep will make (points × replications, points at most: rounding can merge grid levels), and of which strategy, without building its design. */
export function sweepSize(scenario: Scenario, spec: SweepSpec): { points: number; replications: number; strategy: Strategy } {
  const dims = Object.values(spec.parameters).map((values) => ({ values }));
  const points = (spec.design ?? 'grid') === 'grid' ? gridSize(dims, spec.levels) : (spec.points ?? DEFAULT_LHS_POINTS);
  return { points, replications: spec.replications ?? scenario.replications, strategy: findStrategy(scenario, spec.strategy) };
}

/** Resolves the spec into validated points and jobs; throws a UserError naming every bad parameter or point. */
export function planSweep(scenario: Scenario, spec: SweepSpec): SweepPlan {
  const strategy = findStrategy(scenario, spec.strategy);
  const paths = Object.keys(spec.parameters);
  const parameters = paths.map((p) => resolveParameter(p, strategy.params, spec.parameters[p]));
  const dims: Dimension[] = parameters.map((p) => ({ path: p.path, values: spec.parameters[p.path], integer: p.integer }));
  const design = spec.design ?? 'grid';
  const rows = design === 'grid' ? gridDesign(dims, spec.levels) : lhsDesign(dims, spec.points ?? DEFAULT_LHS_POINTS, stream(spec.seed ?? scenario.seed, 'sweep', 'lhs'));
  const points: SweepPoint[] = [];
  const problems: string[] = [];
  rows.forEach((values, index) => {
    const r = applyPoint(strategy.params, parameters, values);
    if (r.params) points.push({ index, values, params: r.params });
    else problems.push(`  point ${index} (${describePoint(parameters, values)}): ${r.problems.join('; ')}`);
  });
  if (problems.length > 0) {
    const more = problems.length > SHOWN_PROBLEMS ? [`  … and ${problems.length - SHOWN_PROBLEMS} more`] : [];
    throw new UserError([`${problems.length} of ${rows.length} sweep points are invalid parameters for strategy \`${strategy.name}\`:`, ...problems.slice(0, SHOWN_PROBLEMS), ...more].join('\n'));
  }
  const replications = spec.replications ?? scenario.replications;
  const jobs = points.flatMap((p) =>
    Array.from({ length: replications }, (_, replication) => ({ key: `point${p.index}|rep${replication}`, strategy: `point-${p.index}`, params: p.params, seed: scenario.seed, replication, days: scenario.days })),
  );
  return { scenario, strategy, parameters, design, points, replications, jobs };
}

/** Runs a sweep: plan, then every job (in parallel, resuming from opts.store when given). */
export async function sweep(scenario: Scenario, spec: SweepSpec, opts: SweepOptions = {}): Promise<SweepResult> {
  return runSweep(planSweep(scenario, spec), opts);
}

/** Runs a planned sweep and groups the results by point. */
export async function runSweep(plan: SweepPlan, opts: SweepOptions = {}): Promise<SweepResult> {
  const { store, ...runOpts } = opts;
  const results = store ? await runJobsResumable(plan.jobs, store, runOpts) : await runJobs(plan.jobs, runOpts);
  return collectSweep(plan, results);
}

/** Groups the results of plan.jobs (in job order) by point. */
export function collectSweep(plan: SweepPlan, results: readonly RunResult[]): SweepResult {
  const { jobs: _, ...rest } = plan;
  const runs = plan.points.map((_, p) => results.slice(p * plan.replications, (p + 1) * plan.replications));
  return { ...rest, runs };
}

function findStrategy(scenario: Scenario, name: string | undefined): Strategy {
  if (name === undefined) return scenario.strategies[0];
  const found = scenario.strategies.find((s) => s.name === name);
  if (found) return found;
  const known = scenario.strategies.map((s) => s.name);
  const close = suggest(name, known);
  throw new UserError(`no strategy \`${name}\` to sweep in scenario "${scenario.name}"${close ? `; did you mean \`${close}\`?` : ''} (strategies: ${known.join(', ')})`);
}
