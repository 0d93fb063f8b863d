import type { Browser, Page } from '@playwright/test';
import { spawnRunner, type RunnerProcess } from './support/campaign-runner';
import { appUrl, expect, test } from './support/fixtures';
import { dock2Firmware, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 17: a campaign started in a browser goes on without it. Browser A starts a 3-gateway
// campaign (one at a time) and closes; the headless runner, spawned as an operator would run it,
// takes it over and drives it to the end; a fresh browser sees it Finished; every gateway got
// exactly one ota_create.

const { file: DOCK_FILE, entry: DOCK_ENTRY } = dock2Firmware(32 * 1024);

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;
test.beforeAll(async () => {
  catalog = await startCatalogServer({ firmware: [DOCK_ENTRY] }, [DOCK_FILE]);
});
test.afterAll(async () => {
  await catalog.close();
});

const fleet: SimDock[] = [1, 2, 3].map((n) => ({
  sn: `RNR-DOCK-${n}`,
  aircraft: `RNR-AC-${n}`,
  dockVersion: '10.01.1000',
  aircraftVersion: '07.00.0001',
}));

async function startCampaign(page: Page, wsUrl: string, announce: () => Promise<void>): Promise<string> {
  await page.goto(appUrl({ broker: wsUrl, catalog: catalog.catalogUrl }, '/upgrade'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  // update_topo is not retained: the docks report once the page listens.
  await announce();
  await page
    .getByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ })
    .getByRole('radio', { name: /dock2-10\.01\.3000\.bin/ })
    .check();
  for (const dock of fleet) await page.getByRole('checkbox', { name: `Select gateway ${dock.sn}` }).check();
  await page.getByRole('textbox', { name: 'Max parallel upgrades' }).fill('1');
  await page.getByRole('button', { name: 'Start upgrade' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
  const id = /#\/campaigns\/([^/]+)$/.exec(page.url())?.[1];
  if (id === undefined) throw new Error(`no campaign id in ${page.url()}`);
  return decodeURIComponent(id);
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('a campaign started in a browser is driven to the end by the headless runner after the browser closed', async ({
  browser,
  broker,
  mqttClient,
}) => {
  test.setTimeout(120_000);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  // Once browser A is gone, every ota_create ends well shortly after it arrived, whoever sent it.
  const finished = new Set<string>();
  let completer: ReturnType<typeof setInterval> | undefined;
  const completeAll = () => {
    for (const create of responder.seen) {
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
  };

  let runner: RunnerProcess | null = null;
  try {
    const contextA = await browser.newContext();
    const pageA = await contextA.newPage();
    const id = await startCampaign(pageA, broker.wsUrl, () => responder.announce());
    // One at a time: A sends the first gateway, which is still upgrading when A closes (its
    // services_reply made it Accepted in the campaign's record) and ends once the runner drives:
    // an upgrade takes minutes, and an ota_progress sent while no console listens is gone for good.
    await expect.poll(() => responder.seen.length).toBe(1);
    await contextA.close();

    runner = spawnRunner(['drive', '--campaign', id, '--broker', broker.tcpUrl, '--label', 'e2e runner', '--wait', '30']);
    const started = runner;
    await expect.poll(() => started.output(), { timeout: 60_000 }).toMatch(/: driving$/m);
    completer = setInterval(completeAll, 300);
    expect(await runner.exitWithin(90_000), runner.output()).toBe(0);
    expect(runner.output()).toMatch(/campaign .* driven by this runner/);
    expect(runner.output()).toMatch(/finished, 100% of 3 gateways/);

    const pageC = await freshPage(browser);
    await pageC.goto(appUrl({ broker: broker.wsUrl }, `/campaigns/${encodeURIComponent(id)}`));
    await expect(pageC.getByRole('status', { name: 'Campaign state' })).toContainText('Finished');

    const perGateway = new Map<string, number>();
    for (const s of responder.seen) perGateway.set(s.gateway, (perGateway.get(s.gateway) ?? 0) + 1);
    expect(Object.fromEntries(perGateway)).toEqual(Object.fromEntries(fleet.map((d) => [d.sn, 1])));
  } finally {
    if (completer !== undefined) clearInterval(completer);
    if (runner !== null && runner.child.exitCode === null) runner.child.kill('SIGKILL');
  }
});
