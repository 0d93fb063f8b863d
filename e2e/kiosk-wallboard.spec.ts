import type { Page, TestInfo } from '@playwright/test';
import { buildOtaProgress, buildUpdateTopo } from '../src/protocol/builders';
import type { OtaProgressInput } from '../src/protocol/device-builders';
import { brokerAccounts } from './support/broker-accounts';
import { appUrl, expect, test, type TestMqttClient } from './support/fixtures';

// Issue 6, "Must show": the kiosk wallboard against a real mosquitto and the production build.

const CONNECTED = /\bConnected\b/;
const RECONNECT_TIMEOUT = 30_000;

test.use({ viewport: { width: 1920, height: 1080 } });

function progress(device: TestMqttClient, gateway: string, input: Omit<OtaProgressInput, 'gateway'>) {
  return device.publish(`thing/product/${gateway}/events`, buildOtaProgress(input));
}

async function openKiosk(page: Page, params: Record<string, string | number | boolean>) {
  await page.goto(appUrl({ kiosk: true, ...params }));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const bar = (page: Page, sn: string) => page.getByRole('progressbar', { name: `Upgrade progress ${sn}` });

test('shows live progress, failures with their reason, full screen with no controls', async ({ page, broker, mqttClient }, testInfo) => {
  await openKiosk(page, { broker: broker.wsUrl });
  await expect(page.getByRole('navigation')).toHaveCount(0);
  const device = await mqttClient(broker.tcpUrl);
  for (let i = 1; i <= 6; i++) {
    await progress(device, `DOCK-K${i}`, {
      bid: `k-${i}`,
      status: 'in_progress',
      percent: i * 12,
      step: 'download_firmware',
      subStatus: 'DOWNLOADING',
      rate: 2_500_000,
    });
  }
  await progress(device, 'DOCK-F1', { bid: 'f-1', status: 'failed', percent: 35, step: 'download_firmware', subStatus: 'DOWNLOAD_FAILED' });
  await progress(device, 'DOCK-F2', { bid: 'f-2', status: 'rejected', percent: 0, result: 312015 });

  await expect(bar(page, 'DOCK-K1')).toHaveAttribute('aria-valuetext', '12% · In Progress · Downloading');
  await progress(device, 'DOCK-K1', {
    bid: 'k-1',
    status: 'in_progress',
    percent: 64,
    step: 'download_firmware',
    subStatus: 'DOWNLOADING',
  });
  await expect(bar(page, 'DOCK-K1')).toHaveAttribute('aria-valuenow', '64');

  const failures = page.getByRole('list', { name: 'Recent failures' });
  await expect(failures).toContainText('Download failed');
  await expect(failures).toContainText('312015: The dock is busy (for example a flight is in progress)');
  const tiles = page.getByRole('group', { name: 'Upgrade summary' });
  await expect(tiles).toContainText('In Progress6');

  for (const role of ['button', 'link', 'textbox', 'checkbox'] as const) await expect(page.getByRole(role)).toHaveCount(0);
  const layout = await page.evaluate(() => ({
    scrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
    cursor: getComputedStyle(document.elementFromPoint(innerWidth / 2, innerHeight / 2)!).cursor,
  }));
  expect(layout).toEqual({ scrolls: false, cursor: 'none' });
  await screenshot(page, testInfo, 'kiosk-1920x1080');

  await page.setViewportSize({ width: 3840, height: 2160 });
  await expect(bar(page, 'DOCK-K6')).toBeVisible();
  await screenshot(page, testInfo, 'kiosk-3840x2160');
});

test('publishes nothing, not even replies to need_reply events with respondToDevices on', async ({ page, broker, mqttClient }) => {
  const spy = await mqttClient(broker.tcpUrl);
  await spy.subscribe('#');
  // respondToDevices has no query parameter: config.json turns it on, and the kiosk must still stay silent.
  await page.route('**/config.json', (route) => route.fulfill({ json: { respondToDevices: true } }));
  await openKiosk(page, { broker: broker.wsUrl });

  const device = await mqttClient(broker.tcpUrl);
  const sent = [
    {
      topic: 'thing/product/DOCK-SPY/events',
      message: buildOtaProgress({ bid: 'spy-1', status: 'in_progress', percent: 42, step: 'download_firmware', needReply: true }),
    },
    {
      topic: 'sys/product/DOCK-SPY/status',
      message: buildUpdateTopo({ gatewaySn: 'DOCK-SPY', domain: '3', type: 2, subType: 0, subDevices: [] }),
    },
  ];
  for (const { topic, message } of sent) await device.publish(topic, message);

  await expect(bar(page, 'DOCK-SPY')).toHaveAttribute('aria-valuenow', '42');
  // A reply would follow the applied event within milliseconds; give it ample time to show up.
  await page.waitForTimeout(1_500);
  expect(spy.messages.map((m) => ({ topic: m.topic, message: m.json() }))).toEqual(sent);
});

test('shows the connection-lost banner while the broker is down, then live updates again', async ({
  page,
  broker,
  mqttClient,
}, testInfo) => {
  test.setTimeout(60_000);
  await openKiosk(page, { broker: broker.wsUrl });
  const before = await mqttClient(broker.tcpUrl);
  await progress(before, 'DOCK-R1', { bid: 'r-1', status: 'in_progress', percent: 10, step: 'download_firmware' });
  await expect(bar(page, 'DOCK-R1')).toHaveAttribute('aria-valuenow', '10');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await broker.stop();
  await expect(page.getByRole('alert')).toContainText(/Connection lost since \d\d:\d\d/);
  await expect(page.getByText('Data may be out of date')).toBeVisible();
  // The data shown is kept, marked stale, not wiped.
  await expect(bar(page, 'DOCK-R1')).toHaveAttribute('aria-valuenow', '10');
  await screenshot(page, testInfo, 'kiosk-connection-lost');

  await broker.start();
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED, { timeout: RECONNECT_TIMEOUT });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('Data may be out of date')).toHaveCount(0);

  const after = await mqttClient(broker.tcpUrl);
  await progress(after, 'DOCK-R1', { bid: 'r-1', status: 'in_progress', percent: 70, step: 'download_firmware' });
  await expect(bar(page, 'DOCK-R1')).toHaveAttribute('aria-valuenow', '70');
});

