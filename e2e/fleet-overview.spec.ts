import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { buildOtaCreate } from '../src/protocol/builders';
import { servicesTopic } from '../src/protocol/topics';
import { appUrl, expect, test } from './support/fixtures';
import { dock2Firmware, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 19, the Fleet at a glance: many simulated docks over a real mosquitto, a catalog whose
// newest Dock 2 firmware is 10.01.3000; the version chart, a bar click that filters, the filters
// in the URL, a dock's own page with its upgrade history, and axe on both screens.

const CONNECTED = /\bConnected\b/;
const NEWEST = dock2Firmware(4 * 1024);

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;

test.beforeAll(async () => {
  catalog = await startCatalogServer({ firmware: [NEWEST.entry] }, [NEWEST.file]);
});

test.afterAll(async () => {
  await catalog.close();
});

/** 60 docks on 10.01.1000, 40 on 10.01.2000 and 20 already on the newest. */
function fleetOf(prefix: string): SimDock[] {
  return Array.from({ length: 120 }, (_, i) => ({
    sn: `${prefix}-${String(i + 1).padStart(3, '0')}`,
    aircraft: `${prefix}-AC-${String(i + 1).padStart(3, '0')}`,
    dockVersion: i < 60 ? '10.01.1000' : i < 100 ? '10.01.2000' : '10.01.3000',
    aircraftVersion: '07.00.0001',
  }));
}

async function axe(page: Page, screen: string): Promise<string[]> {
  // resultTypes: axe skips collecting details of the passes, most of a scan's time.
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const dockChart = (page: Page) => page.getByRole('figure', { name: 'DJI Dock 2 (3-2-0): firmware versions' });
const versionCount = (page: Page, version: RegExp) =>
  page
    .getByRole('table', { name: 'Firmware versions of DJI Dock 2 (3-2-0)' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: version }) })
    .getByRole('cell')
    .first();
const gatewayTable = (page: Page) => page.getByRole('table', { name: 'Gateways' });

