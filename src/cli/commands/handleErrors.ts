/** Turns errors a user can fix into readable messages and exit code 1, so no command prints a stack trace for them. */
import { ScenarioError, UserError } from '../../scenario/errors.js';
import type { Io } from '../io.js';
import { UsageError } from '../usage.js';

// File-system failures caused by paths the user gave (e.g. `--out` into a missing or read-only folder).
const USER_FS_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EROFS', 'ENOSPC', 'ENAMETOOLONG', 'ELOOP']);

/**
 * Prints an error on io.stderr and returns the exit code: a ScenarioError its problem list, other
 * user errors one line, anything else one line plus how to get the stack (CXSIM_DEBUG=1).
 */
export function reportError(io: Io, e: unknown): number {
  // An error may carry its own exit code (an interrupted experiment exits 130, like a Ctrl-C).
  const code = (e as { exitCode?: unknown } | null)?.exitCode;
  if (e instanceof ScenarioError || e instanceof UsageError) {
    io.err(e.format());
  } else if (e instanceof UserError || isUserFsError(e)) {
    io.err(`cxsim: ${(e as Error).message}`);
  } else if (process.env.CXSIM_DEBUG === '1') {
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
  } else {
    const message = e instanceof Error ? e.message : String(e);
    io.err(`cxsim: unexpected error: ${message.split('\n')[0]}`);
    io.err('run with CXSIM_DEBUG=1 for the stack trace');
  }
  return typeof code === 'number' ? code : 1;
}

function isUserFsError(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException | undefined;
  return e instanceof Error && typeof err?.code === 'string' && USER_FS_CODES.has(err.code) && typeof err.path === 'string';
}
