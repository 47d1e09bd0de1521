/** Turns errors a user can fix into readable messages and exit code 1, so no command prints a stack trace for them. */
import { ScenarioError, UserError } from '../../scenario/errors.js';

// File-system failures caused by paths the user gave (e.g. `--out` into a missing or read-only folder).
const USER_FS_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EROFS', 'ENOSPC']);

/** Wraps a command handler: ScenarioError prints its problem list, other user errors one line, anything else one line plus how to get the stack. */
export function withFriendlyErrors<A extends unknown[]>(fn: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      reportError(e);
    }
  };
}

/** Prints an error the way withFriendlyErrors does and sets process.exitCode = 1. */
export function reportError(e: unknown): void {
  // An error may carry its own exit code (an interrupted experiment exits 130, like a Ctrl-C).
  const code = (e as { exitCode?: unknown } | null)?.exitCode;
  process.exitCode = typeof code === 'number' ? code : 1;
  if (e instanceof ScenarioError) {
    console.error(e.format());
  } else if (e instanceof UserError || isUserFsError(e)) {
    console.error(`cxsim: ${(e as Error).message}`);
  } else if (process.env.CXSIM_DEBUG === '1') {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  } else {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`cxsim: unexpected error: ${message.split('\n')[0]}`);
    console.error('run with CXSIM_DEBUG=1 for the stack trace');
  }
}

function isUserFsError(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException | undefined;
  return e instanceof Error && typeof err?.code === 'string' && USER_FS_CODES.has(err.code) && typeof err.path === 'string';
}