test('120 docks: the version chart counts them, a bar click filters, the filters survive the URL, and the chart follows an upgrade', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(180_000);
  const fleet = fleetOf('FLT');
  const device = await mqttClient(broker.tcpUrl);
  const responder = await startDockResponder(device, fleet);
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/fleet'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  await responder.announce();

  await expect(dockChart(page)).toContainText('120 devices', { timeout: 20_000 });
  await expect(dockChart(page)).toContainText('100 not on the newest (10.01.3000)');
  await expect(versionCount(page, /^10\.01\.3000 newest$/)).toHaveText('20');
  await expect(versionCount(page, /^10\.01\.2000$/)).toHaveText('40');
  await expect(versionCount(page, /^10\.01\.1000$/)).toHaveText('60');
  await expect(page.getByRole('figure', { name: 'Mavic 3D (0-91-0): firmware versions' })).toContainText('120 devices');

  // A click on the 10.01.1000 bar shows those 60 docks, and says so in the URL.
  const bar = dockChart(page).locator('svg [data-bar="10.01.1000"]');
  await expect(dockChart(page).locator('svg [data-bar="10.01.3000"]')).toHaveAttribute('data-tone', 'marked');
  await bar.click();
  await expect(page).toHaveURL(/#\/fleet\?model=3-2-0&version=10\.01\.1000$/);
  await expect(gatewayTable(page)).toHaveAttribute('aria-rowcount', '61');
  await expect(bar).toHaveAttribute('data-tone', 'selected');

  // "Every Dock 2 not on the newest version": the version filter off, the other on.
  await page.getByRole('combobox', { name: 'Firmware version' }).selectOption('');
  // The filters are the URL's: a click navigates (in a transition), then the box shows it.
  const outdated = page.getByRole('checkbox', { name: 'Not on the newest version' });
  await outdated.click();
  await expect(outdated).toBeChecked();
  await expect(page).toHaveURL(/#\/fleet\?model=3-2-0&outdated=1$/);
  await expect(gatewayTable(page)).toHaveAttribute('aria-rowcount', '101');
  await page.getByRole('button', { name: 'Firmware' }).click();
  await expect(page).toHaveURL(/&sort=version&dir=asc$/);

  // The URL is the view: another tab opened on it shows the same gateways, in the same order.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByRole('combobox', { name: 'Model' })).toHaveValue('3-2-0');
  await expect(other.getByRole('checkbox', { name: 'Not on the newest version' })).toBeChecked();
  await expect(gatewayTable(other)).toHaveAttribute('aria-rowcount', '101', { timeout: 20_000 });
  await expect(gatewayTable(other).getByRole('rowheader').first()).toHaveText('FLT-001');
  await other.close();

  // A dock finishes its upgrade: the chart and the filtered list follow.
  await responder.reportVersion('FLT-001', 'FLT-001', '10.01.3000');
  await expect(versionCount(page, /^10\.01\.3000 newest$/)).toHaveText('21');
  await expect(versionCount(page, /^10\.01\.1000$/)).toHaveText('59');
  await expect(gatewayTable(page)).toHaveAttribute('aria-rowcount', '100');

  expect(await axe(page, 'Fleet overview')).toEqual([]);
});

test('a dock’s page shows its devices and the upgrades from the stored history; the Fleet shows a failed last upgrade', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(120_000);
  const fleet = fleetOf('HIS').slice(0, 2);
  const [first, second] = fleet as [SimDock, SimDock];
  const device = await mqttClient(broker.tcpUrl);
  const responder = await startDockResponder(device, fleet);
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/fleet'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  await responder.announce();
  await expect(gatewayTable(page)).toHaveAttribute('aria-rowcount', '3');

  // Another console upgrades the first dock (its ota_create is seen on the broker) and the second one fails.
  const entry = (sn: string) => ({
    sn,
    product_version: NEWEST.entry.product_version,
    file_url: `${catalog.base}/${NEWEST.entry.file_url}`,
    md5: NEWEST.entry.md5,
    file_size: NEWEST.entry.file_size,
    file_name: NEWEST.entry.file_name,
    firmware_upgrade_type: 3 as const,
  });
  const upgrade = buildOtaCreate([entry(first.sn)]);
  await device.publish(servicesTopic(first.sn), upgrade);
  await responder.progress(first.sn, { bid: upgrade.bid, status: 'in_progress', percent: 50, step: 'download_firmware' });
  await responder.progress(first.sn, { bid: upgrade.bid, status: 'ok', percent: 100, step: 'upgrade_firmware' });
  await responder.reportVersion(first.sn, first.sn, '10.01.3000');
  const failing = buildOtaCreate([entry(second.sn)]);
  await device.publish(servicesTopic(second.sn), failing);
  await responder.progress(second.sn, { bid: failing.bid, status: 'failed', percent: 10, result: 316001, step: 'download_firmware' });

  const secondRow = gatewayTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: second.sn }) });
  await expect(secondRow).toContainText('Last upgrade: Failed');

  // After a reload the upgrades come from the browser's storage; the row opens the dock's page.
  // Storage is written a second after a change (and at pagehide, which a loaded machine may not
  // finish before the reload): give the periodic write its time so the test reads what was stored.
  await page.waitForTimeout(2_500);
  await page.reload();
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  await gatewayTable(page).getByRole('link', { name: first.sn, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/fleet/${first.sn}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Gateway ${first.sn}`);
  await expect(page.getByRole('table', { name: `Devices of ${first.sn}` })).toContainText(first.aircraft);
  const upgrades = page.getByRole('table', { name: `Upgrades of ${first.sn}` });
  await expect(upgrades.getByRole('row')).toHaveCount(2);
  await expect(upgrades).toContainText(`${first.sn}: ? → 10.01.3000`);
  await expect(upgrades).toContainText('Started elsewhere');
  await expect(upgrades.getByRole('link', { name: `Details of ${upgrade.bid}` })).toHaveAttribute('href', `#/tasks/${upgrade.bid}`);
  await expect(page.getByRole('table', { name: `Firmware changes of ${first.sn}` })).toContainText('10.01.3000');

  expect(await axe(page, 'Dock page')).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axe(page, 'Dock page (dark)')).toEqual([]);
});
