/**
 * `npm run bench`: the cxsim benchmark. Each workload runs in its own process (peak memory per
 * workload). Figures to compare are ratios measured in the same run, never absolute rates
 * (shared machines are noisy):
 *   - bass (benchmark.md): the engine against minimal hand-written loops, in one process;
 *   - the default scenario at 100,000 customers: this engine against the engine of BASELINE
 *     (the model before the model-core refactor), checked out in a temporary git worktree and
 *     run alternately with this one;
 *   - 1,000,000 customers × 730 days: time and peak memory against the targets;
 *   - start-up of the compiled CLI (--version, validate) as a ratio to `node -e 0`;
 *   - sweep speed-up on 1 vs 2 worker threads, each in a fresh process.
 *
 *   npm run bench                       everything
 *   npm run bench -- --baseline <ref>   another baseline commit (default BASELINE)
 *   npm run bench -- --no-baseline      skip the side-by-side run
 *   npm run bench -- --only bass,default,million,startup,sweep
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
  console.log(`bass workload (benchmark.md): N = 100,000, p = 0.01, q = 0.3, T = 100; agent-steps per second of the stepping loop, after 3 warm-up runs, median of 7, in each of ${ROUNDS} processes; the ratio is the median of the processes' ratios (range in brackets)`);
  for (const variant of ['network', 'mixed'] as const) {
    const rounds = Array.from({ length: ROUNDS }, () => node('bench/workloads.ts', `bass-${variant}`, '100000'));
    const ratios = rounds.map((r) => r.engineRate / r.referenceRate), rescans = rounds.map((r) => (r.rescanRate ? r.engineRate / r.rescanRate : NaN));
    const r = rounds[ratios.indexOf(median(ratios))];
    const range = `[${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}]`;
    console.log(`  ${variant.padEnd(8)} engine ${M(r.engineRate)}/s (${s(r.engineSeconds)})  reference, incremental ${M(r.referenceRate)}/s → ratio ${median(ratios).toFixed(2)} ${range} (target ≥ 0.80)` +
      (r.rescanRate ? `;  reference, rescanning ${M(r.rescanRate)}/s → ratio ${median(rescans).toFixed(2)}` : '') + `;  peak RSS ${Math.max(...rounds.map((x) => x.peakRssMiB)).toFixed(0)} MiB`);
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

if (wanted('startup')) {
  // The compiled CLI, as installed: build dist/ first when the sources are newer.
  const fresh = () => execFileSync(process.execPath, ['--input-type=module', '-e', "process.stdout.write(String((await import('./scripts/build.mjs')).distIsFresh()))"], { encoding: 'utf8' }) === 'true';
  if (!fresh()) execFileSync(process.execPath, ['scripts/build.mjs', '--no-types'], { stdio: 'ignore' });
  const spawnSeconds = (args: string[]) => {
    const t = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    return (performance.now() - t) / 1000;
  };
  const cases = { node: ['-e', '0'], version: ['bin/cxsim.js', '--version'], validate: ['bin/cxsim.js', 'validate', 'scenarios/default.yaml'], help: ['bin/cxsim.js', '--help'] };
  const times: Record<string, number[]> = {};
  for (let k = 0; k < 7; k++) for (const [name, args] of Object.entries(cases)) (times[name] ??= []).push(spawnSeconds(args));
  const t = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  console.log('start-up of the compiled CLI (bin/cxsim.js → dist/), process spawn to exit, median of 7, alternating');
  console.log(`  node -e 0 ${s(t.node)};  cxsim --version ${s(t.version)} = ${(t.version / t.node).toFixed(1)}× node;  cxsim validate scenarios/default.yaml ${s(t.validate)} = ${(t.validate / t.node).toFixed(1)}× node;  cxsim --help ${s(t.help)} = ${(t.help / t.node).toFixed(1)}× node  (target: well under 0.5 s)\n`);
}

if (wanted('sweep')) {
  console.log(`sweep speed-up: one sweep (default scenario, 4 points × 4 replications = 16 jobs), each run in a fresh process as \`cxsim sweep\` runs it (pool start included, no thread warm from an earlier round); ${ROUNDS} rounds, alternating, medians`);
  console.log('  "2 workers" lets runJobs choose threads or one thread from its measured costs (what users get); "pool forced" always starts two threads');
  for (const [size, days] of [[5_000, 180], [20_000, 365]] as const) {
    const runs: Record<string, { seconds: number; lanes: number; calibration: { startSeconds: Record<string, number>; rate: Record<string, number> } }[]> = { one: [], auto: [], forced: [] };
    for (let k = 0; k < ROUNDS; k++) {
      runs.one.push(node('bench/workloads.ts', 'sweep', String(size), String(days), '1', 'auto'));
      runs.auto.push(node('bench/workloads.ts', 'sweep', String(size), String(days), '2', 'auto'));
      runs.forced.push(node('bench/workloads.ts', 'sweep', String(size), String(days), '2', 'always'));
    }
    const t = (xs: { seconds: number }[]) => median(xs.map((x) => x.seconds));
    const [one, auto, forced] = [t(runs.one), t(runs.auto), t(runs.forced)];
    const chose = [...new Set(runs.auto.map((r) => (r.lanes > 1 ? `${r.lanes} threads` : 'one thread')))].join(' / ');
    console.log(`  market ${size.toLocaleString('en')} × ${days} days: 1 worker ${s(one)}; 2 workers ${s(auto)} (chose ${chose}) → speed-up ${(one / auto).toFixed(2)}× (target ≥ 1.0${size === 20_000 ? '; ≥ 1.7 on an idle machine' : ''}); pool forced ${s(forced)} → ${(one / forced).toFixed(2)}×`);
  }
  const cal = (JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('./src/experiments/poolCost.ts').then((m) => console.log(JSON.stringify(m.loadCalibration())))"], { encoding: 'utf8' }).trim()));
  const rate = (n: string) => (cal.rate[n] ? `${M(cal.rate[n])}/s` : 'not measured');
  console.log(`  measured on this machine (~/.cache/cxsim/pool.json): pool of 2 starts in ${cal.startSeconds['2']?.toFixed(2) ?? '?'} s; one thread alone ${rate('1')} person-days, each of 2 threads ${rate('2')}`);
  console.log();
}
