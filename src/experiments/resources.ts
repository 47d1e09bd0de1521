/**
 * What an experiment will cost before it runs: peak memory and time, from the jobs (or, before a
 * design is built, from how many jobs it will have). A command refuses what this machine cannot
 * hold — always — and what would take longer than TIME_LIMIT_S unless --force, with the figures
 * and what to change. The figures below are the whole model of cost; the bytes per person come
 * from the mechanisms' declared state columns, so they follow the model.
 */
import { availableParallelism, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { METRIC_KEYS } from '../model/metrics.js';
import { bytesPerPerson as columnBytes, type ColumnSpec } from '../model/population.js';
import { MECHANISMS } from '../model/registry.js';
import { UserError } from '../scenario/errors.js';
import type { Job } from './jobs.js';
import { jobWork, simulatedDays } from './poolCost.js';

/**
 * Bytes of state per person while a run is going: the state columns every registered mechanism
 * declares (model/population.ts bytesPerPerson: 99 B fully mixed, 115 B on a network, with the
 * population's own state, customer list and slot), plus ENGINE_BYTES_PER_PERSON for the day's
 * work lists and the set-up's temporaries. A mechanism that adds a column is counted by itself.
 */
export function bytesPerPerson(network: boolean): number {
  return columnBytes(MECHANISMS.flatMap((m) => Object.values((m as { columns?: Record<string, ColumnSpec> }).columns ?? {})), network) + ENGINE_BYTES_PER_PERSON;
}
/** Measured: 20 B of array buffers per person beyond the columns at 1.6 M people, fully mixed; 32 with slack. */
export const ENGINE_BYTES_PER_PERSON = 32;

/**
 * Bytes per directed contact link (market × mean degree of them) at the peak of building a
 * network: the CSR's 4 B and the generator's edge lists and rewiring table (Watts–Strogatz, the
 * larger). Measured: 8.2 B (Watts–Strogatz) and 6.1 B (Barabási–Albert) at 1.6 M people × 20.
 */
export const BYTES_PER_LINK = 12;
/** The CSR indexes links with 32-bit integers. */
export const MAX_LINKS = 0x7fffffff;
/** Each finished run keeps a float64 per metric per day (plus day 0) until the outputs are written. */
export const BYTES_PER_RESULT_DAY = 8 * METRIC_KEYS.length;
/**
 * A job's JavaScript objects (its parameters, key, the result's wrapper objects, its rows in the
 * tables and chart): these live in V8's heap, which has a limit of its own (about 4 GiB on a
 * 64-bit machine) below the machine's memory. Measured: 46 KiB per point of a 20,000-point sweep
 * (each point has its own parameters); runs of one strategy share theirs and need less.
 */
export const BYTES_PER_JOB = 48 * 1024;
/** V8 heap the process uses besides the jobs (libraries, rendering). */
export const BASE_HEAP_BYTES = 256 * 2 ** 20;
/** The process itself (Node, the libraries, chart rendering) and each worker thread (its own V8 and engine). */
export const BASE_BYTES = 300 * 2 ** 20;
export const BYTES_PER_WORKER = 80 * 2 ** 20;
/**
 * Person-days (market size × days) one thread simulates per second: about 4 M on a small-world
 * network (measured 3.5–4.8 M; 7 M fully mixed, 2–2.6 M scale-free). The time estimate is a
 * rough one; it only has to tell minutes from days.
 */
export const PERSON_DAYS_PER_SECOND = 4e6;
/** Past this estimate a command asks for --force. */
export const TIME_LIMIT_S = 2 * 3600;
/** Share of this machine's memory an experiment may plan to use (the rest is the system's and other programs'). */
export const MEMORY_SHARE = 0.8;

export interface Estimate {
  jobs: number;
  workers: number;
  peakBytes: number;
  /** The part of peakBytes in V8's heap (job objects), held against the heap's own limit. */
  heapBytes: number;
  seconds: number;
  /** What dominates the memory, for the message. */
  parts: { what: string; bytes: number }[];
  /** A reason no amount of memory fixes (a network past the CSR's 32-bit links). */
  impossible?: string;
}

/** What one run of these parameters holds at its peak, people and network. */
function runBytes(size: number, network: { type: string; meanDegree: number }): { people: number; links: number } {
  const links = network.type === 'fullyMixed' ? 0 : size * network.meanDegree;
  return { people: size * bytesPerPerson(network.type !== 'fullyMixed'), links: links * BYTES_PER_LINK };
}

/** Why a network of these parameters cannot be built (more links than 32-bit indexes reach), or undefined. */
function tooManyLinks(size: number, net: { type: string; meanDegree: number }): string | undefined {
  if (net.type === 'fullyMixed' || size * net.meanDegree <= MAX_LINKS) return undefined;
  return `a ${net.type} network of ${fmtCount(size)} people with mean degree ${net.meanDegree} has ${fmtCount(size * net.meanDegree)} links; at most ${fmtCount(MAX_LINKS)} fit (lower wom.network.meanDegree or market.size, or use fullyMixed)`;
}

/** The estimate for running `jobs` on `workers` threads (results kept in memory until the outputs are written). */
export function estimateJobs(jobs: readonly Job[], workers: number): Estimate {
  let personDays = 0;
  let results = 0;
  let largestRun = 0;
  let impossible: string | undefined;
  const seen = new Set<string>();

  for (const j of jobs) {
    const size = j.params.market.size;
    const net = j.params.wom.network;
    personDays += jobWork(j);
    results += (j.days + 1) * BYTES_PER_RESULT_DAY + BYTES_PER_JOB;
    // A run with a history holds two populations while its initial customers inherit.
    const populations = simulatedDays(j.params, j.days) > j.days ? 2 : 1;
    const key = `${size}|${net.type}|${net.meanDegree}|${populations}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = runBytes(size, net);
    largestRun = Math.max(largestRun, populations * r.people + r.links);
    impossible ??= tooManyLinks(size, net);
  }
  const lanes = Math.max(1, Math.min(workers, jobs.length));
  const parts = [
    { what: `${lanes} simultaneous run${lanes === 1 ? '' : 's'} (people and network)`, bytes: lanes * largestRun },
    { what: `${fmtCount(jobs.length)} finished runs kept until the outputs are written`, bytes: results },
    { what: `cxsim itself${lanes > 1 ? ` and ${lanes} worker threads` : ''}`, bytes: BASE_BYTES + (lanes > 1 ? lanes * BYTES_PER_WORKER : 0) },
  ];
  return { jobs: jobs.length, workers: lanes, peakBytes: parts.reduce((s, p) => s + p.bytes, 0), heapBytes: BASE_HEAP_BYTES + jobs.length * BYTES_PER_JOB, seconds: personDays / (PERSON_DAYS_PER_SECOND * lanes), parts, ...(impossible && { impossible }) };
}

/**
 * A quick bound before a design is built: `jobs` runs of at most `size` people over `days` days.
 * Refuses designs whose very list of jobs would not fit (a grid of 10^9 points), with the count.
 */
export function estimateCount(jobs: number, size: number, days: number, network: { type: string; meanDegree: number }, workers: number): Estimate {
  const lanes = Math.max(1, Math.min(workers, jobs));
  const r = runBytes(size, network);
  const parts = [
    { what: `${lanes} simultaneous run${lanes === 1 ? '' : 's'} (people and network)`, bytes: lanes * (r.people + r.links) },
    { what: `${fmtCount(jobs)} runs kept until the outputs are written`, bytes: jobs * ((days + 1) * BYTES_PER_RESULT_DAY + BYTES_PER_JOB) },
    { what: 'cxsim itself', bytes: BASE_BYTES + (lanes > 1 ? lanes * BYTES_PER_WORKER : 0) },
  ];
  const impossible = tooManyLinks(size, network);
  return { jobs, workers: lanes, peakBytes: parts.reduce((s, p) => s + p.bytes, 0), heapBytes: BASE_HEAP_BYTES + jobs * BYTES_PER_JOB, seconds: (jobs * size * days) / (PERSON_DAYS_PER_SECOND * lanes), parts, ...(impossible && { impossible }) };
}

/** Memory this machine can give an experiment: MEMORY_SHARE of its RAM (or of a container's limit). */
export function availableBytes(): number {
  const limit = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  const total = limit && limit > 0 && limit < totalmem() ? limit : totalmem();
  return Math.floor(MEMORY_SHARE * total);
}

/** Worker threads to use: what was asked, at most the cores (more threads only share them and each needs its own memory). */
export function capWorkers(requested: number | undefined): { workers: number | undefined; note?: string } {
  const cores = availableParallelism();
  if (requested === undefined || requested <= cores) return { workers: requested };
  return { workers: cores, note: `--workers ${requested}: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores} worker thread${cores === 1 ? '' : 's'}` };
}

/** V8 heap an experiment may plan to use: MEMORY_SHARE of the heap limit (node --max-old-space-size raises it). */
export function availableHeapBytes(): number {
  return Math.floor(MEMORY_SHARE * getHeapStatistics().heap_size_limit);
}

export interface ResourceCheck {
  /** Run past the time limit. Memory is never overridden: a run that cannot fit would crash or swap the machine to a halt. */
  force?: boolean;
  /** Bytes available (default availableBytes()) and heap available (default availableHeapBytes()); tests pass their own. */
  available?: number;
  availableHeap?: number;
  /** What is being estimated, for the message (e.g. "this compare"). */
  what: string;
}

/** Throws a UserError when the estimate exceeds the memory (always) or the time limit (unless force). */
export function checkResources(e: Estimate, o: ResourceCheck): void {
  if (e.impossible) throw new UserError(`${o.what} cannot run: ${e.impossible}`);
  const available = o.available ?? availableBytes();
  if (e.peakBytes > available) {
    const main = [...e.parts].sort((a, b) => b.bytes - a.bytes).map((p) => `${p.what} ${fmtBytes(p.bytes)}`).join(', ');
    throw new UserError(`${o.what} needs about ${fmtBytes(e.peakBytes)} of memory (${main}); this machine can give it ${fmtBytes(available)}. Make it smaller (market.size, days, replications, the number of points), or run it on a larger machine; --force does not override memory`);
  }
  const heap = o.availableHeap ?? availableHeapBytes();
  if (e.heapBytes > heap)
    throw new UserError(`${o.what} has ${fmtCount(e.jobs)} runs: their parameters and results need about ${fmtBytes(e.heapBytes)} of JavaScript heap, which holds ${fmtBytes(heap)} here. Make it smaller (fewer points, levels or replications), or give Node a larger heap (NODE_OPTIONS=--max-old-space-size=MiB); --force does not override memory`);
  if (e.seconds > TIME_LIMIT_S && !o.force)
    throw new UserError(`${o.what} would take about ${fmtDuration(e.seconds)} (${fmtCount(e.jobs)} runs on ${e.workers} thread${e.workers === 1 ? '' : 's'}, at about ${PERSON_DAYS_PER_SECOND / 1e6} M person-days a second per thread); make it smaller, or add --force to run it anyway`);
}

export const fmtBytes = (b: number): string => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(1)} GiB` : `${Math.max(1, Math.round(b / 2 ** 20))} MiB`);

export function fmtDuration(s: number): string {
  if (s < 90) return `${Math.max(1, Math.round(s))} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} minutes`;
  if (s < 48 * 3600) return `${(s / 3600).toFixed(1)} hours`;
  if (s < 730 * 86400) return `${Math.round(s / 86400)} days`;
  return `${(s / (365 * 86400)).toPrecision(2)} years`;
}

export const fmtCount = (n: number): string => (n >= 1e15 ? n.toExponential(1) : Math.round(n).toLocaleString('en-US'));
