/**
 * Whether worker threads pay for themselves, decided from measurements rather than a fixed size:
 *   - the cost of starting a pool (threads spawned and the worker bundle loaded, until each
 *     thread answers), measured every time a pool starts;
 *   - how fast one thread runs the engine here (person-days per second: market size × days),
 *     alone and as one of N threads (on a loaded or throttled machine two threads may each run far
 *     slower than one alone: then threads do not pay at all).
 * Estimated times: one thread W / r₁; N threads start + W / (N · r_N). Threads are used when they
 * save at least a tenth. The measurements are smoothed over runs and kept per machine in
 * ~/.cache/cxsim/pool.json ($XDG_CACHE_HOME or $CXSIM_CACHE_DIR move it) for an hour: a machine
 * busy with other work when they were taken is not judged by them for ever. Without them the
 * defaults below (typical of a two-core machine) decide. Results never depend on the choice.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Job } from './jobs.js';

export interface PoolCalibration {
  /** Seconds to start a pool of N threads, by N. */
  startSeconds: Record<string, number>;
  /** Person-days per second of one thread, by how many threads ran at once (1: this thread alone). */
  rate: Record<string, number>;
  /** When each entry was last measured (ms since 1970), by `start:N` and `rate:N`. */
  measuredAt?: Record<string, number>;
}

/** Measurements older than this are forgotten: machines get busier and quieter. */
export const MAX_AGE_MS = 3_600_000;

/** Before any measurement: a thread runs ≈ 12 M person-days/s, two at once ≈ 85 % of that each, a pool starts in ≈ 0.3 s. */
const DEFAULT_RATE = 12e6;
const DEFAULT_SHARED = 0.85;
const DEFAULT_START = 0.3;
/** A thread must save at least this share of the one-thread time to be worth it. */
const MARGIN = 0.9;
/** Runs shorter than this say more about fixed overheads than the engine's speed: not recorded. */
const MIN_RECORDED_SECONDS = 0.5;
/** Weight of a new measurement in the smoothed value. */
const ALPHA = 0.4;

/** Days a run simulates: its days, plus the history its initial customers bring (market.initialHistoryDays). */
export const simulatedDays = (params: Job['params'], days: number): number => days + (params.market.initialCustomers > 0 ? params.market.initialHistoryDays : 0);
/** Work of a job: person-days simulated (the engine's cost is about proportional). */
export const jobWork = (job: Job): number => job.params.market.size * simulatedDays(job.params, job.days);

export function estimate(cal: PoolCalibration, work: number, lanes: number): { oneThread: number; threads: number } {
  const r1 = cal.rate['1'] ?? DEFAULT_RATE;
  const rN = cal.rate[String(lanes)] ?? r1 * DEFAULT_SHARED;
  const start = cal.startSeconds[String(lanes)] ?? DEFAULT_START * (lanes / 2);
  return { oneThread: work / r1, threads: start + work / (lanes * rN) };
}

/** Threads (`lanes` > 1) pay when they are estimated to save at least a tenth of the one-thread time. */
export function threadsPay(cal: PoolCalibration, work: number, lanes: number): boolean {
  if (lanes <= 1) return false;
  const e = estimate(cal, work, lanes);
  return e.threads < MARGIN * e.oneThread;
}

function cacheFile(): string {
  const dir = process.env.CXSIM_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'cxsim');
  return join(dir, 'pool.json');
}

let memo: PoolCalibration | undefined;

/** The machine's measurements so far (empty when none, or when the file cannot be read). */
export function loadCalibration(): PoolCalibration {
  if (memo) return memo;
  try {
    const data = JSON.parse(readFileSync(cacheFile(), 'utf8')) as PoolCalibration;
    if (typeof data.startSeconds === 'object' && typeof data.rate === 'object') return (memo = fresh(data, Date.now()));
  } catch {
    // no measurements yet, or an unreadable file: the defaults decide
  }
  return (memo = { startSeconds: {}, rate: {} });
}

/** The entries measured within MAX_AGE_MS of `now`. */
export function fresh(cal: PoolCalibration, now: number): PoolCalibration {
  const at = cal.measuredAt ?? {};
  const keep = (kind: string, entries: Record<string, number>) => Object.fromEntries(Object.entries(entries).filter(([n]) => now - (at[`${kind}:${n}`] ?? 0) <= MAX_AGE_MS));
  const startSeconds = keep('start', cal.startSeconds), rate = keep('rate', cal.rate);
  const measuredAt = Object.fromEntries(Object.entries(at).filter(([k]) => { const [kind, n] = k.split(':'); return (kind === 'start' ? startSeconds : rate)[n] !== undefined; }));
  return { startSeconds, rate, measuredAt };
}

const smooth = (old: number | undefined, value: number) => (old === undefined ? value : old + ALPHA * (value - old));

/**
 * Records a run: `lanes` threads at once, `work` person-days done in `busySeconds` of one
 * thread's time (per thread, for a pool), and for a pool the seconds it took to start.
 * Kept in memory and written aside then renamed; a cache that cannot be written is skipped.
 */
export function recordRun(lanes: number, work: number, busySeconds: number, startSeconds?: number): void {
  const cal = loadCalibration();
  const at = (cal.measuredAt ??= {});
  const n = String(lanes);
  if (startSeconds !== undefined && Number.isFinite(startSeconds)) {
    cal.startSeconds[n] = smooth(cal.startSeconds[n], startSeconds);
    at[`start:${n}`] = Date.now();
  }
  if (busySeconds >= MIN_RECORDED_SECONDS && work > 0) {
    cal.rate[n] = smooth(cal.rate[n], work / busySeconds);
    at[`rate:${n}`] = Date.now();
  }
  try {
    const file = cacheFile();
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(cal, null, 2) + '\n');
    renameSync(tmp, file);
  } catch {
    // a read-only home: the measurements serve this process only
  }
}

/** Forgets the in-memory copy (tests point CXSIM_CACHE_DIR elsewhere between cases). */
export function resetCalibrationMemo(): void {
  memo = undefined;
}
