/**
 * A binary min-heap of (time, id) events in typed arrays, for the contact centre's
 * discrete-event simulation. Ties are broken by id so the order is deterministic.
 */
export class EventHeap {
  private time: Float64Array;
  private id: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.id = new Int32Array(capacity);
  }

  push(t: number, id: number): void {
    if (this.size === this.time.length) this.grow();
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.before(t, id, this.time[parent], this.id[parent])) break;
      this.time[k] = this.time[parent];
      this.id[k] = this.id[parent];
      k = parent;
    }
    this.time[k] = t;
    this.id[k] = id;
  }

  peekTime(): number {
    return this.size === 0 ? Infinity : this.time[0];
  }

  peekId(): number {
    return this.id[0];
  }

  /** Removes the earliest event; read it with peekTime/peekId first. */
  pop(): void {
    const last = --this.size;
    const t = this.time[last], id = this.id[last];
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= last) break;
      if (child + 1 < last && this.before(this.time[child + 1], this.id[child + 1], this.time[child], this.id[child])) child++;
      if (!this.before(this.time[child], this.id[child], t, id)) break;
      this.time[k] = this.time[child];
      this.id[k] = this.id[child];
      k = child;
    }
    this.time[k] = t;
    this.id[k] = id;
  }

  private before(t1: number, id1: number, t2: number, id2: number): boolean {
    return t1 < t2 || (t1 === t2 && id1 < id2);
  }

  private grow(): void {
    const time = new Float64Array(this.time.length * 2);
    const id = new Int32Array(this.id.length * 2);
    time.set(this.time);
    id.set(this.id);
    this.time = time;
    this.id = id;
  }
}
