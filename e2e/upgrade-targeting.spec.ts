import type { Locator, Page } from '@playwright/test';
import { planFleet } from '../sim/fleet/fleet-plan.ts';
import { PRODUCT_LINES } from '../sim/products.ts';
import type { RunningDemo } from '../sim/demo-server.ts';
import { startE2eDemo, type E2eDemo } from './support/demo';
import { expect, test } from './support/fixtures';

// Issue 19, targeting at scale: with 1,000 simulated docks (`npm start -- --docks 1000`), an
// operator picks every Dock 2 not on the newest version, selects all eligible and starts, in
// fewer than 6 clicks on one 1440x900 screen: every control used is in view without scrolling,
// and "Start upgrade" stays in view after the whole selection is made.

const SEED = 'e2e-targeting';
const DOCKS = 1000;
const VIEWPORT = { width: 1440, height: 900 };
const DOCK2 = PRODUCT_LINES.find((line) => line.slug === 'dock2')!;

// What the simulator runs: the Dock 2s not on the newest release (or flagged for a consistency
// upgrade, which the newest release still fixes) are the ones the upgrade must go to.
const dock2s = planFleet({ count: DOCKS, prefix: 'DEMO', seed: SEED }).filter(
  (d) => `${d.dock.domain}-${d.dock.type}-${d.dock.subType}` === '3-2-0',
);
const expected = dock2s
  .filter((d) => d.dock.firmwareVersion !== DOCK2.latestVersion || d.dock.compatibleStatus === 1)
  .map((d) => d.dock.sn);

let demo: RunningDemo;
let running: E2eDemo | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startE2eDemo({
    seed: SEED,
    docks: DOCKS,
    firmwareMb: 0.05,
    // A thousand docks repeating their topology and telemetry every second would be 4,000 messages
    // a second on a shared machine; every 10 s is plenty to discover them and keep them online.
    topoIntervalMs: 10_000,
    osdIntervalMs: 10_000,
  });
  demo = running.demo;
  // The docks connect fifty at a time; the page should meet the whole fleet.
  const fleet = demo.fleet!;
  await expect.poll(() => fleet.connectedCount(), { timeout: 240_000, intervals: [1000] }).toBe(DOCKS);
});

test.afterAll(async () => {
  await running?.close();
});

test.use({ viewport: VIEWPORT });

/** Fully inside the viewport as the page is now (no scrolling done or needed). */
async function expectInView(page: Page, target: Locator, what: string) {
  const box = await target.boundingBox();
  expect(box, `${what} is on the page`).not.toBeNull();
  const { x, y, width, height } = box!;
  expect(
    x >= 0 && y >= 0 && x + width <= VIEWPORT.width && y + height <= VIEWPORT.height,
    `${what} at ${x},${y} ${width}x${height} is in view`,
  ).toBe(true);
  expect(await page.evaluate(() => window.scrollY), `${what}: the page is not scrolled`).toBe(0);
}

test('every Dock 2 not on the newest version, selected and started in under 6 clicks on one 1440x900 screen', async ({ page }) => {
  test.setTimeout(300_000);
  expect(expected.length, 'the simulated fleet has Dock 2s to upgrade').toBeGreaterThan(300);
  await page.goto(`${demo.appUrl}#/upgrade`);
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/, { timeout: 30_000 });
  // Wait for the fleet to be known: every gateway, and every Dock 2 with its version.
  await expect(page.getByText(`0 of ${DOCKS} selected`)).toBeVisible({ timeout: 120_000 });
  const model = page.getByRole('combobox', { name: 'Model' });
  await expect(model.getByRole('option', { name: `DJI Dock 2 (3-2-0) · ${dock2s.length}` })).toBeAttached({ timeout: 30_000 });

  const firmware = page
    .getByRole('radiogroup', { name: 'Firmware for DJI Dock 2 (3-2-0)' })
    .getByRole('radio', { name: new RegExp(`^DJI Dock 2 ${DOCK2.latestVersion.replaceAll('.', '\\.')} — `) });
  const eligible = page.getByRole('button', { name: 'Select all eligible' });
  const start = page.getByRole('button', { name: 'Start upgrade' });
  for (const [target, what] of [
    [firmware, 'the newest Dock 2 firmware'],
    [model, 'the model filter'],
    [eligible, '"Select all eligible"'],
    [start, '"Start upgrade"'],
  ] as const) {
    await expectInView(page, target, what);
  }

  let clicks = 0;
  const click = async (action: () => Promise<unknown>) => {
    clicks++;
    await action();
  };
  await click(() => firmware.check());
  await click(() => model.selectOption({ label: `DJI Dock 2 (3-2-0) · ${dock2s.length}` }));
  await expect(page.getByText(`0 of ${DOCKS} selected, ${dock2s.length} shown`)).toBeVisible();
  await click(() => eligible.click());
  await expect(
    page.getByText(`Selected ${expected.length} eligible gateways; ${dock2s.length - expected.length} shown would be skipped.`),
  ).toBeVisible();
  await expect(
    page.getByText(`${expected.length} ota_create to send (${expected.length} devices), 0 selected gateways skipped.`),
  ).toBeVisible();
  await expectInView(page, start, '"Start upgrade" once the docks are selected');
  await expect(start).toBeEnabled();
  await click(() => start.click());
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Upgrade ${expected.length} gateways (${expected.length} devices) with:`);
  await click(() => dialog.getByRole('button', { name: 'Confirm' }).click());
  expect(clicks).toBeLessThan(6);

  await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
  // The campaign holds exactly those docks, all for the newest Dock 2 firmware.
  await expect(page.getByText(`DJI Dock 2 → ${DOCK2.latestVersion}, ${expected.length} gateways`)).toBeVisible();
  for (const sn of expected.slice(0, 3)) await expect(page.getByText(sn, { exact: true }).first()).toBeVisible();
});
