/**
 * The identity of the model code: a hash of everything that turns a job into a RunResult — the
 * bundled worker (every engine, model and random module a job runs, as esbuild emits them, so a
 * comment-only edit elsewhere does not count but any edit to that code does) and the versions of
 * the packages it imports. Stored runs are keyed by it (a store made by other model code is never
 * reused) and manifests record it. The package version would not do: the model changes between
 * releases.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { workerBundle } from './workerBundle.js';

let cached: string | undefined;

export function modelHash(): string {
  if (cached) return cached;
  const bundle = readFileSync(workerBundle(), 'utf8');
  const hash = createHash('sha256').update(bundle);
  const require = createRequire(workerBundle());
  const packages = [...new Set([...bundle.matchAll(/\bfrom\s+"([^".][^"]*)"/g)].map((m) => m[1].split('/').slice(0, m[1].startsWith('@') ? 2 : 1).join('/')))].sort();
  for (const name of packages) {
    if (name.startsWith('node:')) continue;
    let version = '?';
    try {
      version = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      // a package whose package.json is not exported: its name alone is hashed
    }
    hash.update(`\0${name}@${version}`);
  }
  return (cached = hash.digest('hex'));
}
