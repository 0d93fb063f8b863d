import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/system-deps.mjs';

const ci = process.env.CI === 'true' || process.env.CI === '1';

// Debian's Chromium, never a Playwright-downloaded browser (there is no internet to fetch one).
const executablePath = findChromium() ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Runs `dist/` (the production build) through a static server on a free port.
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  // 2 cores: more workers would only make each browser slower.
  workers: 2,
  retries: ci ? 1 : 0,
  forbidOnly: ci,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    // The specs read the English accessible names (docs/architecture.md): an English browser whatever
    // the machine's LANG, since the console picks its language from navigator.languages.
    locale: 'en-US',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    // Recording a trace for every test costs a quarter of the suite's time (424 s against 556 s on
    // 2 cores); a test that fails in CI runs again with one (retries: 1 there).
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium' }],
});
