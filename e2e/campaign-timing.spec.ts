import type { Page } from '@playwright/test';
import { appUrl, expect, test } from './support/fixtures';
import { dock2Firmware, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 21, safe timing end to end: the production build in Chromium against mosquitto, a Node
// dock responder that reports osd mode_code (idle unless told otherwise) and records every
// ota_create the broker carries. The page's clock is Playwright's fake clock, so a maintenance
// window two minutes away is reached without waiting two minutes.

const { file: DOCK_FILE, entry: DOCK_ENTRY } = dock2Firmware(32 * 1024);

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;
test.beforeAll(async () => {
  catalog = await startCatalogServer({ firmware: [DOCK_ENTRY] }, [DOCK_FILE]);
});
test.afterAll(async () => {
  await catalog.close();
});

const fleetOf = (prefix: string, n: number): SimDock[] =>
  Array.from({ length: n }, (_, i) => ({
    sn: `${prefix}-DOCK-${i + 1}`,
    aircraft: `${prefix}-AC-${i + 1}`,
    dockVersion: '10.01.1000',
    aircraftVersion: '07.00.0001',
  }));

async function chooseAndSelect(page: Page, fleet: readonly SimDock[]) {
  await page
    .getByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ })
    .getByRole('radio', { name: /dock2-10\.01\.3000\.bin/ })
    .check();
  for (const dock of fleet) await page.getByRole('checkbox', { name: `Select gateway ${dock.sn}` }).check();
}

/** The safe-timing controls (folded on the Upgrade screen while they hold no error). */
async function openTiming(page: Page) {
  const summary = page.locator('summary', { hasText: 'Safe timing' });
  if ((await summary.count()) > 0 && !(await page.getByRole('checkbox', { name: 'Maintenance window' }).isVisible())) await summary.click();
  await expect(page.getByRole('checkbox', { name: 'Maintenance window' })).toBeVisible();
}

async function start(page: Page) {
  await page.getByRole('button', { name: 'Start upgrade' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
}

/** Nothing more arrives for a while: the page runs its orchestrator every second. */
async function expectStill(seen: () => number, count: number, page: Page) {
  await expect.poll(seen).toBe(count);
  await page.waitForTimeout(3_000);
  expect(seen()).toBe(count);
}

test('a campaign whose window opens two minutes after the start sends nothing before, then proceeds', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(90_000);
  // Monday 2026-12-07 10:58 UTC; the window is every day 11:00-12:00 UTC.
  await page.clock.install({ time: new Date('2026-12-07T10:58:00Z') });
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/upgrade'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const fleet = fleetOf('WIN', 2);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();

  await chooseAndSelect(page, fleet);
  await openTiming(page);
  await page.getByRole('checkbox', { name: 'Maintenance window' }).check();
  await page.getByLabel('Window start').fill('11:00');
  await page.getByRole('textbox', { name: 'Window length (minutes)' }).fill('60');
  await page.getByRole('combobox', { name: 'Time zone' }).fill('UTC');
  await start(page);

  await expect(page.getByText('Waiting for the maintenance window (opens Mon 11:00 UTC)')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Campaign state' })).toContainText('Running');
  await expectStill(() => responder.seen.length, 0, page);

  // Two minutes later (page time) the window is open: both gateways are sent, once each.
  await page.clock.fastForward('02:00');
  await expect.poll(() => responder.seen.length, { timeout: 20_000 }).toBe(2);
  expect(new Set(responder.seen.map((s) => s.gateway))).toEqual(new Set(fleet.map((d) => d.sn)));
  await expect(page.getByText(/Waiting for the maintenance window/)).toHaveCount(0);
  await expectStill(() => responder.seen.length, 2, page);
});

test('a dock that reports working is held, with the reason, until it reports idle', async ({ page, broker, mqttClient }) => {
  test.setTimeout(60_000);
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/upgrade'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const fleet = fleetOf('GATE', 2);
  const [idleDock, busyDock] = fleet as [SimDock, SimDock];
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();
  // The second dock is on a mission: working, its aircraft in wayline flight.
  await responder.reportMode(busyDock.sn, 4, 5);

  await chooseAndSelect(page, fleet);
  await openTiming(page);
  await expect(page.getByRole('checkbox', { name: 'Only send to idle docks' })).toBeChecked();
  await start(page);

  await expect.poll(() => responder.seen.map((s) => s.gateway)).toEqual([idleDock.sn]);
  const table = page.getByRole('table', { name: 'Gateways in this campaign' });
  await expect(table.getByRole('row').filter({ hasText: busyDock.sn })).toContainText('Dock working: waiting until idle');
  await expect(page.getByText('The gateway left is waiting for its dock to be idle')).toBeVisible();
  await expectStill(() => responder.seen.length, 1, page);

  // Back in the dock, idle: it is sent, once.
  await responder.reportMode(busyDock.sn, 0, 0);
  await expect.poll(() => responder.seen.map((s) => s.gateway)).toEqual([idleDock.sn, busyDock.sn]);
  await expect(table.getByRole('row').filter({ hasText: busyDock.sn })).not.toContainText('waiting until idle');
  await expectStill(() => responder.seen.length, 2, page);
});
