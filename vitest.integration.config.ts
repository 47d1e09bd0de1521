import { defineConfig } from 'vitest/config';
import { COMMON, INTEGRATION } from './vitest.config.js';

/** The integration tier (see vitest.config.ts): tests that spawn packages, browsers, Redis and processes. */
export default defineConfig({
  test: { include: INTEGRATION.map((g) => (g.endsWith('**') ? `${g}/*.test.ts` : g)), ...COMMON },
});
