import type { Page } from '@playwright/test';
import { deviceRow, progressBar } from './support/monitor-publisher';
import { appUrl, expect, test, type MosquittoBroker } from './support/fixtures';
import { firmwareFile, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 4, the upgrade flow end to end: the production build in Chromium against mosquitto, a
// Node dock responder, and a firmware catalog on its own HTTP server (cross-origin, with CORS).

const DOCK_FILE = firmwareFile('/files/dock2-10.01.2000.bin', 96 * 1024 + 7);
const AIRCRAFT_FILE = firmwareFile('/files/m3d-07.01.0100.bin', 64 * 1024);
// Served bytes whose MD5 is not the one the catalog claims (same size, so HEAD cannot tell).
const CORRUPT_FILE = firmwareFile('/files/dock2-corrupt.bin', 32 * 1024);
const WRONG_MD5 = (CORRUPT_FILE.md5[0] === 'f' ? '0' : 'f') + CORRUPT_FILE.md5.slice(1);

const entry = (id: string, model: string, productName: string, version: string, file: { path: string; bytes: Buffer }, md5: string) => ({
  id,
  model,
  product_name: productName,
  product_version: version,
  file_name: file.path.split('/').pop(),
  file_url: file.path.slice(1),
  file_size: file.bytes.length,
  md5,
  release_notes: '',
  released_at: '2024-05-01T00:00:00Z',
});

const DOCK_ENTRY = entry('dock2', '3-2-0', 'DJI Dock 2', '10.01.2000', DOCK_FILE, DOCK_FILE.md5);
const AIRCRAFT_ENTRY = entry('m3d', '0-91-0', 'Mavic 3D', '07.01.0100', AIRCRAFT_FILE, AIRCRAFT_FILE.md5);
const CORRUPT_ENTRY = entry('dock2-corrupt', '3-2-0', 'DJI Dock 2', '10.01.2001', CORRUPT_FILE, WRONG_MD5);

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;

test.beforeAll(async () => {
  catalog = await startCatalogServer({ firmware: [DOCK_ENTRY, CORRUPT_ENTRY, AIRCRAFT_ENTRY] }, [DOCK_FILE, AIRCRAFT_FILE, CORRUPT_FILE]);
});

test.afterAll(async () => {
  await catalog.close();
});

function docks(prefix: string): SimDock[] {
  return [1, 2, 3].map((n) => ({
    sn: `${prefix}-DOCK-${n}`,
    aircraft: `${prefix}-AC-${n}`,
    dockVersion: '10.01.1000',
    aircraftVersion: '07.00.0001',
  }));
}

/** The wire entry the page must send for a device, straight from the catalog entry. */
function expectedDevice(sn: string, e: typeof DOCK_ENTRY) {
  return {
    sn,
    product_version: e.product_version,
    file_url: `${catalog.base}/${e.file_url}`,
    md5: e.md5,
    file_size: e.file_size,
    file_name: e.file_name,
    firmware_upgrade_type: 3,
  };
}

async function openUpgrade(page: Page, broker: MosquittoBroker) {
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/upgrade'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
}

async function choose(page: Page, group: RegExp, radio: RegExp) {
  await page.getByRole('radiogroup', { name: group }).getByRole('radio', { name: radio }).check();
}

async function startWith(page: Page, gateways: readonly string[], expectedDialogText: string) {
  for (const sn of gateways) await page.getByRole('checkbox', { name: `Select gateway ${sn}` }).check();
  await page.getByRole('button', { name: 'Start upgrade' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(expectedDialogText);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  // The new campaign's view opens; the devices are on the Monitor.
  await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Monitor' }).click();
  await expect(page).toHaveURL(/#\/monitor$/);
}

test('two of three gateways selected: exactly two ota_create, dock and aircraft in each, fields from the catalog, distinct bids', async ({
  page,
  broker,
  mqttClient,
}) => {
  const fleet = docks('SEL');
  await openUpgrade(page, broker);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();

  await choose(page, /^Firmware for DJI Dock 2/, /dock2-10\.01\.2000\.bin/);
  await choose(page, /^Firmware for Mavic 3D/, /m3d-07\.01\.0100\.bin/);
  await expect(page.getByRole('checkbox', { name: `Select gateway ${fleet[2]!.sn}` })).toBeVisible();
  const [first, second] = fleet;
  await startWith(page, [first!.sn, second!.sn], 'Upgrade 2 gateways (4 devices) with:');

  await expect.poll(() => responder.seen.length).toBe(2);
  // Anything extra would have arrived by the time the page shows both replies as accepted.
  for (const dock of [first!, second!]) await expect(progressBar(page, dock.aircraft)).toHaveAttribute('aria-valuetext', /Accepted|Sent/);
  await page.waitForTimeout(500);
  expect(responder.seen).toHaveLength(2);

  const byGateway = new Map(responder.seen.map((s) => [s.gateway, s]));
  for (const dock of [first!, second!]) {
    const create = byGateway.get(dock.sn);
    expect(create?.topic).toBe(`thing/product/${dock.sn}/services`);
    expect(create?.devices).toEqual([expectedDevice(dock.sn, DOCK_ENTRY), expectedDevice(dock.aircraft, AIRCRAFT_ENTRY)]);
    expect(typeof create?.devices[0]?.file_size).toBe('number');
  }
  const bids = responder.seen.map((s) => s.bid);
  expect(new Set(bids).size).toBe(2);
  expect(new Set(responder.seen.map((s) => s.tid)).size).toBe(2);
  // The selection is cleared after a start.
  await page.getByRole('link', { name: 'Upgrade' }).click();
  await expect(page.getByRole('checkbox', { name: `Select gateway ${first!.sn}` })).not.toBeChecked();
});

test('a services_reply with result 312015 shows the code and its meaning on the Monitor', async ({ page, broker, mqttClient }) => {
  const fleet = docks('BUSY');
  await openUpgrade(page, broker);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet, () => 312015);
  await responder.announce();
  await choose(page, /^Firmware for DJI Dock 2/, /dock2-10\.01\.2000\.bin/);
  await startWith(page, [fleet[0]!.sn], 'Upgrade 1 gateway (1 device) with:');
  const row = deviceRow(page, fleet[0]!.sn);
  await expect(row).toContainText('312015');
  await expect(row).toContainText('The dock is busy (for example a flight is in progress)');
});

test('a pre-flight download with a wrong MD5 blocks the start until the mismatch is overridden', async ({ page, broker, mqttClient }) => {
  const fleet = docks('MD5');
  await openUpgrade(page, broker);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();
  await choose(page, /^Firmware for DJI Dock 2/, /dock2-corrupt\.bin/);
  await page.getByRole('checkbox', { name: `Select gateway ${fleet[0]!.sn}` }).check();
  const start = page.getByRole('button', { name: 'Start upgrade' });
  await expect(start).toBeEnabled();

  await page.getByRole('button', { name: 'Download and verify MD5 of dock2-corrupt.bin' }).click();
  await expect(page.getByText('MD5 mismatch')).toBeVisible();
  await expect(start).toBeDisabled();
  await expect(
    page.getByText('The pre-flight check found a mismatch for dock2-corrupt.bin. Tick “Override pre-flight mismatch” to send anyway.'),
  ).toBeVisible();

  await page.getByRole('checkbox', { name: 'Override pre-flight mismatch' }).check();
  await expect(start).toBeEnabled();
  expect(responder.seen).toEqual([]);
});

test('verification: after ok, the task turns verified once the device reports the new version in state', async ({
  page,
  broker,
  mqttClient,
}) => {
  const fleet = docks('VER');
  const dock = fleet[0]!;
  await openUpgrade(page, broker);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();
  await choose(page, /^Firmware for DJI Dock 2/, /dock2-10\.01\.2000\.bin/);
  await startWith(page, [dock.sn], 'DJI Dock 2 version 10.01.2000 (dock2-10.01.2000.bin)');
  await expect.poll(() => responder.seen.length).toBe(1);
  const { bid } = responder.seen[0]!;

  await responder.progress(dock.sn, { bid, status: 'in_progress', subStatus: 'UPGRADING', step: 'upgrade_firmware', percent: 50 });
  await expect(progressBar(page, dock.sn)).toHaveAttribute('aria-valuenow', '50');
  await responder.progress(dock.sn, { bid, status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 });
  const row = deviceRow(page, dock.sn);
  await expect(row).toContainText('Successful Execution');
  // The task detail shows each device's verification.
  await row.getByRole('link', { name: dock.sn }).first().click();
  const device = page.getByRole('table', { name: 'Devices' }).getByRole('row', { name: new RegExp(`^${dock.sn}`) });
  await expect(device).toContainText('Waiting for the device to report its version');
  await responder.reportVersion(dock.sn, dock.sn, '10.01.2000');
  await expect(device).toContainText('Verified: reports the target version');
  await expect(device).toContainText('10.01.1000');
});
