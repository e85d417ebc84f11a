import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: each file starts a real server and a real Chromium (see harness.ts), so files run
// one after another and timeouts allow for a cold web build on a 2-core machine.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    // The web build and the demo's seeding, once per run (each file then copies the seeded folder).
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
    // expect.poll waits for the page to settle; its default second was missed under load (sign-in's
    // header check, twice on a machine at load 9). A wrong value still fails, ten seconds later.
    expect: { poll: { timeout: 10_000 } },
  },
});
