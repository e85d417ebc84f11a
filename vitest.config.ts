import { defineConfig } from 'vitest/config';

// Unit and integration tests sit next to the code they test. The database engine for the
// integration suite is chosen by TEST_DB_ENGINE (sqlite | postgres), see server/test/db.ts.
// End-to-end browser tests have their own config in test/e2e.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
