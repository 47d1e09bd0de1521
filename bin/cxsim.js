#!/usr/bin/env node
// The `cxsim` command: runs the compiled JavaScript in dist/ (`npm run build`; `npm ci` and
// `npm pack` build it). In a clone whose sources are newer than dist/, it runs the sources through
// tsx instead (a development dependency), so an edit is never run stale.
import { existsSync } from 'node:fs';

const dist = new URL('../dist/cli/main.js', import.meta.url);
const script = new URL('../scripts/build.mjs', import.meta.url);
// The package has no sources or build script: only a clone can have a stale dist/.
const fresh = !existsSync(script) || (await import(script.href)).distIsFresh();
let main;
if (fresh && existsSync(dist)) {
  ({ main } = await import(dist.href));
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    console.error('cxsim: dist/ is missing or older than src/; build it with `npm run build` (or install the development dependencies to run the sources).');
    process.exit(1);
  }
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
