import { appUrl, expect, test } from './support/fixtures';
import { dock2Firmware, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 17, campaigns on the broker: browser A starts a campaign; browser B (its own storage)
// lists it with its state and devices; A closes; B takes over and continues; B pauses and resumes;
// a fresh browser sees it Finished; every gateway got exactly one ota_create.

const { file: DOCK_FILE, entry: DOCK_ENTRY } = dock2Firmware(48 * 1024);

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;
test.beforeAll(async () => {
  catalog = await startCatalogServer({ firmware: [DOCK_ENTRY] }, [DOCK_FILE]);
});
test.afterAll(async () => {
  await catalog.close();
});

const fleet: SimDock[] = [1, 2, 3, 4, 5, 6].map((n) => ({
  sn: `COB-DOCK-${n}`,
  aircraft: `COB-AC-${n}`,
  dockVersion: '10.01.1000',
  aircraftVersion: '07.00.0001',
}));

test('a campaign lives on the broker: another browser lists it, takes it over when the first closes, pauses, resumes and finishes it', async ({
  page,
  browser,
  broker,
  mqttClient,
}) => {
  test.setTimeout(180_000);
  const params = { broker: broker.wsUrl, catalog: catalog.catalogUrl };
  await page.goto(appUrl(params, '/upgrade'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();

  // The docks finish the first `quota` upgrades they were sent, in order.
  let quota = 0;
  const finished = new Set<string>();
  const finisher = setInterval(() => {
    for (const create of responder.seen.slice(0, quota)) {
      if (finished.has(create.bid)) continue;
      finished.add(create.bid);
      void responder.progress(create.gateway, {
        bid: create.bid,
        status: 'ok',
        subStatus: 'UPGRADE_SUCCESS',
        step: 'upgrade_firmware',
        percent: 100,
      });
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
    const drivenByA = page.getByText(/^Driven by /);
    await expect(drivenByA).toBeVisible({ timeout: 20_000 });
    const labelA = (await drivenByA.textContent()) ?? '';

    // Browser B: its own storage, so all it knows comes from the broker.
    const contextB = await browser.newContext();
    const b = await contextB.newPage();
    await b.goto(appUrl(params, '/campaigns'));
    await expect(b.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
    const listB = b.getByRole('list', { name: 'Campaigns' });
    await expect(listB.getByRole('listitem')).toHaveCount(1, { timeout: 2_000 + 5_000 });
    await expect(listB).toContainText('Running');
    await b.goto(appUrl(params, `/campaigns/${encodeURIComponent(id)}`));
    await expect(b.getByRole('status', { name: 'Campaign state' })).toContainText('Running');
    const tableB = b.getByRole('table', { name: 'Gateways in this campaign' });
    for (const dock of fleet) await expect(tableB).toContainText(dock.sn);
    await expect(b.getByText(labelA, { exact: true })).toBeVisible();

    // A closes; B takes over within 60 s and goes on.
    await page.close();
    quota = 2;
    const drivenByB = b.getByText(/^Driven by /);
    await expect
      .poll(async () => ((await drivenByB.count()) === 1 ? await drivenByB.textContent() : null), { timeout: 60_000 })
      .toMatch(new RegExp(`^Driven by (?!${labelA.slice('Driven by '.length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$)`));
    await expect.poll(() => responder.seen.length, { timeout: 30_000 }).toBe(4);

    // Paused: what runs may end, nothing new is sent.
    await b.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(b.getByRole('status', { name: 'Campaign state' })).toContainText('Paused');
    quota = 4;
    await expect.poll(() => finished.size).toBe(4);
    await b.waitForTimeout(2_500);
    expect(responder.seen.length).toBe(4);
    quota = Number.POSITIVE_INFINITY;
    await b.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect(b.getByRole('status', { name: 'Campaign state' })).toContainText(/Running|Finished/);
    await expect(b.getByRole('status', { name: 'Campaign state' })).toContainText('Finished', { timeout: 60_000 });

    // A fresh browser sees it Finished.
    const contextC = await browser.newContext();
    const c = await contextC.newPage();
    await c.goto(appUrl(params, `/campaigns/${encodeURIComponent(id)}`));
    await expect(c.getByRole('status', { name: 'Campaign state' })).toContainText('Finished', { timeout: 10_000 });

    // Exactly one ota_create per gateway.
    const perGateway = new Map<string, number>();
    for (const create of responder.seen) perGateway.set(create.gateway, (perGateway.get(create.gateway) ?? 0) + 1);
    expect([...perGateway.entries()].sort()).toEqual(fleet.map((d) => [d.sn, 1]).sort());
    await contextB.close();
    await contextC.close();
  } finally {
    clearInterval(finisher);
  }
});
