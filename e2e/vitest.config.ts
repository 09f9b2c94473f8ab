import { defineConfig } from 'vitest/config'

/** Browser tests: Debian Chromium via playwright-core against the built client and a real server. */
export default defineConfig({
  test: {
    name: 'browser',
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
