/**
 * One simulation run (one strategy, one replication). The engine knows no mechanism by name: it
 * compiles each registered mechanism's config, builds the population with the columns they
 * declare, lets each set itself up, and then steps through the days, calling in every phase
 * what the mechanisms returned, in registry order:
 *
 *   begin    start of the day
 *   events   customer events: each source picks today's customers by skipping through the
 *            customer list (episodes, service requests, churn candidates)
 *   due      decisions scheduled for today (quits over problems)
 *   keep     would-be leavers may be kept (a save offer when they call to cancel)
 *   leave    the others leave                                            (engine)
 *   serve    the service desk works the day
 *   adopt    non-customers decide whether to buy, on the word of mouth of the start of the phase
 *   hear     customers take in today's word of mouth, after every adoption decision
 *   join     adopters become customers                                   (engine)
 *   close    the day's money; today's adopters pay from tomorrow
 *   record   the day's metrics                                           (engine)
 *
 * Day 0: the initial customers join; with market.initialHistoryDays they then take over the
 * state of customers at the end of a history run of the same model (historyRun, inherit).
 *
 * Nothing in a day scans the market: the passes visit today's events, listed people and hits.
 */
import { METRICS, catalogue, emptySeries, type RunResult, type RunTotals } from '../model/metrics.js';
import type { Behaviour, CustomerEvent, Mechanism } from '../model/mechanism.js';
import { buildNetwork, type Csr } from '../model/network/index.js';
import type { Params } from '../model/params.js';
import { Population } from '../model/population.js';
import { MECHANISMS } from '../model/registry.js';
import { forEachHit } from '../random/bernoulli.js';
import { stream } from '../random/streams.js';
import { recorder } from './record.js';
import { compose, EVENT_NAMES, noop, RunState } from './run.js';

export interface RunSpec {
  strategy: string;
  params: Params;
  seed: number;
  replication: number;
  days: number;
  /** A network built earlier for the same (seed, replication, network spec); built here if absent. */
  network?: Csr | null;
  /** The mechanisms (default: the registry). A test or a researcher may run a model with more or others. */
  mechanisms?: readonly Mechanism[];
  /** Called once the network and population are built, before day 1 (benchmarks time the days alone). */
  onReady?: () => void;
  /** Called after every simulated day (progress reporting). */
  onDay?: (day: number) => void;
  /** Read-only view of the population after day 0 and every day (tests recount the aggregates from it). */
  inspect?: (day: number, pop: Population) => void;
}

/** The network a run uses: a function of (seed, replication, network spec, market size) only. */
export function networkFor(params: Params, seed: number, replication: number): Csr | null {
  return buildNetwork(params.wom.network, params.market.size, stream(seed, 'rep', replication, 'network'));
}

/** k distinct indices of 0..n−1, uniformly (partial Fisher–Yates), in ascending order. */
function sampleWithoutReplacement(n: number, k: number, rng: () => number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.subarray(0, k).sort();
}

/**
 * The day's adopters become customers and are announced: in a batch to mechanisms that take
 * one, one by one to the others (module-level loops: compiled once, not per run).
 */
function joinAll(pop: Population, adopters: Int32Array, count: number, joined: (i: number) => void, batches: readonly ((list: Int32Array, count: number) => void)[]): void {
  for (let k = 0; k < count; k++) pop.join(adopters[k]);
  for (const batch of batches) batch(adopters, count);
  if (joined !== noop) for (let k = 0; k < count; k++) joined(adopters[k]);
}

const defined = <T>(xs: (T | undefined)[]): T[] => xs.filter((x): x is T => x !== undefined);

/**
 * The history the initial customers bring (market.initialHistoryDays, docs/MODEL.md §1): the same
 * model run that many days from the same start, unrecorded, on random streams of its own (a seed
 * drawn from stream `history`), over the same network; its population at the end, or null.
 */
function historyRun(spec: RunSpec, contacts: Csr | null): Population | null {
  const days = spec.params.market.initialHistoryDays;
  if (!(days > 0) || spec.params.market.initialCustomers === 0) return null;
  let end: Population | null = null;
  const seed = Math.floor(stream(spec.seed, 'rep', spec.replication, 'history')() * 2 ** 32);
  const params = { ...spec.params, market: { ...spec.params.market, initialHistoryDays: 0 } };
  simulate({ strategy: spec.strategy, params, seed, replication: spec.replication, days, network: contacts, mechanisms: spec.mechanisms, inspect: (d, pop) => { if (d === days) end = pop; } });
  return end;
}

/**
 * Each initial customer takes over the state of a customer of its own segment at the end of the
 * history, drawn uniformly with replacement (stream `history.pick`), through the mechanisms'
 * `inherit`. Without a `segment` column (a model without the market mechanism), any customer.
 */
