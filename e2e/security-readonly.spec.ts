import type { Page } from '@playwright/test';
import { buildOtaProgress, buildUpdateTopo } from '../src/protocol/builders';
import { appUrl, expect, test, type TestMqttClient } from './support/fixtures';
import { firmwareFile, startCatalogServer, startDockResponder } from './support/upgrade-dock-responder';
import { expectBar } from './support/monitor-publisher';

// Issue 8, "Read-only": a read-only page publishes nothing at all, also when config.json asks it
// to answer devices and when a campaign it restored from storage has a command waiting to go.

const DEVICE_TO_CLOUD = /^(thing|sys)\/product\/[^/]+\/(events|status|state|osd|services_reply)$/;
const CONNECTED = /\bConnected\b/;

/** Every topic the spy saw that only a console (never a device) would publish to. */
const consoleTopics = (spy: TestMqttClient) => spy.messages.map((m) => m.topic).filter((t) => !DEVICE_TO_CLOUD.test(t));

async function open(page: Page, url: string, config: Record<string, unknown>) {
  await page.route('**/config.json', (route) => route.fulfill({ json: config }));
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
}

const DOCK_FILE = firmwareFile('/files/dock2-10.01.3000.bin', 16 * 1024);
const DOCK_ENTRY = {
  id: 'dock2',
  model: '3-2-0',
  product_name: 'DJI Dock 2',
  product_version: '10.01.3000',
  file_name: 'dock2-10.01.3000.bin',
  file_url: 'files/dock2-10.01.3000.bin',
  file_size: DOCK_FILE.bytes.length,
  md5: DOCK_FILE.md5,
  release_notes: '',
  released_at: '2024-05-01T00:00:00Z',
};

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;
test.beforeAll(async () => {
  catalog = await startCatalogServer({ firmware: [DOCK_ENTRY] }, [DOCK_FILE]);
});
test.afterAll(async () => {
  await catalog.close();
});

test('?readonly publishes nothing, even for need_reply events and update_topo with respondToDevices on', async ({
  page,
  broker,
  mqttClient,
}) => {
  const spy = await mqttClient(broker.tcpUrl);
  await spy.subscribe('#');
  await open(page, appUrl({ broker: broker.wsUrl, readonly: true }, '/monitor'), { respondToDevices: true });

  const device = await mqttClient(broker.tcpUrl);
  for (let i = 1; i <= 3; i++) {
    await device.publish(
      `thing/product/DOCK-RO-${i}/events`,
      buildOtaProgress({ gateway: `DOCK-RO-${i}`, bid: `bid-ro-${i}`, status: 'in_progress', percent: 10 * i, needReply: true }),
    );
    await device.publish(
      `sys/product/DOCK-RO-${i}/status`,
      buildUpdateTopo({ gatewaySn: `DOCK-RO-${i}`, domain: '3', type: 2, subType: 0, subDevices: [] }),
    );
  }
  await expectBar(page, 'DOCK-RO-3', 30, '30% · In Progress');

  // Every screen, including the one that would send: its start stays disabled.
  const nav = page.getByRole('navigation');
  for (const name of ['Fleet', 'Upgrade', 'Settings', 'Diagnostics']) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  await nav.getByRole('link', { name: 'Upgrade', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Start upgrade' })).toBeDisabled();

  await page.waitForTimeout(1_000);
  expect(spy.messages.length).toBe(6);
  expect(consoleTopics(spy)).toEqual([]);
});

test('a campaign restored from storage sends its waiting command only when the page is not read-only', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(60_000);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), [
    { sn: 'DOCK-RO-A', aircraft: 'AC-RO-A', dockVersion: '10.01.1000', aircraftVersion: '07.00.0001' },
    { sn: 'DOCK-RO-B', aircraft: 'AC-RO-B', dockVersion: '10.01.1000', aircraftVersion: '07.00.0001' },
  ]);
  await open(page, appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/upgrade'), { respondToDevices: true });
  await responder.announce();

  // One at a time: the second gateway's ota_create waits for the first upgrade to end.
  await page
    .getByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ })
    .getByRole('radio', { name: /dock2-10\.01\.3000\.bin/ })
    .check();
  await page.getByRole('textbox', { name: 'Max parallel upgrades' }).fill('1');
  for (const sn of ['DOCK-RO-A', 'DOCK-RO-B']) await page.getByRole('checkbox', { name: `Select gateway ${sn}` }).check();
  await page.getByRole('button', { name: 'Start upgrade' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => responder.seen.length).toBe(1);
  const first = responder.seen[0]!;
  const waiting = first.gateway === 'DOCK-RO-A' ? 'DOCK-RO-B' : 'DOCK-RO-A';

  // The same browser profile reopens read-only: the campaign and its tasks come back from storage.
  const spy = await mqttClient(broker.tcpUrl);
  await spy.subscribe('#');
  // The broker's retained copies of the campaign's records (written by the operator page) come first.
  await page.waitForTimeout(500);
  const retainedCopies = spy.messages.length;
  await open(page, appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl, readonly: true }, '/monitor'), { respondToDevices: true });
  // The first upgrade ends: a sending console would now publish the waiting ota_create (and answer the event).
  await responder.progress(first.gateway, {
    bid: first.bid,
    status: 'ok',
    subStatus: 'UPGRADE_SUCCESS',
    step: 'upgrade_firmware',
    percent: 100,
    needReply: true,
  });
  await expectBar(page, first.gateway, 100, '100% · Successful Execution · Upgrade successful');
  await page.waitForTimeout(1_500);
  expect(responder.seen).toHaveLength(1);
  // What the read-only page published: nothing. The broker itself clears the operator page's
  // driver presence (its connection's will) when that page goes away.
  const published = spy.messages
    .slice(retainedCopies)
    .filter((m) => !(/^ota-console\/v1\/drivers\//.test(m.topic) && m.payload.length === 0));
  expect(published.map((m) => m.topic).filter((t) => !DEVICE_TO_CLOUD.test(t))).toEqual([]);

  // Proof the command was really waiting: the same profile, no longer read-only, sends it.
  await open(page, appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/monitor'), { respondToDevices: true });
  await expect.poll(() => responder.seen.map((s) => s.gateway), { timeout: 15_000 }).toEqual([first.gateway, waiting]);
});
