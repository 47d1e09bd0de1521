/**
 * One writer per output folder: a lock file (`.cxsim.lock`, created exclusively) names the process
 * that writes there. A second cxsim aimed at the same folder refuses with a clear message instead
 * of interleaving its runs and outputs with the first one's. A lock whose process is gone (killed,
 * crashed) is taken over.
 */
import { closeSync, constants, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../scenario/errors.js';
import { ensureParent } from './folder.js';

export const LOCK_FILE = '.cxsim.lock';

interface Holder {
  pid: number;
  host: string;
  command: string;
  token: string;
}

export interface FolderLock {
  release(): void;
}

/** Takes the folder's lock for `command` (shown to a second process), or throws a UserError naming who holds it. */
export function lockFolder(root: string, command: string): FolderLock {
  ensureParent(root, LOCK_FILE);
  const path = join(root, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), command, token: `${process.pid}-${Math.random().toString(36).slice(2)}` };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
      writeSync(fd, JSON.stringify(me) + '\n');
      closeSync(fd);
      return { release: () => releaseIfMine(path, me.token) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    if (holder && holder.host === me.host && alive(holder.pid)) {
      throw new UserError(`another cxsim (process ${holder.pid}: ${holder.command}) is writing to ${root}; wait for it to finish, or choose another --out folder (if no cxsim is running there, delete ${path})`);
    }
    if (holder && holder.host !== me.host) {
      throw new UserError(`${root} is locked by cxsim on ${holder.host} (process ${holder.pid}: ${holder.command}); choose another --out folder, or delete ${path} if that run is over`);
    }
    // The holder is gone (or the file is unreadable, e.g. torn by a crash): take the lock over.
    rmSync(path, { force: true });
  }
  throw new UserError(`could not take the lock ${path}: other processes keep taking it; choose another --out folder`);
}

function readHolder(path: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Holder;
    return Number.isInteger(h.pid) && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id exists (EPERM: it exists but belongs to someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfMine(path: string, token: string): void {
  if (readHolder(path)?.token === token) rmSync(path, { force: true });
}
