/**
 * Resuming: a sweep stopped after k runs (abort, or a crash that tore the store's last line)
 * reruns none of its finished runs and ends with the same outputs, byte for byte, as an
 * uninterrupted sweep. Simulation calls are counted through a spy on the engine.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobsInterrupted } from '../../src/experiments/pool.js';
import { decodeResult, encodeResult } from '../../src/experiments/resultCodec.js';
import { openRunStore, STORE_FILE } from '../../src/experiments/resume.js';
import { planSweep, runSweep, type SweepPlan } from '../../src/experiments/sweep.js';
import { simulate } from '../../src/engine/simulate.js';
import { emptySeries, METRIC_KEYS } from '../../src/model/metrics.js';
import { writeSweepOutputs } from '../../src/outputs/sweepWrite.js';
import { differingFiles } from '../cli/helpers.js';
import { fingerprint, tinyScenario } from './helpers.js';

vi.mock('../../src/engine/simulate.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/simulate.js')>();
  return { ...real, simulate: vi.fn(real.simulate) };
});
const calls = vi.mocked(simulate);

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-resume-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// A block body: beforeEach treats a returned function (mockClear returns the mock) as a teardown to call.
beforeEach(() => {
  calls.mockClear();
});

const scenario = tinyScenario();
const plan = (): SweepPlan => planSweep(scenario, { parameters: { 'journey.processQuality': [0.97, 0.98, 0.99], 'acquisition.spendPerDay': [0, 600] } });
const TOTAL = 6 * 2;
const HASH = 'scenario-hash';

async function finish(dir: string, fresh = false) {
  const p = plan();
  const store = openRunStore(dir, p.jobs, { scenarioHash: HASH, fresh });
  const result = await runSweep(p, { workers: 1, store });
  store.close();
  await writeSweepOutputs({ dir, result, metric: 'finalNps', manifest: { cxsimVersion: 'test', command: ['sweep'] } });
  return result;
}

/** Runs the sweep into dir until k runs have finished, then aborts. */
async function interrupt(dir: string, k: number) {
  const p = plan();
  const store = openRunStore(dir, p.jobs, { scenarioHash: HASH });
  const controller = new AbortController();
  const run = runSweep(p, { workers: 1, store, signal: controller.signal, onProgress: (done) => done === k && controller.abort() });
  await expect(run).rejects.toEqual(new JobsInterrupted(k, TOTAL));
  store.close();
}

describe('resume', () => {
  const whole = join(tmp, 'whole');
  let wholeCalls = 0;

  it('an uninterrupted sweep runs every job once', async () => {
    await finish(whole);
    wholeCalls = calls.mock.calls.length;
    expect(wholeCalls).toBe(TOTAL);
  });

  it('after an interrupt at k runs, reruns only the others and writes identical outputs', async () => {
    const dir = join(tmp, 'interrupted');
    await interrupt(dir, 5);
    expect(calls).toHaveBeenCalledTimes(5);
    calls.mockClear();
    await finish(dir);
    expect(calls).toHaveBeenCalledTimes(TOTAL - 5);
    expect(differingFiles(whole, dir).filter((f) => f !== STORE_FILE)).toEqual([]);
  });

  it('after a crash mid-write, ignores the torn last line, reruns that job alone and repairs the store', async () => {
    const dir = join(tmp, 'crashed');
    await interrupt(dir, 4);
    const path = join(dir, STORE_FILE);
    truncateSync(path, readFileSync(path).length - 1000); // tear the 4th run's line
    calls.mockClear();
    await finish(dir);
    expect(calls).toHaveBeenCalledTimes(TOTAL - 3);
    expect(differingFiles(whole, dir).filter((f) => f !== STORE_FILE)).toEqual([]);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + TOTAL);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('a finished sweep rerun in the same folder reads every run back', async () => {
    await finish(whole);
    expect(calls).not.toHaveBeenCalled();
  });

  it('refuses the store of another experiment unless fresh', async () => {
    const other = planSweep(scenario, { parameters: { 'journey.processQuality': [0.5] } });
    expect(() => openRunStore(whole, other.jobs, { scenarioHash: HASH })).toThrow(/holds finished runs of another experiment, written by the same scenario with different settings.*--fresh/);
    expect(() => openRunStore(whole, plan().jobs, { scenarioHash: 'other' })).not.toThrow();
    const dir = join(tmp, 'other');
    await finish(dir);
    writeFileSync(join(dir, STORE_FILE), readFileSync(join(dir, STORE_FILE), 'utf8').replace(HASH, 'elsewhere').replace(/"experiment":"\w+"/, '"experiment":"x"'));
    expect(() => openRunStore(dir, plan().jobs, { scenarioHash: HASH })).toThrow(/a different scenario \(hash elsewhere…, this one scenario-has…\)/);
    calls.mockClear();
    await finish(dir, true);
    expect(calls).toHaveBeenCalledTimes(TOTAL);
  });

  it('skips a stored run that lacks a metric the model now reports', async () => {
    const dir = join(tmp, 'stale');
    await finish(dir);
    const path = join(dir, STORE_FILE);
    const [header, first, ...rest] = readFileSync(path, 'utf8').trimEnd().split('\n');
    const record = JSON.parse(first);
    delete record.result.series[METRIC_KEYS[0]];
    writeFileSync(path, [header, JSON.stringify(record), ...rest].join('\n') + '\n');
    appendFileSync(path, 'not json\n');
    calls.mockClear();
    await finish(dir);
    expect(calls).toHaveBeenCalledTimes(1);
  });
});

describe('result codec', () => {
  it('round-trips runs exactly, NaN, ±Infinity and −0 included', () => {
    const run = simulate({ strategy: 's', params: scenario.strategies[0].params, seed: 3, replication: 1, days: 10 });
    const odd = { ...run, series: emptySeries(3), totals: { ...run.totals, clv: NaN, costPerAcquisition: -Infinity, cohortValue: -0 } };
    odd.series.nps.set([Infinity, -0, NaN, 1 / 3]);
    odd.days = 3;
    for (const r of [run, odd]) {
      const back = decodeResult(JSON.parse(JSON.stringify(encodeResult(r))), METRIC_KEYS)!;
      expect(fingerprint(back)).toBe(fingerprint(r));
    }
  });
});
