import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { brokerAccounts } from './support/broker-accounts';
import { appUrl, expect, test } from './support/fixtures';
import { firmwareFile, startCatalogServer, startDockResponder } from './support/upgrade-dock-responder';

// Issue 8, "Secrets": the broker password stays in this tab's sessionStorage unless "Remember
// password on this device" is ticked (src/app/config/saved-settings.ts), and it never shows up in
// console output, page text or exported reports.

const PASSWORD = 'op-S3cret-7f2c91';
const DEVICE_PASSWORD = 'dev-S3cret-0a55';
const CONNECTED = /\bConnected\b/;

test.use({ brokerOptions: { allowAnonymous: false, extraConfig: brokerAccounts({ operator: PASSWORD, device: DEVICE_PASSWORD }) } });

const DOCK_FILE = firmwareFile('/files/dock2-10.01.4000.bin', 8 * 1024);
let catalog: Awaited<ReturnType<typeof startCatalogServer>>;
test.beforeAll(async () => {
  const entry = {
    id: 'dock2',
    model: '3-2-0',
    product_name: 'DJI Dock 2',
    product_version: '10.01.4000',
    file_name: 'dock2-10.01.4000.bin',
    file_url: 'files/dock2-10.01.4000.bin',
    file_size: DOCK_FILE.bytes.length,
    md5: DOCK_FILE.md5,
    release_notes: '',
    released_at: '2024-05-01T00:00:00Z',
  };
  catalog = await startCatalogServer({ firmware: [entry] }, [DOCK_FILE]);
});
test.afterAll(async () => {
  await catalog.close();
});

interface StorageDump {
  local: Record<string, string>;
  session: Record<string, string>;
}

const dumpStorage = (page: Page): Promise<StorageDump> =>
  page.evaluate(() => {
    const dump = (s: Storage) =>
      Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i) ?? '').map((k) => [k, s.getItem(k) ?? '']));
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });

const contains = (record: Record<string, string>, secret: string) =>
  Object.entries(record).some(([k, v]) => k.includes(secret) || v.includes(secret));

function recordConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => lines.push(`pageerror: ${error.stack ?? error.message}`));
  return lines;
}

async function saveCredentials(page: Page, brokerUrl: string, remember: boolean) {
  const form = page.getByRole('form', { name: 'Broker connection' });
  await form.getByRole('textbox', { name: 'Broker URL' }).fill(brokerUrl);
  await form.getByRole('textbox', { name: 'Username' }).fill('operator');
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByRole('checkbox', { name: 'Remember password on this device' }).setChecked(remember);
  await form.getByRole('button', { name: 'Save & reconnect' }).click();
}

test('a password typed in Settings lives in sessionStorage only, and is in no log, page text or exported report', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(60_000);
  const logs = recordConsole(page);
  // First without credentials: the refusal is logged and shown, and must not leak anything either.
  await page.goto(appUrl({ catalog: catalog.catalogUrl }, '/settings'));
  await saveCredentials(page, broker.wsUrl, false);
  const status = page.getByRole('status', { name: 'Broker connection' });
  await expect(status).toContainText(CONNECTED);

  let storage = await dumpStorage(page);
  expect(contains(storage.local, PASSWORD)).toBe(false);
  expect(contains(storage.session, PASSWORD)).toBe(true);
  // Same tab after a reload: still signed in from sessionStorage, still nothing in localStorage.
  await page.reload();
  await expect(status).toContainText(CONNECTED);

  // An upgrade, so the exported campaign report has something in it.
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl, { username: 'device', password: DEVICE_PASSWORD }), [
    { sn: 'DOCK-SEC-1', aircraft: 'AC-SEC-1', dockVersion: '10.01.1000', aircraftVersion: '07.00.0001' },
  ]);
  await page.getByRole('navigation').getByRole('link', { name: 'Upgrade', exact: true }).click();
  await responder.announce();
  await page
    .getByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ })
    .getByRole('radio', { name: /dock2-10\.01\.4000\.bin/ })
    .check();
  await page.getByRole('checkbox', { name: 'Select gateway DOCK-SEC-1' }).check();
  await page.getByRole('button', { name: 'Start upgrade' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect.poll(() => responder.seen.length).toBe(1);
  await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);

  for (const format of ['CSV', 'JSON']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Export ${format}` }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('DOCK-SEC-1');
    expect(text).not.toContain(PASSWORD);
  }

  for (const route of ['/monitor', '/settings', '/diagnostics', '/fleet']) {
    await page.goto(page.url().replace(/#.*$/, `#${route}`));
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await page.locator('body').innerText()).not.toContain(PASSWORD);
  }
  storage = await dumpStorage(page);
  expect(contains(storage.local, PASSWORD)).toBe(false);
  expect(logs.filter((line) => line.includes(PASSWORD))).toEqual([]);
});

test('"Remember password" puts it in localStorage and nowhere else; unticking forgets it; a ?password= is never stored', async ({
  page,
  broker,
}) => {
  const logs = recordConsole(page);
  await page.goto(appUrl({}, '/settings'));
  await saveCredentials(page, broker.wsUrl, true);
  const status = page.getByRole('status', { name: 'Broker connection' });
  await expect(status).toContainText(CONNECTED);
  let storage = await dumpStorage(page);
  expect(contains(storage.local, PASSWORD)).toBe(true);
  expect(contains(storage.session, PASSWORD)).toBe(false);

  await saveCredentials(page, broker.wsUrl, false);
  await expect(status).toContainText(CONNECTED);
  storage = await dumpStorage(page);
  expect(contains(storage.local, PASSWORD)).toBe(false);
  expect(contains(storage.session, PASSWORD)).toBe(true);

  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  storage = await dumpStorage(page);
  expect(contains(storage.local, PASSWORD) || contains(storage.session, PASSWORD)).toBe(false);

  // Credentials in the URL are used for this page only.
  await page.goto(appUrl({ broker: broker.wsUrl, username: 'operator', password: PASSWORD }, '/monitor'));
  await expect(status).toContainText(CONNECTED);
  storage = await dumpStorage(page);
  expect(contains(storage.local, PASSWORD) || contains(storage.session, PASSWORD)).toBe(false);
  expect(logs.filter((line) => line.includes(PASSWORD))).toEqual([]);
});
