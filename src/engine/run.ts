/**
 * The engine's side of a run: what the mechanisms see as `Run` (mechanism.ts) — the day's
 * random streams, the day's counters, the model events bound to their listeners, and the lists
 * of today's would-be leavers and adopters.
 */
import type { ModelEvents, Run } from '../model/mechanism.js';
import type { Params } from '../model/params.js';
import type { Csr } from '../model/network/csr.js';
import type { Population } from '../model/population.js';
import { stream, type Rng } from '../random/streams.js';

export const EVENT_NAMES = ['joined', 'leaving', 'experience', 'problem', 'complaint', 'caseEnded', 'story', 'heard', 'served'] as const satisfies readonly (keyof ModelEvents)[];

type Listener = (a: number, b: number, c: number, d: number, e: number) => void;
/** The listener of an event nobody listens to (a loop that would only call it can be skipped). */
export const noop = () => {};

/**
 * One function calling every listener in order: a direct call when there is one, else a chain
 * of closures, each calling one known function (monomorphic call sites the JIT can inline,
 * where a loop over the listeners would be one megamorphic call site).
 */
export function compose(listeners: readonly Listener[]): Listener {
  if (listeners.length === 0) return noop;
  const [f, ...rest] = listeners;
  if (rest.length === 0) return f;
  const g = compose(rest);
  return (a, b, c, d, e) => { f(a, b, c, d, e); g(a, b, c, d, e); };
}

export class RunState implements Run {
  day = 0;
  readonly emit = {} as ModelEvents;
  readonly counts: Float64Array;
  readonly leavers: Int32Array;
  /** 1 when the leaver at the same position leaves over an experience. */
  readonly leaverExperience: Uint8Array;
  leaverCount = 0;
  readonly adopters: Int32Array;
  adopterCount = 0;
  private readonly leaving: Uint8Array;
  private readonly streams = new Map<string, Rng>();

  constructor(
    readonly seed: number,
    readonly replication: number,
    readonly params: Params,
    readonly pop: Population,
    readonly contacts: Csr | null,
    private readonly slots: ReadonlyMap<string, number>,
  ) {
    this.counts = new Float64Array(slots.size);
    this.leavers = new Int32Array(pop.n);
    this.leaverExperience = new Uint8Array(pop.n);
    this.leaving = new Uint8Array(pop.n);
    this.adopters = new Int32Array(pop.n);
  }

  /** Today's stream for a purpose (the same generator all day); on day 0 (setup) the run's own. */
  stream(purpose: string): Rng {
    let s = this.streams.get(purpose);
    if (s === undefined) {
      s = this.day === 0 ? stream(this.seed, 'rep', this.replication, purpose) : stream(this.seed, 'rep', this.replication, 'day', this.day, purpose);
      this.streams.set(purpose, s);
    }
    return s;
  }

  counter(key: string): number {
    const s = this.slots.get(key);
    if (s === undefined) throw new Error(`no counter "${key}": only flow and money metrics of registered mechanisms are counters`);
    return s;
  }

  /** A new day: fresh streams, zero counts, empty lists. */
  startDay(day: number): void {
    this.day = day;
    this.streams.clear();
    this.counts.fill(0);
    this.leaverCount = 0;
    this.adopterCount = 0;
  }

  wouldLeave(i: number, experience: boolean): void {
    if (this.leaving[i] === 1) return;
    this.leaving[i] = 1;
    this.leaverExperience[this.leaverCount] = experience ? 1 : 0;
    this.leavers[this.leaverCount++] = i;
  }

  /** Ends the day's would-leave announcements (clears the duplicate marks). */
  closeLeavers(): void {
    for (let k = 0; k < this.leaverCount; k++) this.leaving[this.leavers[k]] = 0;
  }

  adopt(i: number): void {
    this.adopters[this.adopterCount++] = i;
  }
}
