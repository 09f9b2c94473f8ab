import { defineConfig } from 'vitest/config'

/** Unit and integration suites; browser tests have their own config (e2e/vitest.config.ts). */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'common', include: ['common/test/**/*.test.ts', 'common/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['server/test/**/*.test.ts', 'server/src/**/*.test.ts'],
          // one throwaway PostgreSQL cluster per run; the database tests run against it and SQLite
          globalSetup: ['server/test/globalSetup.ts'],
          // integration tests start real servers on free ports; keep them sequential on small machines
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      { test: { name: 'client', include: ['client/src/**/*.test.ts'] } },
    ],
  },
})
