/**
 * Progress on stderr for runs longer than a moment: a bar with ETA on a terminal, a plain
 * line every 10% otherwise (logs, CI). Nothing during the first second, nothing with --quiet.
 */
import cliProgress from 'cli-progress';
import type { Io } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const QUIET: Progress = { update() {}, stop() {} };
const GRACE_MS = 1000;

/**
 * `unit` names what is counted: run-days (days simulated) or runs (finished simulation runs).
 * Progress goes to io.stderr on io's clock (tests pass one that stands still: no test depends on speed).
 */
export function createProgress(io: Io, label: string, quiet: boolean, unit = 'run-days'): Progress {
  if (quiet) return QUIET;
  const stream = io.stderr;
  const start = io.now();
  let bar: cliProgress.SingleBar | null = null;
  let lastTenth = 0;
  return {
    update(done, total) {
      const elapsed = io.now() - start;
      if (elapsed < GRACE_MS && done < total) return;
      if (stream.isTTY) {
        if (bar === null) {
          if (done >= total) return;
          bar = new cliProgress.SingleBar(
            { stream: stream as NodeJS.WritableStream, format: `${label} {bar} {percentage}% | ETA {eta_formatted} | {value}/{total} ${unit}`, hideCursor: true, etaBuffer: 200 },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, done);
        }
        bar.update(done);
        return;
      }
      const tenth = Math.floor((10 * done) / total);
      if (tenth > lastTenth && done < total) {
        lastTenth = tenth;
        const eta = ((elapsed / done) * (total - done)) / 1000;
        stream.write(`${label}: ${tenth * 10}% (${done}/${total} ${unit}), about ${Math.ceil(eta)} s left\n`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
