/**
 * Where the command line writes, and what it reads from its surroundings (arguments, clock):
 * the real process for `bin/cxsim.js`, captured strings for tests that run the CLI in-process.
 * Every line a command prints goes through `out`/`err`, which make text terminal-safe, so a name
 * from a scenario file can never move the cursor, clear the screen or retitle the window.
 */
import { terminalSafe } from '../scenario/text.js';

/** A writable text stream: process.stdout/stderr, or a test's collector. */
export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  /** Raw streams: only progress bars (which draw with escape codes of their own) write here directly. */
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** The arguments as typed (after `cxsim`), for the resume hint after Ctrl-C. */
  readonly argv: readonly string[];
  /** Milliseconds; progress waits a moment before it shows. Tests pass a clock that stands still. */
  now(): number;
  /** Prints a line (or lines) on stdout, terminal-safe. */
  out(text?: string): void;
  /** Prints a line (or lines) on stderr, terminal-safe. */
  err(text?: string): void;
  /** Exit code so far: commands set it when they report a failure without throwing (e.g. reproduce). */
  exitCode: number;
}

export interface IoInput {
  stdout: TextSink;
  stderr: TextSink;
  argv: readonly string[];
  now?: () => number;
}

export function makeIo(x: IoInput): Io {
  return {
    stdout: x.stdout,
    stderr: x.stderr,
    argv: x.argv,
    now: x.now ?? Date.now,
    out: (text = '') => void x.stdout.write(`${terminalSafe(text)}\n`),
    err: (text = '') => void x.stderr.write(`${terminalSafe(text)}\n`),
    exitCode: 0,
  };
}

/** The real process: what `cxsim` on a terminal uses. */
export const processIo = (): Io => makeIo({ stdout: process.stdout, stderr: process.stderr, argv: process.argv.slice(2) });
