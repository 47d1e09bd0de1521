/** The decision between one thread and a pool, from measured costs (poolCost.ts). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { estimate, fresh, loadCalibration, MAX_AGE_MS, recordRun, resetCalibrationMemo, threadsPay, type PoolCalibration } from '../../src/experiments/poolCost.js';

let dir: string;
const saved = process.env.CXSIM_CACHE_DIR;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxsim-poolcost-'));
  process.env.CXSIM_CACHE_DIR = dir;
  resetCalibrationMemo();
});
afterEach(() => {
  process.env.CXSIM_CACHE_DIR = saved;
  resetCalibrationMemo();
  rmSync(dir, { recursive: true, force: true });
});

const cal = (start: number, r1: number, r2: number): PoolCalibration => ({ startSeconds: { 2: start }, rate: { 1: r1, 2: r2 } });

describe('threads vs one thread', () => {
  it('estimates one thread as W/r₁ and N threads as start + W/(N·r_N)', () => {
    expect(estimate(cal(0.5, 10e6, 8e6), 40e6, 2)).toEqual({ oneThread: 4, threads: 0.5 + 40e6 / 16e6 });
  });

  it('uses threads only when they save a tenth: more work than the start cost can eat', () => {
    const c = cal(0.5, 10e6, 10e6);
    // One thread W/1e7 s; two threads 0.5 + W/2e7 s: they save ≥ 10 % once W/1e7·(0.9 − 0.5) > 0.5, W > 12.5 M.
    expect(threadsPay(c, 12e6, 2)).toBe(false);
    expect(threadsPay(c, 13e6, 2)).toBe(true);
    expect(threadsPay(c, 1e12, 1)).toBe(false);
  });

  it('never uses threads where two at once each run at half the speed of one alone (a loaded or throttled machine)', () => {
    expect(threadsPay(cal(0.1, 10e6, 5e6), 1e12, 2)).toBe(false);
  });

  it('records measurements, smoothed, in the cache file, and reads them back in a new process', () => {
    recordRun(1, 20e6, 2); // 10 M/s
    recordRun(2, 10e6, 1.25, 0.4); // 8 M/s per thread
    recordRun(2, 10e6, 1, 0.2);
    const onDisk = JSON.parse(readFileSync(join(dir, 'pool.json'), 'utf8')) as PoolCalibration;
    expect(Object.keys(onDisk.measuredAt!).sort()).toEqual(['rate:1', 'rate:2', 'start:2']);
    expect(onDisk.rate['1']).toBe(10e6);
    expect(onDisk.rate['2']).toBeCloseTo(8e6 + 0.4 * (10e6 - 8e6), 6);
    expect(onDisk.startSeconds['2']).toBeCloseTo(0.4 + 0.4 * (0.2 - 0.4), 12);
    resetCalibrationMemo();
    expect(loadCalibration()).toEqual(onDisk);
  });

  it('forgets measurements older than an hour: a machine busy then is not judged by them for ever', () => {
    const now = 10 * MAX_AGE_MS;
    const c: PoolCalibration = { startSeconds: { 2: 0.3 }, rate: { 1: 10e6, 2: 2e6 }, measuredAt: { 'start:2': now - 1000, 'rate:1': now - 1000, 'rate:2': now - MAX_AGE_MS - 1 } };
    expect(fresh(c, now)).toEqual({ startSeconds: { 2: 0.3 }, rate: { 1: 10e6 }, measuredAt: { 'start:2': now - 1000, 'rate:1': now - 1000 } });
    expect(threadsPay(c, 1e9, 2)).toBe(false);
    expect(threadsPay(fresh(c, now), 1e9, 2)).toBe(true);
  });

  it('does not record the speed of runs too short to measure it', () => {
    recordRun(1, 1e6, 0.01);
    expect(loadCalibration().rate).toEqual({});
  });
});
