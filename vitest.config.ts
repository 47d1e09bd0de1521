import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Statistical tests run real simulations of 100,000 agents: give them time (no test asserts on time).
// The pool's cost measurements (experiments/poolCost.ts) go to a fresh folder: tests neither read
// this machine's measurements nor leave theirs behind, so the default costs decide in every test.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { CXSIM_CACHE_DIR: mkdtempSync(join(tmpdir(), 'cxsim-test-cache-')) },
  },
});
