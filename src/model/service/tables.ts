/**
 * Small typed-array containers for the contact centre: a pool of ids with named columns
 * (recycled ids, growing on demand) and a FIFO of ids (a growing ring buffer).
 */
export class IdPool<I extends string, F extends string> {
  readonly int = {} as Record<I, Int32Array>;
  readonly float = {} as Record<F, Float64Array>;
  private freeIds: number[] = [];
  private size = 0;
  private capacity = 256;

  constructor(private intNames: I[], private floatNames: F[]) {
    for (const k of intNames) this.int[k] = new Int32Array(this.capacity);
    for (const k of floatNames) this.float[k] = new Float64Array(this.capacity);
  }

  alloc(): number {
    if (this.freeIds.length > 0) return this.freeIds.pop()!;
    if (this.size === this.capacity) this.grow();
    return this.size++;
  }

  /** Returns an id to the pool. Freed ids are reused in last-freed-first order (deterministic). */
  free(id: number): void {
    this.freeIds.push(id);
  }

  /** How many allocated ids have `column[id] === value` (a daily count, not a hot path). */
  count(value: number, column: Int32Array): number {
    const free = new Set(this.freeIds);
    let n = 0;
    for (let id = 0; id < this.size; id++) if (column[id] === value && !free.has(id)) n++;
    return n;
  }

  private grow(): void {
    this.capacity *= 2;
    for (const k of this.intNames) {
      const a = new Int32Array(this.capacity);
      a.set(this.int[k]);
      this.int[k] = a;
    }
    for (const k of this.floatNames) {
      const a = new Float64Array(this.capacity);
      a.set(this.float[k]);
      this.float[k] = a;
    }
  }
}

export class Fifo {
  private buf = new Int32Array(256);
  private head = 0;
  length = 0;

  push(x: number): void {
    if (this.length === this.buf.length) {
      const b = new Int32Array(this.buf.length * 2);
      for (let k = 0; k < this.length; k++) b[k] = this.buf[(this.head + k) % this.buf.length];
      this.buf = b;
      this.head = 0;
    }
    this.buf[(this.head + this.length++) % this.buf.length] = x;
  }

  /** Keeps only the entries for which `keep` holds, in order. */
  filter(keep: (x: number) => boolean): void {
    const kept: number[] = [];
    while (this.length > 0) {
      const x = this.shift();
      if (keep(x)) kept.push(x);
    }
    for (const x of kept) this.push(x);
  }

  shift(): number {
    const x = this.buf[this.head];
    this.head = (this.head + 1) % this.buf.length;
    this.length--;
    return x;
  }
}
