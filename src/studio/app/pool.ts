/// <reference lib="dom" />
/**
 * A small pool of web workers for simulation jobs. `cancel()` drops queued jobs and replaces busy
 * workers (a run cannot be interrupted from outside), so a slider move never waits for stale runs.
 */
import type { Job } from '../../experiments/jobs.js';
import type { RunResult } from '../../model/metrics.js';

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Queued {
  job: Job;
  resolve: (r: RunResult) => void;
  reject: (e: Error) => void;
}

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Queued[] = [];
  private pending = new Map<number, Queued & { slot: Slot }>();
  private nextId = 1;

  constructor(
    private readonly url: string,
    readonly size: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.url), busy: false };
    slot.worker.onmessage = (e: MessageEvent<{ id: number; result?: RunResult; error?: string }>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      slot.busy = false;
      if (e.data.error !== undefined) p.reject(new Error(e.data.error));
      else p.resolve(e.data.result!);
      this.pump();
    };
    return slot;
  }

  run(job: Job): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const q = this.queue.shift()!;
      const id = this.nextId++;
      slot.busy = true;
      this.pending.set(id, { ...q, slot });
      slot.worker.postMessage({ id, job: q.job });
    }
  }

  /** Forgets every queued and running job (their promises never settle) and restarts busy workers. */
  cancel(): void {
    this.queue = [];
    for (const p of this.pending.values()) {
      p.slot.worker.terminate();
      const i = this.slots.indexOf(p.slot);
      if (i >= 0) this.slots[i] = this.spawn();
    }
    this.pending.clear();
  }
}
