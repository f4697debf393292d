import { defineConfig } from 'vitest/config'

// Unit and integration tests (core, backend on real SQLite files, sync on real temp folders).
// End-to-end tests live in test/e2e and run under Playwright, not here.
export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/main/**/*.test.ts', 'test/renderer/**/*.test.ts'],
    environment: 'node',
    env: { SMO_CHECK_OUTPUT: '1' },
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]]
  }
})
