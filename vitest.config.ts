import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `npm test` (this config) is the fast loop, in-process: unit, property, statistical,
 * golden and CLI tests (under 3 minutes on 2 cores). The integration tier spawns what it tests —
 * the packed package installed in a temp project, Chromium, Redis with worker processes, the
 * Slurm and Kubernetes examples — and runs with `npm run test:integration`
 * (vitest.integration.config.ts); .ci/run runs both.
 */
export const INTEGRATION = ['test/package/**', 'test/browser/**', 'test/queue/**', 'test/scale/**'];

// Statistical tests run real simulations of 100,000 agents: give them time (no test asserts on time).
// The pool's cost measurements (experiments/poolCost.ts) go to a fresh folder: tests neither read
// this machine's measurements nor leave theirs behind, so the default costs decide in every test.
export const COMMON = {
  testTimeout: 120_000,
  hookTimeout: 120_000,
  env: { CXSIM_CACHE_DIR: mkdtempSync(join(tmpdir(), 'cxsim-test-cache-')) },
};

// Vitest runs files on cores − 1 workers by default: one on a 2-core machine. These tests are
// independent (each writes to its own temp folder) and CPU-bound, so use every core.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], exclude: ['**/node_modules/**', ...INTEGRATION], ...COMMON, maxWorkers: availableParallelism() },
});
