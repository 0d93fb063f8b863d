import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { resultCodeText } from '../src/protocol/result-codes';
import { NEXT_STEP_TEXTS, nextStepForCode } from '../src/protocol/next-steps';
import { appUrl, expect, test } from './support/fixtures';
import { dock2Firmware, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 7, campaigns end to end: the production build in Chromium against mosquitto, a Node dock
// responder answering every ota_create with services_reply and reporting progress when the test
// says so. Six gateways, "Max parallel upgrades" 2, "Pause after failures" 1.

const { file: DOCK_FILE, entry: DOCK_ENTRY } = dock2Firmware(48 * 1024);
const FAILURE_CODE = 312016;

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;
test.beforeAll(async () => {
  catalog = await startCatalogServer({ firmware: [DOCK_ENTRY] }, [DOCK_FILE]);
});
test.afterAll(async () => {
  await catalog.close();
});

const fleet: SimDock[] = [1, 2, 3, 4, 5, 6].map((n) => ({
  sn: `CMP-DOCK-${n}`,
  aircraft: `CMP-AC-${n}`,
  dockVersion: '10.01.1000',
  aircraftVersion: '07.00.0001',
}));

/** No further ota_create arrives: the page runs its orchestrator every second, so wait past a few ticks. */
async function expectNoMoreThan(page: Page, seen: () => number, count: number) {
  await expect.poll(seen).toBe(count);
  await page.waitForTimeout(2_500);
  expect(seen()).toBe(count);
}

test('limit 2, pause after 1 failure: 2 at a time, the next after an ok, Paused after a failure, Resume goes on 2 at a time, CSV matches', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(60_000);
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/upgrade'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();
  const sent = () => responder.seen.length;
  const bidOf = (gateway: string) => {
    const create = responder.seen.find((s) => s.gateway === gateway);
    if (create === undefined) throw new Error(`no ota_create for ${gateway}`);
    return create.bid;
  };
  const ok = (gateway: string) =>
    responder.progress(gateway, {
      bid: bidOf(gateway),
      status: 'ok',
      subStatus: 'UPGRADE_SUCCESS',
      step: 'upgrade_firmware',
      percent: 100,
    });

  await page
    .getByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ })
    .getByRole('radio', { name: /dock2-10\.01\.3000\.bin/ })
    .check();
  for (const dock of fleet) await page.getByRole('checkbox', { name: `Select gateway ${dock.sn}` }).check();
  await page.getByRole('textbox', { name: 'Max parallel upgrades' }).fill('2');
  await page.getByRole('textbox', { name: 'Pause after failures' }).fill('1');
  await page.getByRole('button', { name: 'Start upgrade' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
  const state = page.getByRole('status', { name: 'Campaign state' });
  await expect(state).toContainText('Running');

  // Limit 2: exactly two ota_create.
  await expectNoMoreThan(page, sent, 2);
  const [first, second] = responder.seen.map((s) => s.gateway);
  expect(new Set([first, second]).size).toBe(2);

  // One reaches ok: the next is sent, and only it.
  await responder.progress(first!, {
    bid: bidOf(first!),
    status: 'in_progress',
    subStatus: 'UPGRADING',
    step: 'upgrade_firmware',
    percent: 60,
  });
  await ok(first!);
  await expectNoMoreThan(page, sent, 3);

  // A failure with "Pause after failures" 1: Paused with the reason, nothing more is sent.
  await responder.progress(second!, { bid: bidOf(second!), status: 'failed', step: 'upgrade_firmware', percent: 70, result: FAILURE_CODE });
  await expect(state).toContainText('Paused');
  await expect(state).toContainText('Paused: 1 failure reached the limit of 1');
  const third = responder.seen[2]!.gateway;
  await ok(third);
  await expectNoMoreThan(page, sent, 3);

  // Resume: continues 2 at a time.
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(state).toContainText('Running');
  await expectNoMoreThan(page, sent, 5);
  const [fourth, fifth] = responder.seen.slice(3).map((s) => s.gateway);
  await ok(fourth!);
  await expectNoMoreThan(page, sent, 6);
  await ok(fifth!);
  await ok(responder.seen[5]!.gateway);
  await expect(state).toContainText('Finished');
  expect(new Set(responder.seen.map((s) => s.gateway)).size).toBe(6);
  expect(new Set(responder.seen.map((s) => s.bid)).size).toBe(6);

  const table = page.getByRole('table', { name: 'Gateways in this campaign' });
  await expect(table.getByRole('row').filter({ hasText: second! })).toContainText(`${FAILURE_CODE}: ${resultCodeText(FAILURE_CODE)}`);

  // The CSV export matches what happened.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  expect(csv).not.toContain(catalog.base);
  const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
  expect(rows).toHaveLength(6);
  expect(rows.map((r) => r.gateway).sort()).toEqual(fleet.map((d) => d.sn).sort());
  for (const row of rows) {
    expect(row).toMatchObject({
      device: row.gateway,
      model: 'DJI Dock 2',
      model_key: '3-2-0',
      from_version: '10.01.1000',
      target_version: '10.01.3000',
      attempts: '1',
    });
    expect(row.started).not.toBe('');
    expect(row.finished).not.toBe('');
    if (row.gateway === second) {
      expect(row).toMatchObject({
        final_status: 'Failed',
        result_code: String(FAILURE_CODE),
        result_text: resultCodeText(FAILURE_CODE),
        next_step: NEXT_STEP_TEXTS[nextStepForCode(FAILURE_CODE)],
      });
    } else {
      expect(row).toMatchObject({ final_status: 'Successful Execution', result_code: '0' });
    }
  }
});

test('a reload resumes the campaign where it stopped without sending anything twice', async ({ page, broker, mqttClient }) => {
  // After the reload the console reads the campaign back from the broker and takes its lease again.
  test.setTimeout(60_000);
  const docks = fleet.slice(0, 3).map((d) => ({ ...d, sn: d.sn.replace('CMP', 'RLD'), aircraft: d.aircraft.replace('CMP', 'RLD') }));
  const url = appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/upgrade');
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), docks);
  await responder.announce();
  const sent = () => responder.seen.length;

  await page
    .getByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ })
    .getByRole('radio', { name: /dock2-10\.01\.3000\.bin/ })
    .check();
  for (const dock of docks) await page.getByRole('checkbox', { name: `Select gateway ${dock.sn}` }).check();
  await page.getByRole('textbox', { name: 'Max parallel upgrades' }).fill('1');
  await page.getByRole('button', { name: 'Start upgrade' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
  const table = page.getByRole('table', { name: 'Gateways in this campaign' });
  await expectNoMoreThan(page, sent, 1);
  const first = responder.seen[0]!;
  // The reply landed (PUBACK long since): the attempt is on record as published.
  await expect(table.getByRole('row').filter({ hasText: first.gateway })).toContainText('Accepted');

  await page.reload();
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  await expect(page.getByRole('status', { name: 'Campaign state' })).toContainText('Running');
  await expect(table.getByRole('row').filter({ hasText: first.gateway })).toContainText('Accepted');
  await expectNoMoreThan(page, sent, 1);

  await responder.progress(first.gateway, {
    bid: first.bid,
    status: 'ok',
    subStatus: 'UPGRADE_SUCCESS',
    step: 'upgrade_firmware',
    percent: 100,
  });
  await expectNoMoreThan(page, sent, 2);
  expect(responder.seen[1]!.gateway).not.toBe(first.gateway);
  expect(new Set(responder.seen.map((s) => s.bid)).size).toBe(2);
});
