import type { Locator, Page } from '@playwright/test';
import { deviceRow, progressBar } from './support/monitor-publisher';
import { appUrl, expect, test } from './support/fixtures';
import { firmwareFile, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 10, keyboard half: the upgrade wizard with the keyboard only (no mouse, no .click()),
// focus visible on everything it lands on, the confirm dialog trapping and restoring focus, and
// status told in words, never by colour alone.

const CONNECTED = /\bConnected\b/;
const DOCK_FILE = firmwareFile('/files/dock2-10.01.2000.bin', 40 * 1024);

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;

test.beforeAll(async () => {
  catalog = await startCatalogServer(
    {
      firmware: [
        {
          id: 'dock2',
          model: '3-2-0',
          product_name: 'DJI Dock 2',
          product_version: '10.01.2000',
          file_name: 'dock2-10.01.2000.bin',
          file_url: DOCK_FILE.path.slice(1),
          file_size: DOCK_FILE.bytes.length,
          md5: DOCK_FILE.md5,
          release_notes: '',
          released_at: '2024-05-01T00:00:00Z',
        },
      ],
    },
    [DOCK_FILE],
  );
});

test.afterAll(async () => {
  await catalog.close();
});

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** The focused element's outline as the browser paints it: keyboard focus must be visible. */
async function expectVisibleFocus(page: Page) {
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return null;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), what: el.outerHTML.slice(0, 120) };
  });
  expect(outline, 'something has focus').not.toBeNull();
  expect(outline!.style, `outline of ${outline!.what}`).not.toBe('none');
  expect(outline!.width, `outline width of ${outline!.what}`).toBeGreaterThanOrEqual(2);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) {
      await expectVisibleFocus(page);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${String(target)} within ${max} presses`);
}

function fleetOf(count: number): SimDock[] {
  return Array.from({ length: count }, (_, i) => ({
    sn: `KEY-DOCK-${i + 1}`,
    aircraft: `KEY-AC-${i + 1}`,
    dockVersion: '10.01.1000',
    aircraftVersion: '07.00.0001',
  }));
}

test('the upgrade wizard by keyboard only: firmware, gateways, max parallel, confirm dialog trap/Escape/restore, Confirm sends ota_create', async ({
  page,
  broker,
  mqttClient,
}) => {
  const fleet = fleetOf(3);
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/upgrade'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();
  const [first, second] = fleet;
  await expect(page.getByRole('checkbox', { name: `Select gateway ${fleet[2]!.sn}` })).toBeVisible();

  // The first Tab stop is visible too (the navigation).
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page);

  // Firmware: Tab into the group (it lands on the checked radio), arrows move and select.
  const group = page.getByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ });
  const firmware = group.getByRole('radio', { name: /dock2-10\.01\.2000\.bin/ });
  await tabTo(page, group.getByRole('radio', { checked: true }));
  for (let i = 0; i < 5 && !(await firmware.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(firmware).toBeChecked();
  await expect(firmware).toBeFocused();
  await expectVisibleFocus(page);

  for (const dock of [first!, second!]) {
    const box = page.getByRole('checkbox', { name: `Select gateway ${dock.sn}` });
    await tabTo(page, box);
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await expect(page.getByRole('checkbox', { name: `Select gateway ${fleet[2]!.sn}` })).not.toBeChecked();

  const maxParallel = page.getByRole('textbox', { name: 'Max parallel upgrades' });
  await tabTo(page, maxParallel);
  await page.keyboard.type('1');
  await expect(maxParallel).toHaveValue('1');

  const start = page.getByRole('button', { name: 'Start upgrade' });
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Upgrade 2 gateways');
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  const confirm = dialog.getByRole('button', { name: 'Confirm' });
  // Focus moves in (to Cancel: a stray Enter sends nothing) and Tab cycles inside both ways.
  await expect(cancel).toBeFocused();
  await expectVisibleFocus(page);
  const inside = await dialog.evaluate(
    (d) =>
      d.querySelectorAll('button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])').length,
  );
  for (let i = 0; i < inside * 2 + 1; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `Tab ${i + 1} stays in the dialog`).toBe(true);
    await expectVisibleFocus(page);
  }
  for (let i = 0; i < inside * 2 + 1; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `Shift+Tab ${i + 1} stays in the dialog`).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(start).toBeFocused();
  await expectVisibleFocus(page);
  expect(responder.seen).toEqual([]);

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabTo(page, confirm);
  await page.keyboard.press('Enter');

  await expect.poll(() => responder.seen.length).toBe(1);
  expect([first!.sn, second!.sn]).toContain(responder.seen[0]!.gateway);
  expect(responder.seen[0]!.devices.map((d) => d.product_version)).toEqual(['10.01.2000']);
  await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
  // Max parallel 1, typed above: the second gateway waits while the first is upgrading.
  await page.waitForTimeout(500);
  expect(responder.seen).toHaveLength(1);
});

test('every Tab stop on every operator screen shows a focus outline', async ({ page, broker, mqttClient }) => {
  // Eight screens of up to 40 stops, each checked in the page: most screens now fill all 40.
  test.setTimeout(120_000);
  const fleet = fleetOf(2);
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/fleet'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();
  await responder.progress(fleet[0]!.sn, {
    bid: 'tab-1',
    status: 'in_progress',
    subStatus: 'DOWNLOADING',
    step: 'download_firmware',
    percent: 30,
  });
  await expect(page.getByText(fleet[1]!.sn).first()).toBeVisible();

  for (const route of ['/upgrade', '/monitor', '/tasks/tab-1', '/campaigns', '/fleet', '/firmware', '/settings', '/diagnostics']) {
    await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, route));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    let stops = 0;
    // Up to 40 stops per screen: enough to pass the navigation and reach the screen's own controls.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement === null || document.activeElement === document.body)) break;
      await expectVisibleFocus(page).catch((error: unknown) => {
        throw new Error(`${route}, Tab stop ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
      });
      stops++;
    }
    expect(stops, `${route} has Tab stops beyond the navigation`).toBeGreaterThan(7);
  }
});

