/**
 * `cxsim sweep` end to end (node bin/cxsim.js spawned as a user would) on a tiny scenario, Ctrl-C
 * and resume, and `--workers` on compare: all spawns start together in beforeAll (the helper caps
 * parallelism), the tests only inspect the results.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_METRICS } from '../../src/outputs/summaryMetrics.js';
import { BIN, cli, differingFiles, listFiles, ROOT, sha256File, show, STACK_FRAME, type CliResult } from '../cli/helpers.js';
import { TINY_YAML } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-sweep-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SCENARIO = join(tmp, 'tiny.yaml');
writeFileSync(SCENARIO, TINY_YAML);
const out = (name: string) => join(tmp, name);
const SWEEP = ['sweep', SCENARIO, '--param', 'journey.processQuality=0.97,0.99', '--param', 'acquisition.spendPerDay=0:600:3', '--metric', 'cumulativeProfit'];

let grid: CliResult, again: CliResult, twoWorkers: CliResult, badPoint: CliResult;
let compare1: CliResult, compare2: CliResult, reproduce: CliResult;
let interrupted: { code: number | null; stderr: string; saved: number }, resumed: CliResult;

// 15 points × 2 replications of a larger market, long enough to be stopped half-way.
const LONG = ['sweep', SCENARIO, '--param', 'journey.processQuality=0.9:0.99:15', '--param', 'market.size=3000', '--days', '120', '--workers', '1', '--out', out('interrupted')];
const savedRuns = () => (existsSync(join(out('interrupted'), 'runs.jsonl')) ? readFileSync(join(out('interrupted'), 'runs.jsonl'), 'utf8').split('\n').length - 2 : 0);

/** Starts the long sweep, sends SIGINT (Ctrl-C) once two runs are saved, and waits for it to exit. */
function interruptLong(): Promise<typeof interrupted> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...LONG], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const poll = setInterval(() => savedRuns() >= 2 && (clearInterval(poll), child.kill('SIGINT')), 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stderr, saved: savedRuns() });
    });
  });
}

beforeAll(async () => {
  await Promise.all([
    cli(...SWEEP, '--out', out('grid')).then(async (r) => {
      grid = r;
      // One after the other: rerunning rewrites grid/, so a reproduce reading it meanwhile could see the draft manifest.
      again = await cli(...SWEEP, '--out', out('grid'));
      reproduce = await cli('reproduce', join(out('grid'), 'manifest.json'), '--out', out('reproduced'));
    }),
    cli(...SWEEP, '--workers', '2', '--quiet', '--out', out('grid-w2')).then((r) => (twoWorkers = r)),
    cli('sweep', SCENARIO, '--param', 'journey.processQuality=0.9,1.5', '--out', out('bad')).then((r) => (badPoint = r)),
    interruptLong().then(async (r) => {
      interrupted = r;
      resumed = await cli(...LONG);
    }),
    cli('compare', SCENARIO, '--workers', '1', '-q', '--out', out('compare-w1')).then((r) => (compare1 = r)),
    cli('compare', SCENARIO, '--workers', '2', '-q', '--out', out('compare-w2')).then((r) => (compare2 = r)),
  ]);
});

describe('cxsim sweep', () => {
  it('writes tidy tables, the chart and a manifest hashing them, and keeps the finished runs', () => {
    expect(grid.code, show(grid)).toBe(0);
    expect(listFiles(out('grid'))).toEqual(['charts/sweep.svg', 'charts/sweep.vl.json', 'datapackage.json', 'manifest.json', 'runs.jsonl', 'sweep-summary.csv', 'sweep-summary.parquet', 'sweep.csv', 'sweep.parquet']);
    const csv = readFileSync(join(out('grid'), 'sweep.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('point,journey.processQuality,acquisition.spendPerDay,replication,metric,value');
    expect(csv).toHaveLength(1 + 6 * 2 * SUMMARY_METRICS.length);
    expect(csv[1]).toMatch(/^0,0\.97,0,0,finalNps,-?\d/);
    const summary = readFileSync(join(out('grid'), 'sweep-summary.csv'), 'utf8').split('\n');
    expect(summary[0]).toBe('point,journey.processQuality,acquisition.spendPerDay,metric,mean,lo95,hi95,sd,n');
    const manifest = JSON.parse(readFileSync(join(out('grid'), 'manifest.json'), 'utf8'));
    expect(manifest.command).toEqual(['sweep']);
    expect(manifest.sweep).toMatchObject({ design: 'grid', strategy: 'baseline', metric: 'cumulativeProfit', replications: 2, parameters: { 'journey.processQuality': [0.97, 0.99] } });
    for (const f of manifest.files) expect(sha256File(join(out('grid'), f.path)), f.path).toBe(f.sha256);
    expect(grid.stdout).toContain('Cumulative profit (€)');
    expect(readFileSync(join(out('grid'), 'charts', 'sweep.vl.json'), 'utf8')).toContain('"rect"');
  });

  it('gives the same bytes on two workers, and resumes a finished sweep without rerunning it', () => {
    expect(twoWorkers.code, show(twoWorkers)).toBe(0);
    // runs.jsonl lists runs in the order they finished, which may differ between pools.
    expect(differingFiles(out('grid'), out('grid-w2')).filter((f) => f !== 'runs.jsonl')).toEqual([]);
    expect(again.code, show(again)).toBe(0);
    expect(again.stderr).toContain('12 of 12 runs already finished');
    expect(reproduce.code, show(reproduce)).toBe(0);
    expect(reproduce.stdout).toMatch(/all 7 files reproduced byte for byte/);
  });

  it('explains an invalid point on one line, without a stack trace', () => {
    expect(badPoint.code).toBe(1);
    expect(badPoint.stderr).toContain('point 1 (journey.processQuality=1.5): journey.processQuality: expected a number between 0 and 1, got 1.5');
    expect(badPoint.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('Ctrl-C', () => {
  it('stops a sweep with exit code 130, keeps the finished runs, says how to resume; the same command resumes', () => {
    expect(interrupted.code, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).toMatch(/interrupted: \d+ of 30 runs finished and saved in .*runs\.jsonl; run the same command again to resume:\n {2}cxsim sweep /);
    expect(interrupted.saved).toBeGreaterThanOrEqual(2);
    expect(interrupted.saved).toBeLessThan(30);
    expect(resumed.code, show(resumed)).toBe(0);
    expect(resumed.stderr).toContain(`resuming from ${join(out('interrupted'), 'runs.jsonl')} (${interrupted.saved} of 30 runs already finished)`);
    expect(savedRuns()).toBe(30);
  });
});

describe('cxsim compare --workers', () => {
  it('writes byte-identical outputs on one and two workers, and leaves no store behind', () => {
    expect(compare1.code, show(compare1)).toBe(0);
    expect(compare2.code, show(compare2)).toBe(0);
    expect(differingFiles(out('compare-w1'), out('compare-w2'))).toEqual([]);
    expect(listFiles(out('compare-w2'))).not.toContain('runs.jsonl');
  });
});
