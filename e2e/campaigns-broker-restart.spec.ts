import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appUrl, expect, test } from './support/fixtures';
import { dock2Firmware, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 17, broker restart: with a broker that persists retained messages (mosquitto
// `persistence true`), a restart mid-campaign loses nothing: the console reconnects and the
// campaign goes on. Then the broker alone keeps it: with every console closed the broker restarts
// again, and a fresh browser (storage of its own, so all it knows comes from the broker) finds the
// campaign running with its gateways, takes it over and finishes it. Every gateway got exactly one
// ota_create.

const { file: DOCK_FILE, entry: DOCK_ENTRY } = dock2Firmware(48 * 1024);

const persistDir = mkdtempSync(join(tmpdir(), 'e2e-mosquitto-persist-'));
// mosquitto started as root drops to its own user: a 0700 directory of root's would make it fail to
// save ("Permission denied") and come back empty.
chmodSync(persistDir, 0o777);
test.use({ brokerOptions: { extraConfig: ['persistence true', `persistence_location ${persistDir}/`, 'autosave_interval 1'] } });

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;
test.beforeAll(async () => {
  catalog = await startCatalogServer({ firmware: [DOCK_ENTRY] }, [DOCK_FILE]);
});
test.afterAll(async () => {
  await catalog.close();
  rmSync(persistDir, { recursive: true, force: true });
});

const fleet: SimDock[] = [1, 2, 3, 4].map((n) => ({
  sn: `RST-DOCK-${n}`,
  aircraft: `RST-AC-${n}`,
  dockVersion: '10.01.1000',
  aircraftVersion: '07.00.0001',
}));

test('a broker restart mid-campaign loses nothing; with every console closed, the broker alone keeps the campaign', async ({
  page,
  browser,
  broker,
  mqttClient,
}) => {
  test.setTimeout(200_000);
  const params = { broker: broker.wsUrl, catalog: catalog.catalogUrl };
  await page.goto(appUrl(params, '/upgrade'));
  const connection = page.getByRole('status', { name: 'Broker connection' });
  await expect(connection).toContainText(/\bConnected\b/);
  // The test's MQTT clients do not reconnect: the docks come back on a new one after the restart.
  let responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();
  const before: typeof responder.seen = [];
  const seen = () => [...before, ...responder.seen];

  let quota = 0;
  const finished = new Set<string>();
  const finisher = setInterval(() => {
    for (const create of seen().slice(0, quota)) {
      if (finished.has(create.bid)) continue;
      finished.add(create.bid);
      void responder
        .progress(create.gateway, { bid: create.bid, status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 })
        .catch(() => finished.delete(create.bid));
    }
  }, 300);

  try {
    await page
      .getByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ })
      .getByRole('radio', { name: /dock2-10\.01\.3000\.bin/ })
      .check();
    for (const dock of fleet) await page.getByRole('checkbox', { name: `Select gateway ${dock.sn}` }).check();
    await page.getByRole('textbox', { name: 'Max parallel upgrades' }).fill('2');
    await page.getByRole('button', { name: 'Start upgrade' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
    const id = decodeURIComponent(/#\/campaigns\/([^/?]+)/.exec(page.url())?.[1] ?? '');
    await expect.poll(() => responder.seen.length, { timeout: 20_000 }).toBe(2);

    await broker.stop();
    await expect(connection).not.toContainText(/\bConnected\b/);
    before.push(...responder.seen);
    await broker.start();
    responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
    await expect(connection).toContainText(/\bConnected\b/, { timeout: 30_000 });

    // The console reconnected and goes on: the first two end, the last two go out.
    quota = 2;
    await expect.poll(() => seen().length, { timeout: 60_000 }).toBe(4);
    await expect(page.getByRole('status', { name: 'Campaign state' })).toContainText('Running');

    // Every console closed, the broker restarted: nothing but its persisted retained messages remain.
    await page.close();
    await broker.stop();
    before.push(...responder.seen);
    await broker.start();
    responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);

    const fresh = await browser.newContext();
    const c = await fresh.newPage();
    await c.goto(appUrl(params, `/campaigns/${encodeURIComponent(id)}`));
    await expect(c.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/, { timeout: 30_000 });
    await expect(c.getByRole('status', { name: 'Campaign state' })).toContainText('Running', { timeout: 10_000 });
    const table = c.getByRole('table', { name: 'Gateways in this campaign' });
    for (const dock of fleet) await expect(table).toContainText(dock.sn);
    // Its driver is gone (its presence went with its connection): the fresh console takes it over.
    await expect(c.getByText(/^Driven by /)).toBeVisible({ timeout: 60_000 });
    quota = Number.POSITIVE_INFINITY;
    await expect(c.getByRole('status', { name: 'Campaign state' })).toContainText('Finished', { timeout: 60_000 });
    await fresh.close();

    const perGateway = new Map<string, number>();
    for (const create of seen()) perGateway.set(create.gateway, (perGateway.get(create.gateway) ?? 0) + 1);
    expect([...perGateway.entries()].sort()).toEqual(fleet.map((d) => [d.sn, 1]).sort());
  } finally {
    clearInterval(finisher);
  }
});