/** Coloured elements (badges, dots) with no words of their own or beside them. */
function colourOnly(page: Page) {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const chroma = (css: string) => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = css;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
      return a! < 128 ? 0 : Math.max(r!, g!, b!) - Math.min(r!, g!, b!);
    };
    const words = (el: Element | null) => (el instanceof HTMLElement ? el.innerText : '').replace(/[^\p{L}\p{N}]/gu, '');
    const offenders: string[] = [];
    let coloured = 0;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.closest('[role="progressbar"]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.width > 240 || box.height > 48) continue;
      if (chroma(getComputedStyle(el).backgroundColor) < 12) continue;
      coloured++;
      if (words(el) === '' && words(el.parentElement) === '') offenders.push(el.outerHTML.slice(0, 160));
    }
    return { coloured, offenders };
  });
}

test('status is told in words: connection state, task status badges and liveness, never colour alone', async ({
  page,
  broker,
  mqttClient,
}) => {
  const fleet = fleetOf(2);
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/monitor'));
  const connection = page.getByRole('status', { name: 'Broker connection' });
  await expect(connection).toHaveText('Connected');
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), fleet);
  await responder.announce();
  await responder.progress(fleet[0]!.sn, {
    bid: 'kb-1',
    status: 'in_progress',
    subStatus: 'DOWNLOADING',
    step: 'download_firmware',
    percent: 30,
  });
  await responder.progress(fleet[1]!.sn, {
    bid: 'kb-2',
    status: 'failed',
    subStatus: 'DOWNLOAD_FAILED',
    step: 'download_firmware',
    percent: 12,
  });
  await expect(progressBar(page, fleet[1]!.sn)).toHaveAttribute('aria-valuetext', /Failed/);

  await expect(deviceRow(page, fleet[0]!.sn)).toContainText('In Progress');
  await expect(deviceRow(page, fleet[1]!.sn)).toContainText('Failed');
  await expect(deviceRow(page, fleet[1]!.sn)).toContainText('Download failed');
  const monitor = await colourOnly(page);
  expect(monitor.coloured, 'the check saw the coloured badges').toBeGreaterThan(2);
  expect(monitor.offenders).toEqual([]);

  // Fleet liveness and the Upgrade screen's per-gateway badges.
  await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/upgrade'));
  await expect(page.getByRole('checkbox', { name: `Select gateway ${fleet[1]!.sn}` })).toBeVisible();
  expect((await colourOnly(page)).offenders).toEqual([]);

  // Losing the broker is said in words next to the coloured dot.
  await broker.stop();
  await expect(connection).toHaveText(/^(Reconnecting|Disconnected)$/);
  expect((await colourOnly(page)).offenders).toEqual([]);
});
