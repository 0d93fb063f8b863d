import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { appUrl, expect, test } from './support/fixtures';
import { dock2Firmware, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 18: an operator sees, pauses and resumes a campaign without leaving the Monitor, and the
// Monitor's figures are the campaign page's. Campaigns on a real mosquitto, docks simulated from Node.

const { file: DOCK_FILE, entry: DOCK_ENTRY } = dock2Firmware(48 * 1024);

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;
test.beforeAll(async () => {
  catalog = await startCatalogServer({ firmware: [DOCK_ENTRY] }, [DOCK_FILE]);
});
test.afterAll(async () => {
  await catalog.close();
});

const fleet: SimDock[] = [1, 2, 3, 4].map((n) => ({
  sn: `MCB-DOCK-${n}`,
  aircraft: `MCB-AC-${n}`,
  dockVersion: '10.01.1000',
  aircraftVersion: '07.00.0001',
}));

const FIGURES = ['Gateways', 'Succeeded', 'Failed', 'Active', 'Not sent yet', 'Skipped', 'Overall'];

/** The figure tiles of a summary group, label → value, as they are now (evaluateAll does not wait: poll it). */
async function figuresOf(page: Page, group: string): Promise<Record<string, string>> {
  const all = await page
    .getByRole('group', { name: group })
    .locator('dt')
    .evaluateAll((dts) => dts.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? ''] as const));
  return Object.fromEntries(all.filter(([label]) => FIGURES.includes(label)));
}

test('the Monitor pauses and resumes a campaign from its campaign bar, and shows the campaign page’s figures', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(150_000);
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/upgrade'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();

  // The docks finish the first `quota` upgrades they were sent.
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
    await page.getByRole('textbox', { name: 'Max parallel upgrades' }).fill('1');
    await page.getByRole('button', { name: 'Start upgrade' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
    await expect.poll(() => responder.seen.length, { timeout: 20_000 }).toBe(1);

    // The Monitor, filtered to the campaign: the bar, and the gateways not sent yet as rows.
    await page.getByRole('link', { name: 'Open the monitor for this campaign' }).click();
    await expect(page).toHaveURL(/#\/monitor\?campaign=/);
    const entry = page.getByRole('region', { name: 'Campaigns on the Monitor' }).getByRole('group', { name: /^Campaign / });
    const state = entry.getByRole('status', { name: 'Campaign state' });
    await expect(state).toContainText('Running');
    await expect(entry).toContainText('Active 1 · Not sent yet 3');
    const rows = page.getByRole('list', { name: 'Upgrade devices' }).getByRole('listitem');
    await expect(rows).toHaveCount(4);
    await expect(rows.filter({ hasText: 'Not sent yet' })).toHaveCount(3);

    // Paused from the Monitor: what runs may end, nothing new is sent.
    await entry.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(state).toContainText('Paused');
    await expect(state).toContainText('Paused by the operator');
    quota = Number.POSITIVE_INFINITY;
    await expect(entry).toContainText('Succeeded 1', { timeout: 15_000 });
    await page.waitForTimeout(2_500);
    expect(responder.seen).toHaveLength(1);
    await expect(state).toContainText('Paused');

    // The bar, the tiles and the rows not sent yet pass axe (WCAG A/AA, nothing serious or critical).
    const axe = await new AxeBuilder({ page })
      .include('[aria-label="Campaigns on the Monitor"]')
      .include('[aria-label="Upgrade summary"]')
      .include('[aria-label="Upgrade devices"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const blocking = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // The Monitor's tiles are the campaign page's.
    await expect
      .poll(() => figuresOf(page, 'Upgrade summary'))
      .toEqual({
        Gateways: '4',
        Succeeded: '1',
        Failed: '0',
        Active: '0',
        'Not sent yet': '3',
        Overall: '25%',
      });
    const onMonitor = await figuresOf(page, 'Upgrade summary');
    await entry.getByRole('link', { name: 'Open' }).click();
    await expect(page).toHaveURL(/#\/campaigns\/[^/?]+$/);
    await expect(page.getByRole('status', { name: 'Campaign state' })).toContainText('Paused');
    await expect.poll(() => figuresOf(page, 'Campaign summary')).toEqual(onMonitor);

    // Resumed from the Monitor, it finishes there.
    await page.getByRole('link', { name: 'Open the monitor for this campaign' }).click();
    await entry.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect(state).toContainText(/Running|Finished/);
    await expect(state).toContainText('Finished', { timeout: 60_000 });
    await expect(entry).toContainText('Succeeded 4 · Failed 0 · Active 0');
    await expect(entry.getByRole('progressbar', { name: /^Campaign progress / })).toHaveAttribute('aria-valuenow', '100');
    await expect.poll(() => figuresOf(page, 'Upgrade summary')).toMatchObject({ Gateways: '4', Succeeded: '4', Overall: '100%' });
    const doneOnMonitor = await figuresOf(page, 'Upgrade summary');
    await entry.getByRole('link', { name: 'Open' }).click();
    await expect(page.getByRole('status', { name: 'Campaign state' })).toContainText('Finished');
    await expect.poll(() => figuresOf(page, 'Campaign summary')).toEqual(doneOnMonitor);

    // Exactly one ota_create per gateway.
    expect(responder.seen.map((s) => s.gateway).sort()).toEqual(fleet.map((d) => d.sn).sort());
  } finally {
    clearInterval(finisher);
  }
});
