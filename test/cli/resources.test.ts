/**
 * Resources: estimated before running, refused clearly when this machine cannot hold them (never
 * overridden) or when they would take hours (unless --force), worker threads capped at the cores.
 * Nothing here runs the large experiments: each is refused within a second, before any file is written.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioJobs } from '../../src/experiments/jobs.js';
import { BYTES_PER_LINK, bytesPerPerson, BYTES_PER_RESULT_DAY, ENGINE_BYTES_PER_PERSON, capWorkers, checkResources, estimateJobs, fmtDuration, MAX_LINKS, PERSON_DAYS_PER_SECOND, TIME_LIMIT_S } from '../../src/experiments/resources.js';
import { METRIC_KEYS } from '../../src/model/metrics.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { cli, differingFiles, listFiles, show } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-resources-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const scenarioFile = (name: string, ...lines: string[]) => {
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, ['name: Resources', ...lines, ''].join('\n'));
  return file;
};
const HUGE = scenarioFile('huge', 'market: { size: 100000000, initialCustomers: 1000 }');
const LONG = scenarioFile('long', 'days: 36500', 'replications: 1', 'market: { size: 1000000, initialCustomers: 1000 }');
const TINY = scenarioFile('tiny', 'days: 10', 'replications: 2', 'market: { size: 300, initialCustomers: 50 }');
const MEMORY = /^cxsim: this compare needs about [\d.]+ GiB of memory \(.*\); this machine can give it [\d.]+ GiB\. Make it smaller \(market\.size, days, replications, the number of points\), or run it on a larger machine; --force does not override memory\n$/;

describe('the estimate', () => {
  it('counts people, network links and kept results with the documented figures', () => {
    const s = parseScenarioText(['name: E', 'days: 99', 'replications: 3', 'market: { size: 50000, initialCustomers: 10 }', 'wom: { network: { meanDegree: 20 } }'].join('\n'), 'e.yaml');
    const e = estimateJobs(scenarioJobs(s), 1);
    expect(BYTES_PER_RESULT_DAY).toBe(8 * METRIC_KEYS.length);
    expect(e.parts[0].bytes).toBe(50_000 * bytesPerPerson(true) + 50_000 * 20 * BYTES_PER_LINK);
    // The registry's columns (16 B more with network counts) plus the engine's lists: at least the population's own 9 B.
    expect(bytesPerPerson(true) - bytesPerPerson(false)).toBe(16);
    expect(bytesPerPerson(false)).toBeGreaterThanOrEqual(9 + ENGINE_BYTES_PER_PERSON);
    expect(e.parts[1].bytes).toBeGreaterThanOrEqual(3 * 100 * BYTES_PER_RESULT_DAY);
    expect(e.seconds).toBeCloseTo((3 * 50_000 * 99) / PERSON_DAYS_PER_SECOND, 6);
    expect(fmtDuration(3 * 3600)).toBe('3.0 hours');
  });

  it('refuses memory even with force, refuses time unless force, and names a network past 32-bit links as impossible', () => {
    const base = { jobs: 10, workers: 1, peakBytes: 1e9, heapBytes: 1e8, seconds: 60, parts: [{ what: 'runs', bytes: 1e9 }] };
    expect(() => checkResources(base, { what: 'x', available: 2e9, availableHeap: 1e9 })).not.toThrow();
    expect(() => checkResources(base, { what: 'x', available: 5e8, availableHeap: 1e9, force: true })).toThrow(/x needs about 954 MiB of memory \(runs 954 MiB\); this machine can give it 477 MiB.*--force does not override memory/);
    expect(() => checkResources({ ...base, heapBytes: 2e9 }, { what: 'x', available: 2e9, availableHeap: 1e9, force: true })).toThrow(/x has 10 runs: their parameters and results need about 1\.9 GiB of JavaScript heap, which holds 954 MiB here/);
    const slow = { ...base, seconds: TIME_LIMIT_S + 1 };
    expect(() => checkResources(slow, { what: 'x', available: 2e9, availableHeap: 1e9 })).toThrow(/x would take about 2\.0 hours .*add --force to run it anyway/);
    expect(() => checkResources(slow, { what: 'x', available: 2e9, availableHeap: 1e9, force: true })).not.toThrow();
    const s = parseScenarioText(['name: E', 'market: { size: 1000000, initialCustomers: 10 }', 'wom: { network: { meanDegree: 20000 } }'].join('\n'), 'e.yaml');
    expect(() => checkResources(estimateJobs(scenarioJobs(s), 1), { what: 'x', force: true })).toThrow(`x cannot run: a wattsStrogatz network of 1,000,000 people with mean degree 20000 has 20,000,000,000 links; at most ${MAX_LINKS.toLocaleString('en-US')} fit`);
  });

  it('caps worker threads at the cores', () => {
    const cores = availableParallelism();
    expect(capWorkers(500)).toEqual({ workers: cores, note: `--workers 500: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores} worker thread${cores === 1 ? '' : 's'}` });
    expect(capWorkers(1)).toEqual({ workers: 1 });
    expect(capWorkers(undefined)).toEqual({ workers: undefined });
  });
});

describe('commands refuse up front, write nothing, and say why', () => {
  it('market 1e8: compare and validate refuse on memory, --force does not override it', async () => {
    for (const args of [['compare', HUGE, '-o', join(tmp, 'huge')], ['compare', HUGE, '--force', '-o', join(tmp, 'huge')]]) {
      const r = await cli(...args);
      expect(r.code, show(r)).toBe(1);
      expect(r.stderr).toMatch(MEMORY);
    }
    expect(existsSync(join(tmp, 'huge'))).toBe(false);
    const v = await cli('validate', HUGE);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^cxsim: `cxsim compare` of this scenario needs about [\d.]+ GiB of memory/);
    expect(v.stdout).toBe('');
  });

  it('the default scenario with replications 1e6 or days 1e6 is refused by validate, not discovered hours into a run', async () => {
    for (const flags of [['-r', '1000000'], ['--days', '1000000']]) {
      const r = await cli('validate', 'scenarios/default.yaml', ...flags);
      expect(r.code, show(r)).toBe(1);
      expect(r.stderr).toMatch(/^cxsim: `cxsim compare` of this scenario (needs about [\d.]+ GiB of memory|has 1,000,000 runs: their parameters and results need about)/);
    }
  });

  it('a run of hours is refused unless --force; with --force the estimate lets it through', async () => {
    const r = await cli('compare', LONG, '-o', join(tmp, 'long'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cxsim: this compare would take about [\d.]+ hours \(1 runs on 1 thread, at about 4 M person-days a second per thread\); make it smaller, or add --force to run it anyway\n$/);
    expect(existsSync(join(tmp, 'long'))).toBe(false);
    // Past the estimate, the next check is the output folder (here under a file): --force got through.
    writeFileSync(join(tmp, 'a-file'), '');
    const forced = await cli('compare', LONG, '--force', '-o', join(tmp, 'a-file', 'out'));
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/^cxsim: ENOTDIR/);
    const v = await cli('validate', LONG);
    expect(v.code, show(v)).toBe(0);
    expect(v.stderr).toMatch(/^cxsim: note: `cxsim compare` of this scenario would take about [\d.]+ hours \(1 runs\); it asks for --force\n$/);
  });

  it('a mean degree past the 32-bit network limit is a clear refusal, not an internal Int32 error', async () => {
    const file = scenarioFile('degree', 'market: { size: 1000000, initialCustomers: 10 }', 'wom: { network: { meanDegree: 20000 } }');
    const r = await cli('compare', file, '-o', join(tmp, 'degree'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cxsim: this compare cannot run: a wattsStrogatz network of 1,000,000 people with mean degree 20000 has 20,000,000,000 links; at most 2,147,483,647 fit/);
  });

  it('a grid of 10^9 points, --levels 1e6 and a Latin hypercube of 10^8 points are refused before the design is built', async () => {
    const cases = [
      ['-p', 'journey.processQuality=0:1:1e9'],
      ['-p', 'journey.processQuality=0:1', '--levels', '1000000'],
      ['-p', 'journey.processQuality=0:1', '--design', 'lhs', '--points', '100000000'],
    ];
    for (const flags of cases) {
      const r = await cli('sweep', TINY, ...flags, '-o', join(tmp, 'grid'));
      expect(r.code, show(r)).toBe(1);
      expect(r.stderr).toMatch(/^cxsim: this sweep (needs about [\d.]+ GiB of memory|has [\d,]+ runs: their parameters and results need about)/);
    }
    expect(existsSync(join(tmp, 'grid'))).toBe(false);
    const morris = await cli('sensitivity', TINY, '-p', 'journey.processQuality=0.9:1', '--trajectories', '100000000', '-o', join(tmp, 'grid'));
    expect(morris.code).toBe(1);
    expect(morris.stderr).toMatch(/^cxsim: this sensitivity analysis (needs|has)/);
    const calibration = await cli('calibrate', LONG, '-p', 'journey.processQuality=0.9:1', '-t', 'finalNps=10', '-o', join(tmp, 'grid'));
    expect(calibration.code).toBe(1);
    expect(calibration.stderr).toMatch(/^cxsim: this calibration would take about [\d.]+ (hours|days)/);
  });

  it('--workers 500 runs on the cores, says so, and gives the same files as one worker', async () => {
    const [many, one] = await Promise.all([cli('compare', TINY, '-w', '500', '-o', join(tmp, 'w500')), cli('compare', TINY, '-w', '1', '-q', '-o', join(tmp, 'w1'))]);
    expect(many.code, show(many)).toBe(0);
    const cores = availableParallelism();
    expect(many.stderr).toContain(`cxsim: note: --workers 500: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores} worker thread${cores === 1 ? '' : 's'}\n`);
    expect(one.code, show(one)).toBe(0);
    expect(listFiles(join(tmp, 'w500')).length).toBeGreaterThan(10);
    expect(differingFiles(join(tmp, 'w500'), join(tmp, 'w1'))).toEqual([]);
  });
});
