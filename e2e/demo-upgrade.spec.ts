import type { Page } from '@playwright/test';
import type { RunningDemo } from '../sim/demo-server.ts';
import { startE2eDemo, type E2eDemo } from './support/demo';
import { expect, test } from './support/fixtures';

// Issue 5, "Must show": the `npm start` server in Chromium: the page lists the simulated gateways
// and the firmware, one upgrade runs to verified (the dock really downloads the file over HTTP and
// checks its MD5), and the catalog's wrong-MD5 build ends in VERIFY_FAILED.

let demo: RunningDemo;
let running: E2eDemo | undefined;

test.beforeAll(async () => {
  running = await startE2eDemo({
    seed: 'e2e-upgrade',
    // Slots 1 and 4 of the plan are Dock 2 + Mavic 3D: one for the good build, one for the corrupt one.
    docks: 6,
    firmwareMb: 0.2,
    // Quick steps so the whole upgrade fits in a test; the order of steps is the real one.
    settings: { needReplyRate: 0, verifyMs: 500, upgradeMs: 2000, aircraftUploadMs: 1000 },
  });
  demo = running.demo;
});

test.afterAll(async () => {
  await running?.close();
});

async function upgradeDock(page: Page, gateway: string, version: RegExp) {
  await page.getByRole('navigation').getByRole('link', { name: 'Upgrade' }).click();
  await page
    .getByRole('radiogroup', { name: /Firmware for DJI Dock 2\b/ })
    .getByRole('radio', { name: version })
    .check();
  await page.getByRole('checkbox', { name: `Select gateway ${gateway}` }).check();
  await page.getByRole('button', { name: 'Start upgrade' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Monitor' }).click();
}

test('the demo lists its fleet and firmware, runs an upgrade to verified, and the wrong-MD5 build ends in VERIFY_FAILED', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`${demo.appUrl}#/fleet`);
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  for (const sn of ['DEMO-DOCK-0001', 'DEMO-DOCK-0002', 'DEMO-DOCK-0006']) {
    await expect(page.getByRole('rowheader', { name: sn })).toBeVisible();
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Firmware' }).click();
  await expect(page.getByText('DJI Dock 2 10.02.0308').first()).toBeVisible();
  await expect(page.getByText('DJI Dock 2 10.02.9999').first()).toBeVisible();

  await upgradeDock(page, 'DEMO-DOCK-0002', /10\.02\.0308/);
  const good = page.getByRole('progressbar', { name: 'Upgrade progress DEMO-DOCK-0002' });
  await expect(good).toHaveAttribute('aria-valuetext', /Successful Execution/, { timeout: 60_000 });
  const goodRow = page.getByRole('listitem').filter({ has: good });
  await expect(goodRow).toContainText('✓ Verified 10.02.0308', { timeout: 30_000 });

  await upgradeDock(page, 'DEMO-DOCK-0005', /10\.02\.9999/);
  const corrupt = page.getByRole('progressbar', { name: 'Upgrade progress DEMO-DOCK-0005' });
  await expect(corrupt).toHaveAttribute('aria-valuetext', /Failed · Verification failed/, { timeout: 60_000 });
});
