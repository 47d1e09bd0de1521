/**
 * Defectors keep talking (docs/MODEL.md §25): a customer who leaves the firm for a rival (or for
 * nobody) keeps saying what it said as a customer — a detractor keeps warning its contacts, a
 * promoter who moved keeps recommending — for an exponential time with half-life h, instead
 * of falling silent when it leaves. What a voice says follows standing.ts's rule: the stance
 * from likelihood to recommend at leaving (promoter, passive, detractor) and the person's fixed
 * voice u: recommend if u < share(stance), warn if a detractor and u < share(detractors).
 *
 * A voice counts where a customer's advocacy counts: in its contacts' advocatesAround /
 * warnersAround (network), and in the fully mixed totals (formerAdvocates, formerWarners).
 * Ends are kept in a heap by day; a voice that ends early (the person comes back) leaves a
 * stale heap entry that the day check skips.
 */
import { EventHeap } from '../eventHeap.js';
import type { Csr } from '../network/csr.js';
import type { StandingTotals, Ties } from '../mechanisms/standing.js';

/** What a former customer says: +1 recommends, −1 warns, 0 nothing. */
export function formerVoice(stance: number, u: number, recommend: { promoters: number; passives: number; detractorsWarn: number }): number {
  return stance === 1 ? (u < recommend.promoters ? 1 : 0) : stance === 0 ? (u < recommend.passives ? 1 : 0) : u < recommend.detractorsWarn ? -1 : 0;
}

export class DefectorVoices {
  private readonly ends = new EventHeap();
  constructor(
    private readonly says: Int8Array,
    private readonly until: Int32Array,
    private readonly totals: StandingTotals,
    private readonly contacts: Csr | null,
    private readonly advocatesAround: Int32Array,
    private readonly warnersAround: Int32Array,
    /** Tie strength (standing's), so a defector's voice counts on strong ties like a customer's. */
    private readonly ties: Ties | null = null,
  ) {}

  /** i starts saying v (+1/−1) until the start of day `untilDay`. */
  start(i: number, v: number, untilDay: number): void {
    this.stop(i);
    if (v === 0) return;
    this.says[i] = v;
    this.until[i] = untilDay;
    this.ends.push(untilDay, i);
    this.shift(i, v, 1);
  }

  /** i stops talking as a former customer (its voice ended, or it came back). */
  stop(i: number): void {
    const v = this.says[i];
    if (v === 0) return;
    this.says[i] = 0;
    this.until[i] = 0;
    this.shift(i, v, -1);
  }

  /** The voices whose time is over by the start of `day` stop. */
  expire(day: number): void {
    while (this.ends.size > 0 && this.ends.peekTime() <= day) {
      const time = this.ends.peekTime(), id = this.ends.peekId();
      this.ends.pop();
      if (this.until[id] === time) this.stop(id);
    }
  }

  private shift(i: number, v: number, by: number): void {
    if (v === 1) this.totals.formerAdvocates += by;
    else this.totals.formerWarners += by;
    const csr = this.contacts;
    if (csr === null) return;
    const around = v === 1 ? this.advocatesAround : this.warnersAround;
    const nb = csr.neighbors;
    for (let e = csr.offsets[i], end = csr.offsets[i + 1]; e < end; e++) around[nb[e]] += by;
    const ties = this.ties;
    if (ties === null) return;
    const strongAround = v === 1 ? ties.strongAdvocatesAround : ties.strongWarnersAround, strong = ties.strong;
    for (let e = csr.offsets[i], end = csr.offsets[i + 1]; e < end; e++) strongAround[nb[e]] += by * strong[e];
  }
}
