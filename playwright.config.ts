import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the extension in a fresh profile, so tests share
// nothing; two workers match the two cores of the machines this runs on.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_JSON ? [['list'], ['json', { outputFile: process.env.E2E_JSON }]] : [['list']],
  // A separate build (SHELFWISE_OUT_DIR, see wxt.config.ts) keeps its own results too, so one
  // engineer's run does not wipe another's error context.
  outputDir: process.env.SHELFWISE_OUT_DIR ? `${process.env.SHELFWISE_OUT_DIR}/test-results` : 'test-results',
  use: { trace: 'off' },
});
