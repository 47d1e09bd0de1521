/**
 * `npm run bench`: the cxsim benchmark. Each workload runs in its own process (peak memory per
 * workload); engine and the minimal reference loops are timed in the same process, so the
 * figures to compare are the ratios, not the absolute rates (shared machines are noisy).
 *   npm run bench               N = 100,000 (the benchmark's reference size)
 *   npm run bench -- 1000000    another N for the bass workloads
 * The sweep speed-up runs one small sweep on 1 and on 2 worker threads in one process.
 */
import { execFileSync } from 'node:child_process';

const n = Number(process.argv[2] ?? 100_000);
const run = (...args: string[]) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/workloads.ts', ...args], { encoding: 'utf8' }).trim().split('\n').pop()!);
const M = (x: number) => `${(x / 1e6).toFixed(1)} M`;
const s = (x: number) => `${x.toFixed(3)} s`;

console.log(`cxsim benchmark — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; medians of 3; ratios are engine ÷ reference rate\n`);
console.log(`bass workload (benchmark.md): N = ${n.toLocaleString('en')}, p = 0.01, q = 0.3, T = 100, agent-steps per second of the stepping loop`);
for (const variant of ['network', 'mixed'] as const) {
  const r = run(`bass-${variant}`, String(n));
  console.log(`  ${variant.padEnd(8)} engine ${M(r.engineRate)}/s (${s(r.engineSeconds)})  reference, incremental ${M(r.referenceRate)}/s → ratio ${(r.engineRate / r.referenceRate).toFixed(2)}` +
    (r.rescanRate ? `;  reference, rescanning ${M(r.rescanRate)}/s → ratio ${(r.engineRate / r.rescanRate).toFixed(2)}` : '') +
    (r.graphSeconds > 0.001 ? `;  graph built in ${s(r.graphSeconds)}` : '') + `;  peak RSS ${r.peakRssMiB.toFixed(0)} MiB`);
}
const d = run('default', '100000');
console.log(`\ndefault scenario, baseline, ${d.customers.toLocaleString('en')} customers (market ${d.marketSize.toLocaleString('en')}, ${d.employees} employees) × ${d.days} days, one replication, one thread`);
console.log(`  ${M(d.customerDayRate)} customer-days/s with the contact centre (${s(d.engineSeconds)} for ${M(d.customerDays)} customer-days; graph ${s(d.graphSeconds)}); peak RSS ${d.peakRssMiB.toFixed(0)} MiB`);
console.log(`  ${M(d.simpleDeskRate)} customer-days/s for the same market with the simple desk → the service model runs at ${(d.customerDayRate / d.simpleDeskRate).toFixed(2)} of it`);

console.log(`\nsweep speed-up: the same sweep (8 jobs: default scenario, 4 points × 2 replications) on 1 worker and on 2, in one process; the 2-worker time includes starting the pool`);
for (const [size, days] of [[5_000, 180], [20_000, 365]] as const) {
  const w = run('sweep-speedup', String(size), String(days));
  console.log(`  market ${size.toLocaleString('en')} × ${days} days: 1 worker ${s(w.oneWorkerSeconds)}, 2 workers ${s(w.twoWorkerSeconds)} → speed-up ${w.speedup.toFixed(2)}×`);
}
