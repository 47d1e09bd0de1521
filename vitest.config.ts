import { defineConfig } from 'vitest/config';

// Statistical tests run real simulations of 100,000 agents: give them time (no test asserts on time).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