function inherit(pop: Population, history: Population, initial: Int32Array, listeners: readonly ((i: number, from: Population, j: number) => void)[], rng: () => number): void {
  if (listeners.length === 0) return;
  const segmentOf = (p: Population) => (p.has('segment') ? p.column('segment', 'u8') : new Uint8Array(p.n));
  const mine = segmentOf(pop), theirs = segmentOf(history);
  const bySegment = new Map<number, number[]>();
  for (let k = 0; k < history.customerCount; k++) {
    const j = history.customers[k];
    const list = bySegment.get(theirs[j]) ?? bySegment.set(theirs[j], []).get(theirs[j])!;
    list.push(j);
  }
  // In ascending order of j within each segment: the draw does not depend on the history's join order.
  for (const list of bySegment.values()) list.sort((a, b) => a - b);
  for (const i of initial) {
    const list = bySegment.get(mine[i]);
    if (list === undefined) continue; // nobody of this segment left in the history: i starts afresh
    const j = list[Math.floor(rng() * list.length)];
    for (const f of listeners) f(i, history, j);
  }
}

export function simulate(spec: RunSpec): RunResult {
  const { seed, replication: rep, days, params } = spec;
  const mechanisms = spec.mechanisms ?? MECHANISMS;
  const defs = spec.mechanisms ? catalogue(mechanisms) : METRICS;
  const configs: unknown[] = mechanisms.map((m) => m.compile(params));
  const contacts = spec.network !== undefined ? spec.network : networkFor(params, seed, rep);
  // The history first (if any): its population is dropped once the initial customers have inherited from it.
  let history = historyRun(spec, contacts);
  const pop = new Population(params.market.size, contacts);
  for (const m of mechanisms) for (const [name, kind] of Object.entries(m.columns ?? {})) pop.declare(name, kind);
  const rec = recorder(defs);
  const run = new RunState(seed, rep, params, pop, contacts, rec.slots);
  const behaviours: Behaviour[] = mechanisms.map((m, k) => (m as Mechanism).setup(run, configs[k]));

  for (const name of EVENT_NAMES) (run.emit as unknown as Record<string, unknown>)[name] = compose(defined(behaviours.map((b) => b[name])) as never[]);
  const phase = <K extends keyof Behaviour>(key: K) => defined(behaviours.map((b) => (b[key] ? (b[key] as (...a: never[]) => unknown).bind(b) : undefined))) as NonNullable<Behaviour[K]>[];
  const [begin, due, keep, serve, adopt, hear, close] = [phase('begin'), phase('due'), phase('keep'), phase('serve'), phase('adopt'), phase('hear'), phase('close')];
  const sources: CustomerEvent[] = behaviours.flatMap((b) => b.customerEvents ?? []);
  const joinedAll = phase('joinedAll');
  for (const b of behaviours) if (b.joined && b.joinedAll) throw new Error('a mechanism listens to joined one by one or in a batch (joinedAll), not both');
  const stocks = new Map(behaviours.flatMap((b) => Object.entries(b.stocks ?? {})));
  for (const d of defs) if (d.kind === 'stock' && !stocks.has(d.key)) throw new Error(`stock metric "${d.key}" has no reader: the mechanism that declares it must return one in stocks`);

  // Day 0: the initial customers, drawn uniformly without replacement (stream `initial`).
  const initial = sampleWithoutReplacement(pop.n, params.market.initialCustomers, stream(seed, 'rep', rep, 'initial'));
  joinAll(pop, initial, initial.length, run.emit.joined, joinedAll);
  if (history !== null) inherit(pop, history, initial, phase('inherit'), stream(seed, 'rep', rep, 'history.pick'));
  history = null;
  const series = emptySeries(days, defs.map((d) => d.key));
  const record = rec.bind(series, run.counts, stocks);
  run.counts.fill(0);
  record(0);
  spec.inspect?.(0, pop);
  spec.onReady?.();

  const list = pop.customers;
  for (let day = 1; day <= days; day++) {
    run.startDay(day);
    for (const f of begin) f(day);
    for (const src of sources) {
      const h = src.probability(day), fire = src.fire;
      if (h > 0) forEachHit(h, pop.customerCount, run.stream(src.stream), (k) => fire(list[k]));
    }
    for (const f of due) f(day);
    run.closeLeavers();
    let leaving = run.leaverCount;
    for (const f of keep) leaving = f(run.leavers, run.leaverExperience, leaving);
    for (let k = 0; k < leaving; k++) {
      const i = run.leavers[k];
      run.emit.leaving(i);
      pop.leave(i);
    }
    for (const f of serve) f(day);
    for (const f of adopt) f(day);
    for (const f of hear) f(day);
    joinAll(pop, run.adopters, run.adopterCount, run.emit.joined, joinedAll);
    for (const f of close) f(day);
    record(day);
    spec.inspect?.(day, pop);
    spec.onDay?.(day);
  }
  const totals = Object.assign({ customerDays: NaN, churnEvents: NaN, clv: NaN, cohortValue: NaN, costPerAcquisition: NaN }, ...behaviours.map((b) => b.totals?.(series) ?? {})) as RunTotals;
  return { strategy: spec.strategy, replication: rep, days, series, totals };
}
