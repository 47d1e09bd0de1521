/**
 * Writing inside an output folder, the one way every cxsim output reaches the disk:
 * - paths stay inside the folder (a relative path of plain segments, never `..`);
 * - no symbolic link inside the folder is followed: a linked sub-folder is refused, and a file
 *   is replaced by renaming a new file over it, which replaces a link instead of writing through it;
 * - a file is written aside (created exclusively, so an existing name or link there fails) and
 *   renamed into place, so a reader or a crash never sees half a file.
 * The folder itself is what the user named and may be a link.
 */
import { randomBytes } from 'node:crypto';
import { constants, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, closeSync, fsyncSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../scenario/errors.js';

/** Segments a derived path may use: our own file names (`charts/nps.svg`, `runs.jsonl`), nothing a user wrote. */
const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** Marks temporary files; a run removes those an interrupted run left behind (cleanTemporaries). */
const TMP_MARK = '.cxsim-tmp-';

/** Checks a relative output path and returns its segments; throws (a bug, not a user error) when it could leave the folder. */
export function segmentsOf(rel: string): string[] {
  const segs = rel.split('/');
  if (segs.some((s) => !SEGMENT.test(s) || s === '.' || s === '..' || s.length > 200)) throw new Error(`not a path inside the output folder: ${JSON.stringify(rel)}`);
  return segs;
}

/** Refuses a symbolic link at `path` (a folder cxsim would write into, or a store it would append to). */
function refuseLink(path: string): void {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (isLink) throw new UserError(`${path} is a symbolic link: cxsim does not write through links; remove it or choose another --out folder`);
}

/** Creates `root` (as the user named it) and the sub-folders of `rel`'s parent, refusing links among the sub-folders. Returns the parent's path. */
export function ensureParent(root: string, rel: string): string {
  mkdirSync(root, { recursive: true });
  const segs = segmentsOf(rel);
  let dir = root;
  for (const seg of segs.slice(0, -1)) {
    dir = join(dir, seg);
    refuseLink(dir);
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return dir;
}

/** The absolute-or-as-given path of `rel` under root, after checking it stays inside (without touching the disk). */
export function pathIn(root: string, rel: string): string {
  return join(root, ...segmentsOf(rel));
}

/** Writes `data` to root/rel atomically (aside, then renamed into place), never through a link; chunks are streamed, not joined in memory. */
export function writeFileIn(root: string, rel: string, data: string | Uint8Array | Iterable<string>): void {
  const parent = ensureParent(root, rel);
  const target = join(parent, basename(rel));
  writeAtomic(target, data);
}

/**
 * Writes a file atomically: a new file beside it (created exclusively: O_EXCL never follows a
 * link and fails on an existing name) is filled, flushed and renamed over the target.
 */
export function writeAtomic(target: string, data: string | Uint8Array | Iterable<string>): void {
  const tmp = join(dirname(target), `.${basename(target).slice(0, 100)}${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(fd, data);
    else writeChunks(fd, data);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes text chunks through a buffer of about 1 MiB: a long table never exists as one string. */
function writeChunks(fd: number, chunks: Iterable<string>): void {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    writeFileSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  for (const c of chunks) {
    pending.push(c);
    size += c.length;
    if (size >= 1 << 20) flush();
  }
  flush();
}

/** Opens root/rel for appending (created when missing) without following a link; the caller closes it. */
export function openAppendIn(root: string, rel: string): number {
  const parent = ensureParent(root, rel);
  const path = join(parent, basename(rel));
  refuseLink(path);
  return openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0), 0o644);
}

/** Fails when root/rel is a symbolic link (before reading it: a store must be the folder's own file). */
export function refuseLinkIn(root: string, rel: string): void {
  refuseLink(pathIn(root, rel));
}

/** Removes temporary files an interrupted writer left in root and the given sub-folders (they never count as outputs). */
export function cleanTemporaries(root: string, subFolders: readonly string[] = []): void {
  for (const sub of ['', ...subFolders]) {
    const dir = sub ? pathIn(root, sub) : root;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (name.startsWith('.') && name.includes(TMP_MARK)) rmSync(join(dir, name), { force: true });
  }
}
