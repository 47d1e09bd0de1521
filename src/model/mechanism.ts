/**
 * The contract of a mechanism, the unit of extension of the model. A mechanism is one module
 * that owns everything about one part of the model:
 *
 *   sections   its part of the scenario language (zod, with defaults and documentation)
 *   compile    the resolved parameters → its own typed config (per-day rates, tables)
 *   columns    its per-person state (typed arrays, allocated by the population)
 *   metrics    its counters, stocks and money lines, each declared once with label and unit
 *   setup      per run: draws its traits, returns the kernels the engine calls (Behaviour)
 *
 * The engine knows no mechanism by name: it orders the day's phases and calls what the
 * mechanisms of the registry (registry.ts) return. Mechanisms talk through the model events
 * (`run.emit`), through the population's columns, and through accessors a module exports
 * for its own per-run state (e.g. `womOf(run)`), so dependencies are explicit imports.
 * docs/EXTENDING.md works through adding one.
 */
import type { z } from 'zod';
import type { Rng } from '../random/streams.js';
import type { MetricDecl, RunTotals, Series } from './metrics.js';
import type { Csr } from './network/csr.js';
import type { Params } from './params.js';
import type { ColumnSpec, Population } from './population.js';

/** Kinds of experience a customer goes through (they move memory and trust differently). */
export const EPISODE = 0, EPISODE_PROBLEM = 1, CONTACT = 2;
export type ExperienceKind = typeof EPISODE | typeof EPISODE_PROBLEM | typeof CONTACT;

/**
 * The model events: what happens to a person, announced by the mechanism that makes it happen
 * and heard by every mechanism that listens (in registry order).
 */
export interface ModelEvents {
  /** i has become a customer (state already CUSTOMER). On day 0 for the initial customers. */
  joined(i: number): void;
  /** i is about to leave (still a customer while listeners run). */
  leaving(i: number): void;
  /** i went through an experience with this score (0–10); `salience`, when given, is its weight in memory instead of the default. */
  experience(i: number, score: number, kind: ExperienceKind, salience?: number): void;
  /**
   * A step of i's episode failed with this severity (index into SEVERITIES). `shortfall` is how
   * far the episode fell below what i expected, (E − score)/E, clipped to [0, 1].
   */
  problem(i: number, severity: number, shortfall: number, score: number): void;
  /** i voiced a complaint about a problem: it becomes a case for the service desk. */
  complaint(i: number, severity: number, shortfall: number): void;
  /** i's problem ended with an outcome (SILENT when never voiced); `score` is how its last experience felt. */
  caseEnded(i: number, severity: number, shortfall: number, outcome: number, score: number): void;
  /** i has something to tell: an experience of this score is over (an episode, a case, a request). */
  story(i: number, score: number): void;
  /** Customer i heard word of mouth today: shares σ± of its contacts who told it good/bad news. */
  heard(i: number, positive: number, negative: number): void;
  /**
   * Serving i took `minutes` of an employee's time (a contact handled), cost `cost` in money paid
   * for i alone (goodwill, a letter, a return) and brought `revenue` (an upsell): what i caused (F18).
   */
  served(i: number, minutes: number, cost: number, revenue: number): void;
}

/** A customer event: each customer has it today with `probability()` (independently), drawn by skipping. */
export interface CustomerEvent {
  /** The random stream that picks who has it (its own, so other mechanisms' draws never shift it). */
  stream: string;
  /** Probability per customer today; an upper bound when `fire` thins (accepts a share of the hits). */
  probability(day: number): number;
  /** Customer i has the event (or, when thinning, is a candidate). */
  fire(i: number): void;
}

/** What a mechanism does in a run. Every member is optional; the engine calls what is there. */
export interface Behaviour extends Partial<ModelEvents> {
  /**
   * The day's new customers at once (phase join), instead of `joined` one by one: a batch form for
   * mechanisms on the hot path (thousands of joins a day). A mechanism gives one or the other.
   */
  joinedAll?(list: Int32Array, count: number): void;
  /** Phase `begin`: the start of the day. */
  begin?(day: number): void;
  /** Phase `events`: customer events drawn over today's customers. */
  customerEvents?: readonly CustomerEvent[];
  /** Phase `due`: decisions scheduled for today (announce would-be leavers with run.wouldLeave). */
  due?(day: number): void;
  /**
   * Phase `keep`: may keep some of today's would-be leavers (list[0…count), with `experience[k]`
   * 1 when leaver k leaves over an experience); compacts both lists and returns how many remain.
   */
  keep?(list: Int32Array, experience: Uint8Array, count: number): number;
  /** Phase `serve`: the service desk works the day. */
  serve?(day: number): void;
  /** Phase `adopt`: non-customers decide whether to buy (announce with run.adopt). */
  adopt?(day: number): void;
  /** Phase `hear`: customers take in what they heard today, after every adoption decision. */
  hear?(day: number): void;
  /** Phase `close`: the day's money is booked (before today's adopters start paying). */
  close?(day: number): void;
  /**
   * Day 0 with a history (market.initialHistoryDays): initial customer i takes over what this
   * mechanism carries from customer j at the end of the history run, whose population is `from`.
   */
  inherit?(i: number, from: Population, j: number): void;
  /** Values of the mechanism's stock metrics, read at the end of every day (and on day 0). */
  stocks?: Readonly<Record<string, () => number>>;
  /** Run-level totals, once the series are complete. */
  totals?(series: Series): Partial<RunTotals>;
}

/** A mechanism's view of the run it takes part in. */
export interface Run {
  readonly seed: number;
  readonly replication: number;
  readonly params: Params;
  readonly pop: Population;
  /** The social network, or null when fully mixed. */
  readonly contacts: Csr | null;
  /** The current day (0 during setup). */
  readonly day: number;
  /** Today's stream for a purpose, derived from (seed, replication, day, purpose); during setup, the run's own. */
  stream(purpose: string): Rng;
  /** Slot of a flow or money metric in `counts` (reset to 0 every day). */
  counter(key: string): number;
  readonly counts: Float64Array;
  /** The model events (read `run.emit.x` when calling: listeners are bound after every setup). */
  readonly emit: ModelEvents;
  /** Customer i wants to leave today (phases events and due), over an experience or not; duplicates are ignored. */
  wouldLeave(i: number, experience: boolean): void;
  /** Non-customer i buys today (phase adopt); becomes a customer in phase join. */
  adopt(i: number): void;
}

/** The sections a mechanism owns in the scenario language, by key. */
export type Sections = Readonly<Record<string, z.ZodType>>;

export interface Mechanism<S extends Sections = Sections, C = unknown, M extends string = string> {
  /** Name, for messages and docs. */
  readonly name: string;
  /** One line: what it represents (and the facts behind it). */
  readonly doc: string;
  readonly sections: S;
  /** Per-person state columns by name. */
  readonly columns?: Readonly<Record<string, ColumnSpec>>;
  readonly metrics?: readonly MetricDecl<M>[];
  /** Cross-field rules on the resolved parameters; report with `issue(path, message)`. */
  check?(params: Params, issue: (path: (string | number)[], message: string) => void): void;
  compile(params: Params): C;
  setup(run: Run, cfg: C): Behaviour;
}
