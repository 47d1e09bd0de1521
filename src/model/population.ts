/**
 * The people of the market as a struct of typed arrays (one entry per person, prospects
 * included): the lifecycle state, kept by the engine, and the columns the mechanisms declare.
 * No per-agent objects: the hot loops read columns.
 *
 * The customers are also kept as a dense list (order: deterministic, not by index) with each
 * customer's slot in it, so a pass over customers, or a skip through them, never scans the
 * market; joining appends, leaving moves the last entry into the leaver's slot.
 *
 * The people who could adopt (prospects and churned people) are kept, on request, as a list in
 * ascending order: a pass that gives each of them one draw visits them in the order a scan of
 * the market would, without stepping over the customers. Joins leave it by compaction during
 * that pass; anyone re-entering (a leaver, a competitor's customer returning) makes it rebuilt
 * by one scan.
 */
import type { Csr } from './network/csr.js';

export { CHURNED, CUSTOMER, PROSPECT, RIVAL } from './lifecycle.js';
import { CHURNED, CUSTOMER, PROSPECT, RIVAL } from './lifecycle.js';

export type ColumnKind = 'u8' | 'i8' | 'i32' | 'f32' | 'f64';
/** A column's kind, or the kind plus `network: true` for columns only a social network needs (empty when fully mixed). */
export type ColumnSpec = ColumnKind | { kind: ColumnKind; network: true };

const ARRAY = { u8: Uint8Array, i8: Int8Array, i32: Int32Array, f32: Float32Array, f64: Float64Array } as const;
type ArrayOf = { u8: Uint8Array; i8: Int8Array; i32: Int32Array; f32: Float32Array; f64: Float64Array };

export const BYTES_PER_ELEMENT: Readonly<Record<ColumnKind, number>> = { u8: 1, i8: 1, i32: 4, f32: 4, f64: 8 };

export class Population {
  readonly state: Uint8Array; // PROSPECT | CUSTOMER | CHURNED | RIVAL
  /** The customers, densely; `slot[i]` is i's position, −1 for non-customers. */
  readonly customers: Int32Array;
  readonly slot: Int32Array;
  customerCount = 0;
  churnedCount = 0;
  /** Customers of competitors (state RIVAL); 0 without competitors. */
  rivalCount = 0;
  /** Prospects and churned people in ascending order (allocated on first use; see adoptable()). */
  private open: Int32Array | null = null;
  private openCount = 0;
  private openStale = true;
  private readonly columns = new Map<string, { kind: ColumnKind; array: ArrayOf[ColumnKind] }>();

  constructor(
    readonly n: number,
    readonly contacts: Csr | null,
  ) {
    this.state = new Uint8Array(n);
    this.customers = new Int32Array(n);
    this.slot = new Int32Array(n).fill(-1);
  }

  /** Allocates a declared column (zero-filled); a network-only column is empty without a network. */
  declare(name: string, spec: ColumnSpec): void {
    if (this.columns.has(name)) throw new Error(`column "${name}" is declared twice`);
    const kind = typeof spec === 'string' ? spec : spec.kind;
    const length = typeof spec === 'string' || this.contacts !== null ? this.n : 0;
    this.columns.set(name, { kind, array: new ARRAY[kind](length) });
  }

  /** Whether a column of this name is declared. */
  has(name: string): boolean {
    return this.columns.has(name);
  }

  /** A declared column of the given kind. */
  column<K extends ColumnKind>(name: string, kind: K): ArrayOf[K] {
    const c = this.columns.get(name);
    if (c === undefined) throw new Error(`no column "${name}": is the mechanism that declares it registered?`);
    if (c.kind !== kind) throw new Error(`column "${name}" is ${c.kind}, not ${kind}`);
    return c.array as ArrayOf[K];
  }

  /** Person i becomes a customer (the engine announces it). */
  join(i: number): void {
    if (this.state[i] === CHURNED) this.churnedCount--;
    else if (this.state[i] === RIVAL) this.rivalCount--;
    this.state[i] = CUSTOMER;
    this.slot[i] = this.customerCount;
    this.customers[this.customerCount++] = i;
  }

  /**
   * The people who could adopt today (prospects and churned people) in ascending order: the
   * first `count` entries of `list`, possibly with some who have since become customers or a
   * competitor's. A pass over it skips those and hands the list back compacted (keepAdoptable),
   * so keeping it costs nothing beyond the pass. Rebuilt by one scan when someone re-entered.
   */
  adoptable(): { list: Int32Array; count: number } {
    const state = this.state;
    if (this.open === null) this.open = new Int32Array(this.n);
    const list = this.open;
    if (this.openStale) {
      let w = 0;
      for (let i = 0; i < this.n; i++) if (state[i] === PROSPECT || state[i] === CHURNED) list[w++] = i;
      this.openStale = false;
      this.openCount = w;
    }
    return { list, count: this.openCount };
  }

  /** A pass over adoptable() kept, in order, its first `count` entries: every prospect and churned person among them. */
  keepAdoptable(count: number): void {
    this.openCount = count;
  }

  /** Customer i leaves and is churned. */
  leave(i: number): void {
    this.openStale = true;
    this.state[i] = CHURNED;
    this.churnedCount++;
    const k = this.slot[i], last = this.customers[--this.customerCount];
    this.customers[k] = last;
    this.slot[last] = k;
    this.slot[i] = -1;
  }

  /** Non-customer i (prospect or churned) becomes a competitor's customer. */
  toRival(i: number): void {
    if (this.state[i] === CHURNED) this.churnedCount--;
    this.state[i] = RIVAL;
    this.rivalCount++;
  }

  /** A competitor's customer i leaves the sector: churned if it was ever the firm's customer, else a prospect. */
  fromRival(i: number, formerCustomer: boolean): void {
    this.openStale = true;
    this.rivalCount--;
    this.state[i] = formerCustomer ? CHURNED : PROSPECT;
    if (formerCustomer) this.churnedCount++;
  }
}

/** Bytes per person of a set of column declarations (with and without a network). */
export function bytesPerPerson(specs: Iterable<ColumnSpec>, network: boolean): number {
  let b = 1 + 4 + 4; // state, customer list, slot
  for (const s of specs) if (typeof s === 'string' || network) b += BYTES_PER_ELEMENT[typeof s === 'string' ? s : s.kind];
  return b;
}
