/**
 * One benchmark workload per process (so peak memory is the workload's own): prints one JSON
 * line. Engine and reference loops run in the same process, interleaved, after WARM_UP untimed
 * runs each (both are measured at steady state, JIT-compiled), median of REPEATS.
 * Usage: tsx bench/workloads.ts <bass-network|bass-mixed|default> [N] [days]
 *        tsx bench/workloads.ts sweep <market size> <days> <workers> <auto|always>
 */
import { loadScenario } from '../src/scenario/load.js';
import { deepMerge } from '../src/scenario/merge.js';
import { networkFor, simulate } from '../src/engine/simulate.js';
import { stream } from '../src/random/streams.js';
import type { Params } from '../src/scenario/schema.js';
import { planSweep } from '../src/experiments/sweep.js';
import { defaultWorkers, runJobs } from '../src/experiments/pool.js';
import { loadCalibration } from '../src/experiments/poolCost.js';
import { bassMixed, bassNetwork, bassNetworkRescan } from './reference.js';
import { scaledDefault } from './scale.js';

const REPEATS = 7;
const WARM_UP = 3; // untimed runs first: the engine has more code for the JIT to compile than the reference loops
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => performance.now() / 1000;

/** Seconds of the engine's day loop alone (network and population built before the clock starts). */
function engineSeconds(params: Params, days: number, network: ReturnType<typeof networkFor>, rep: number): { seconds: number; customerDays: number } {
  let start = 0;
  const r = simulate({ strategy: 'bench', params, seed: 1, replication: rep, days, network, onReady: () => { start = now(); } });
  const seconds = now() - start;
  let customerDays = 0;
  for (let d = 1; d <= days; d++) customerDays += r.series.customers[d - 1];
  return { seconds, customerDays };
}

function bass(variant: 'network' | 'mixed', n: number) {
  const scenario = loadScenario('scenarios/bass.yaml');
  const strategy = scenario.strategies[variant === 'network' ? 0 : 1];
  const params = deepMerge(strategy.params, { market: { size: n } }) as Params;
  const steps = scenario.days;
  const p = params.acquisition.organicInfluence, q = params.wom.advocacyInfluence;
  let t = now();
  const csr = networkFor(params, 1, 0);
  const graphSeconds = now() - t;
  const engine: number[] = [], incremental: number[] = [], rescan: number[] = [];
  for (let k = -WARM_UP; k < REPEATS; k++) {
    const e = engineSeconds(params, steps, csr, k + WARM_UP).seconds;
    t = now();
    if (csr) bassNetwork(csr, { p, q, steps }, stream(k, 'reference'));
    else bassMixed(n, { p, q, steps }, stream(k, 'reference'));
    const ref = now() - t;
    let res = 0;
    if (csr) {
      t = now();
      bassNetworkRescan(csr, { p, q, steps }, stream(k, 'reference'));
      res = now() - t;
    }
    if (k < 0) continue; // warm-up
    engine.push(e);
    incremental.push(ref);
    if (csr) rescan.push(res);
  }
  const agentSteps = n * steps;
  return {
    workload: `bass-${variant}`, n, steps, graphSeconds,
    engineSeconds: median(engine), referenceSeconds: median(incremental), rescanSeconds: csr ? median(rescan) : null,
    engineRate: agentSteps / median(engine), referenceRate: agentSteps / median(incremental), rescanRate: csr ? agentSteps / median(rescan) : null,
  };
}

/** One run of the default scenario scaled to `customers` (bench/scale.ts), timed without the network build. */
function defaultScenario(customers: number, days: number) {
  const params = scaledDefault(loadScenario('scenarios/default.yaml').strategies[0].params, customers, deepMerge) as Params;
  const t = now();
  const csr = networkFor(params, 1, 0);
  const graphSeconds = now() - t;
  const run = engineSeconds(params, days, csr, 0);
  return { workload: 'default', customers, employees: params.service.employees, marketSize: params.market.size, days, graphSeconds, seconds: run.seconds, customerDays: run.customerDays };
}

/**
 * One run of a sweep (default scenario, market of `size` people at its 25 % share, 4 points ×
 * 4 replications = 16 jobs) in this fresh process, as a user's `cxsim sweep` runs it: the time
 * includes starting the pool, and no thread is warm from an earlier round. `threads`: 'auto'
 * lets runJobs decide from its measured costs, 'always' forces the pool.
 */
async function sweepOnce(size: number, days: number, workers: number, threads: 'auto' | 'always') {
  const scenario = { ...loadScenario('scenarios/default.yaml'), days, replications: 4 };
  const base = scenario.strategies[0].params;
  const scale = size / base.market.size;
  const { jobs } = planSweep(scenario, {
    parameters: { 'journey.processQuality': [0.97, 0.98, 0.99, 0.995], 'market.size': [size], 'market.initialCustomers': [Math.round(base.market.initialCustomers * scale)], 'acquisition.spendPerDay': [base.acquisition.spendPerDay * scale] },
  });
  const lanes = threads === 'always' ? Math.min(workers, jobs.length) : defaultWorkers(jobs, workers);
  const t = now();
  await runJobs(jobs, { workers, threads });
  return { workload: 'sweep', jobs: jobs.length, marketSize: size, days, workers, threads, lanes, seconds: now() - t, calibration: loadCalibration() };
}

const [workload, nArg, daysArg] = process.argv.slice(2);
const n = Number(nArg ?? 100_000);
const result =
  workload === 'bass-network' ? bass('network', n)
  : workload === 'bass-mixed' ? bass('mixed', n)
  : workload === 'sweep' ? await sweepOnce(n, Number(daysArg ?? 180), Number(process.argv[5] ?? 1), (process.argv[6] ?? 'auto') as 'auto' | 'always')
  : defaultScenario(n, Number(daysArg ?? 365));
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ...result, peakRssMiB }));
