/**
 * One benchmark workload per process (so peak memory is the workload's own): prints one JSON
 * line. Engine and reference loops run in the same process, interleaved, median of 3 each.
 * Usage: tsx bench/workloads.ts <bass-network|bass-mixed|default|sweep-speedup> [N] [days]
 */
import { loadScenario } from '../src/scenario/load.js';
import { deepMerge } from '../src/scenario/merge.js';
import { networkFor, simulate } from '../src/engine/simulate.js';
import { stream } from '../src/random/streams.js';
import type { Params } from '../src/scenario/schema.js';
import { planSweep } from '../src/experiments/sweep.js';
import { runJobs } from '../src/experiments/pool.js';
import { bassMixed, bassNetwork, bassNetworkRescan } from './reference.js';

const REPEATS = 3;
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
  const scenario = loadScenario('bass.yaml'.startsWith('/') ? 'bass.yaml' : 'scenarios/bass.yaml');
  const strategy = scenario.strategies[variant === 'network' ? 0 : 1];
  const params = deepMerge(strategy.params, { market: { size: n } }) as Params;
  const steps = scenario.days;
  const p = params.acquisition.organicInfluence, q = params.wom.advocacyInfluence;
  let t = now();
  const csr = networkFor(params, 1, 0);
  const graphSeconds = now() - t;
  const engine: number[] = [], incremental: number[] = [], rescan: number[] = [];
  for (let k = 0; k < REPEATS; k++) {
    engine.push(engineSeconds(params, steps, csr, k).seconds);
    t = now();
    if (csr) bassNetwork(csr, { p, q, steps }, stream(k, 'reference'));
    else bassMixed(n, { p, q, steps }, stream(k, 'reference'));
    incremental.push(now() - t);
    if (csr) {
      t = now();
      bassNetworkRescan(csr, { p, q, steps }, stream(k, 'reference'));
      rescan.push(now() - t);
    }
  }
  const agentSteps = n * steps;
  return {
    workload: `bass-${variant}`, n, steps, graphSeconds,
    engineSeconds: median(engine), referenceSeconds: median(incremental), rescanSeconds: csr ? median(rescan) : null,
    engineRate: agentSteps / median(engine), referenceRate: agentSteps / median(incremental), rescanRate: csr ? agentSteps / median(rescan) : null,
  };
}

function defaultScenario(customers: number) {
  const scenario = loadScenario('scenarios/default.yaml');
  const base = scenario.strategies[0].params;
  // Scale the market so the firm has `customers` customers at its default 25% share, marketing
  // and staff with it (2 employees per 5,000 customers).
  const scale = customers / base.market.initialCustomers;
  const params = deepMerge(base, {
    market: { size: base.market.size * scale, initialCustomers: customers },
    acquisition: { spendPerDay: base.acquisition.spendPerDay * scale },
    service: { employees: Math.round(base.service.employees * scale) },
  }) as Params;
  // The same market with the simple desk: what the contact centre costs, measured alongside.
  const simple = deepMerge(params, { service: { model: 'simple' } }) as Params;
  const days = 365;
  let t = now();
  const csr = networkFor(params, 1, 0);
  const graphSeconds = now() - t;
  const service: { seconds: number; customerDays: number }[] = [], market: { seconds: number; customerDays: number }[] = [];
  for (let k = 0; k < REPEATS; k++) {
    service.push(engineSeconds(params, days, csr, k));
    market.push(engineSeconds(simple, days, csr, k));
  }
  const rate = (runs: typeof service) => runs[0].customerDays / median(runs.map((r) => r.seconds));
  return {
    workload: 'default', customers, employees: params.service.employees, marketSize: params.market.size, days, graphSeconds,
    engineSeconds: median(service.map((r) => r.seconds)), customerDays: service[0].customerDays, customerDayRate: rate(service), simpleDeskRate: rate(market),
  };
}

/**
 * The same sweep (default scenario, market of `size` people at its 25 % share, 4 points × 2
 * replications = 8 jobs) on 1 worker and on 2, in this process; the 2-worker time includes
 * starting the pool, as a user's run does. Median of 3 each, interleaved.
 */
async function sweepSpeedup(size: number, days: number) {
  const scenario = { ...loadScenario('scenarios/default.yaml'), days, replications: 2 };
  const base = scenario.strategies[0].params;
  const scale = size / base.market.size;
  const { jobs } = planSweep(scenario, {
    parameters: { 'journey.processQuality': [0.97, 0.98, 0.99, 0.995], 'market.size': [size], 'market.initialCustomers': [Math.round(base.market.initialCustomers * scale)], 'acquisition.spendPerDay': [base.acquisition.spendPerDay * scale] },
  });
  const seconds: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let k = 0; k < REPEATS; k++) {
    for (const workers of [1, 2] as const) {
      const t = now();
      await runJobs(jobs, { workers });
      seconds[workers].push(now() - t);
    }
  }
  const one = median(seconds[1]), two = median(seconds[2]);
  return { workload: 'sweep-speedup', jobs: jobs.length, marketSize: size, days, oneWorkerSeconds: one, twoWorkerSeconds: two, speedup: one / two };
}

const [workload, nArg, daysArg] = process.argv.slice(2);
const n = Number(nArg ?? 100_000);
const result =
  workload === 'bass-network' ? bass('network', n)
  : workload === 'bass-mixed' ? bass('mixed', n)
  : workload === 'sweep-speedup' ? await sweepSpeedup(n, Number(daysArg ?? 180))
  : defaultScenario(n);
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ...result, peakRssMiB }));
