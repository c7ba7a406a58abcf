import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@shared': resolve(__dirname, 'src/shared'),
      '@renderer': resolve(__dirname, 'src/renderer/src')
    }
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Both cores: most files wait on subprocesses, sockets and fsync, and one worker (the default on
    // 2 cores) took 8 of CI's 20 minutes.
    maxWorkers: 2,
    testTimeout: 20_000,
    // As Playwright does on CI: one more try for a test that timing on a loaded 2-core machine can upset.
    retry: process.env.CI ? 1 : 0
  }
})