test('turns pages on the interval when 200 active tasks do not fit', async ({ page, broker, mqttClient }, testInfo) => {
  await openKiosk(page, { broker: broker.wsUrl, interval: 2, gateway: 'DOCK-P' });
  const device = await mqttClient(broker.tcpUrl);
  // Outside the filter: never on the board.
  await progress(device, 'OTHER-1', { bid: 'other-1', status: 'in_progress', percent: 5, step: 'download_firmware' });
  const gateways = Array.from({ length: 200 }, (_, i) => `DOCK-P${String(i + 1).padStart(3, '0')}`);
  await Promise.all(
    gateways.map((gw, i) =>
      progress(device, gw, { bid: `p-${i + 1}`, status: 'in_progress', percent: i % 100, step: 'download_firmware' }),
    ),
  );

  await expect(page.getByText('Devices 1–', { exact: false })).toContainText('of 200');
  const indicator = page.getByText(/^Page \d+ of \d+$/);
  const [, total] = /of (\d+)/.exec((await indicator.textContent()) ?? '') ?? [];
  const pages = Number(total);
  expect(pages).toBeGreaterThan(1);
  const pageSize = Math.ceil(200 / pages);

  await expect(indicator).toHaveText(`Page 1 of ${pages}`, { timeout: 5_000 });
  const first = await page.getByRole('progressbar').first().getAttribute('aria-label');
  await screenshot(page, testInfo, 'kiosk-200-tasks-page-1');
  await expect(indicator).toHaveText(`Page 2 of ${pages}`, { timeout: 5_000 });
  await expect(page.getByRole('progressbar').first()).not.toHaveAttribute('aria-label', first ?? '');
  await screenshot(page, testInfo, 'kiosk-200-tasks-page-2');

  // A full page is on screen, every card inside the viewport, and none outside the filter.
  const boxes = await page.getByRole('progressbar').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().bottom));
  expect(boxes.length).toBeGreaterThanOrEqual(pageSize - 1);
  expect(Math.max(...boxes)).toBeLessThanOrEqual(1080);
  await expect(bar(page, 'OTHER-1')).toHaveCount(0);
  // The SN is what people look for: never cut off.
  const cutSns = await page
    .getByRole('list', { name: 'Active upgrades' })
    .getByRole('listitem')
    .evaluateAll((cards) =>
      cards
        .map((card) => card.firstElementChild!)
        .filter((sn) => sn.scrollWidth > sn.clientWidth)
        .map((sn) => sn.textContent),
    );
  expect(cutSns).toEqual([]);
});

test('#/kiosk opens the wallboard in kiosk mode', async ({ page, broker }) => {
  await page.goto(appUrl({ broker: broker.wsUrl }, '/kiosk'));
  await expect(page.getByRole('heading', { name: 'Firmware upgrades' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('kiosk')).toBe('1');
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  await expect(page.getByRole('navigation')).toHaveCount(0);
});

// The subscribe-only kiosk account of docs/operations.md, proven against mosquitto: the ACL below
// is the one documented there, word for word.
const KIOSK_ACL = [
  'user wall',
  'topic read thing/product/+/services',
  'topic read thing/product/+/services_reply',
  'topic read thing/product/+/events',
  'topic read thing/product/+/state',
  'topic read thing/product/+/osd',
  'topic read sys/product/+/status',
  '',
  'user device',
  'topic readwrite #',
  '',
].join('\n');

test.describe('with a subscribe-only broker account', () => {
  test.use({
    brokerOptions: { allowAnonymous: false, extraConfig: brokerAccounts({ wall: 'wall-secret', device: 'device-secret' }, KIOSK_ACL) },
  });

  test('the kiosk connects, subscribes and shows live progress', async ({ page, broker, mqttClient }) => {
    await openKiosk(page, { broker: broker.wsUrl, username: 'wall', password: 'wall-secret' });
    const device = await mqttClient(broker.tcpUrl, { username: 'device', password: 'device-secret' });
    await progress(device, 'DOCK-ACL', { bid: 'acl-1', status: 'in_progress', percent: 33, step: 'download_firmware' });
    await expect(bar(page, 'DOCK-ACL')).toHaveAttribute('aria-valuenow', '33');
  });

  test('the account cannot publish: the broker drops what it sends', async ({ broker, mqttClient }) => {
    const spy = await mqttClient(broker.tcpUrl, { username: 'device', password: 'device-secret' });
    await spy.subscribe('#');
    const kiosk = await mqttClient(broker.tcpUrl, { username: 'wall', password: 'wall-secret' });
    await kiosk.publish('thing/product/DOCK-ACL/services', { method: 'ota_create' }).catch(() => undefined);
    await kiosk.publish('thing/product/DOCK-ACL/events_reply', { method: 'ota_progress' }).catch(() => undefined);
    // A marker from an account that may publish: once it arrives, anything published before it would have too.
    await spy.publish('thing/product/DOCK-ACL/events', { marker: true });
    await spy.waitForMessage((m) => m.topic === 'thing/product/DOCK-ACL/events');
    expect(spy.messages.map((m) => m.topic)).toEqual(['thing/product/DOCK-ACL/events']);
  });
});
