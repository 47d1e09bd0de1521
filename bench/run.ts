/**
 * `npm run bench`: the cxsim benchmark. Each workload runs in its own process (peak memory per
 * workload). Figures to compare are ratios measured in the same run, never absolute rates
 * (shared machines are noisy):
 *   - bass (benchmark.md): the engine against minimal hand-written loops, in one process;
 *   - the default scenario at 100,000 customers: this engine against the engine of BASELINE
 *     (the model before the model-core refactor), checked out in a temporary git worktree and
 *     run alternately with this one;
 *   - 1,000,000 customers × 730 days: time and peak memory against the targets;
 *   - sweep speed-up on 1 vs 2 worker threads.
 *
 *   npm run bench                       everything
 *   npm run bench -- --baseline <ref>   another baseline commit (default BASELINE)
 *   npm run bench -- --no-baseline      skip the side-by-side run
 *   npm run bench -- --only bass,default,million,sweep
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The model as of the issue that asked for a faster core: the reference for the default-scenario ratio. */
const BASELINE = 'aaaec65';
const ROUNDS = 3;

const { values } = parseArgs({ options: { baseline: { type: 'string', default: BASELINE }, 'no-baseline': { type: 'boolean', default: false }, only: { type: 'string' } } });
const only = values.only ? new Set(values.only.split(',')) : null;
const wanted = (part: string) => only === null || only.has(part);

const node = (script: string, ...args: string[]) =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop()!);
const M = (x: number) => `${(x / 1e6).toFixed(1)} M`;
const s = (x: number) => `${x.toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`cxsim benchmark — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ratios are measured in this run\n`);

if (wanted('bass')) {
  console.log('bass workload (benchmark.md): N = 100,000, p = 0.01, q = 0.3, T = 100; agent-steps per second of the stepping loop, after 3 warm-up runs, median of 7');
  for (const variant of ['network', 'mixed'] as const) {
    const r = node('bench/workloads.ts', `bass-${variant}`, '100000');
    console.log(`  ${variant.padEnd(8)} engine ${M(r.engineRate)}/s (${s(r.engineSeconds)})  reference, incremental ${M(r.referenceRate)}/s → ratio ${(r.engineRate / r.referenceRate).toFixed(2)} (target ≥ 0.80)` +
      (r.rescanRate ? `;  reference, rescanning ${M(r.rescanRate)}/s → ratio ${(r.engineRate / r.rescanRate).toFixed(2)}` : '') + `;  peak RSS ${r.peakRssMiB.toFixed(0)} MiB`);
  }
  console.log();
}

/** A temporary worktree of `ref` sharing this checkout's node_modules, or null with the reason. */
function checkout(ref: string): { root: string; remove: () => void } | string {
  const root = mkdtempSync(join(tmpdir(), 'cxsim-baseline-'));
  try {
    execFileSync('git', ['worktree', 'add', '--detach', '--force', root, ref], { stdio: 'ignore' });
    symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
    return { root, remove: () => execFileSync('git', ['worktree', 'remove', '--force', root], { stdio: 'ignore' }) };
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    return `could not check out ${ref} (${(e as Error).message.split('\n')[0]})`;
  }
}

if (wanted('default')) {
  const customers = 100_000, days = 365;
  console.log(`default scenario, baseline strategy, ${customers.toLocaleString('en')} customers (market ${(4 * customers).toLocaleString('en')}) × ${days} days, one replication, one thread; ${ROUNDS} rounds, alternating processes`);
  const base = values['no-baseline'] ? 'skipped (--no-baseline)' : checkout(values.baseline);
  const now: { seconds: number; customerDays: number; marketSize: number; peakRssMiB: number }[] = [], then: typeof now = [];
  try {
    for (let k = 0; k < ROUNDS; k++) {
      now.push(node('bench/workloads.ts', 'default', String(customers), String(days)));
      if (typeof base !== 'string') then.push(node('bench/baseline.ts', base.root, String(customers), String(days)));
    }
  } finally {
    if (typeof base !== 'string') base.remove();
  }
  const line = (label: string, runs: typeof now) => {
    const t = median(runs.map((r) => r.seconds));
    console.log(`  ${label.padEnd(22)} ${s(t)}: ${M(runs[0].customerDays / t)} customer-days/s, ${M((runs[0].marketSize * days) / t)} people-days/s; peak RSS ${Math.max(...runs.map((r) => r.peakRssMiB)).toFixed(0)} MiB`);
    return t;
  };
  const t = line('this engine', now);
  if (typeof base === 'string') console.log(`  baseline: ${base}`);
  else console.log(`  → ${(line(`baseline ${values.baseline}`, then) / t).toFixed(2)}× the baseline's throughput (target ≥ 2.0)`);
  console.log();
}

if (wanted('million')) {
  const r = node('bench/workloads.ts', 'default', '1000000', '730');
  console.log(`default scenario at 1,000,000 customers (market ${r.marketSize.toLocaleString('en')}, ${r.employees} employees) × 730 days, one replication, one thread`);
  console.log(`  ${s(r.seconds)} (target ≤ 120 s, stretch ≤ 60 s); network built in ${s(r.graphSeconds)}; ${M(r.customerDays / r.seconds)} customer-days/s, ${M((r.marketSize * 730) / r.seconds)} people-days/s; peak RSS ${r.peakRssMiB.toFixed(0)} MiB (target ≤ 1,536, stretch ≤ 1,024)\n`);
}

if (wanted('sweep')) {
  console.log('sweep speed-up: the same sweep (8 jobs: default scenario, 4 points × 2 replications) on 1 worker and on 2, in one process; the 2-worker time includes starting the pool');
  for (const [size, days] of [[5_000, 180], [20_000, 365]] as const) {
    const w = node('bench/workloads.ts', 'sweep-speedup', String(size), String(days));
    console.log(`  market ${size.toLocaleString('en')} × ${days} days: 1 worker ${s(w.oneWorkerSeconds)}, 2 workers ${s(w.twoWorkerSeconds)} → speed-up ${w.speedup.toFixed(2)}×`);
  }
}
