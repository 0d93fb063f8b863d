import type { Page } from '@playwright/test';
import { appUrl, expect, test } from './support/fixtures';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { devicePublisher, expectBar, firmwareFor, openMonitor, progressBar } from './support/monitor-publisher';

// Issue 8, "Network drop": nothing is lost across a dropped connection, a reload or a second
// console (persistent session, stable client id, QoS 1, tasks persisted: docs/architecture.md).

const CONNECTED = /\bConnected\b/;
// The page's back-off (1 s doubling, randomised) decides when it tries again after the cut.
const RECONNECT_TIMEOUT = 35_000;
const CUT_MS = 10_000;

const connection = (page: Page) => page.getByRole('status', { name: 'Broker connection' });

/** `New client connected from ... as <id> (p5, c0, k60)` lines of mosquitto's log, for the page's ids. */
function pageConnects(log: string): { clientId: string; protocol: string; clean: string }[] {
  return [...log.matchAll(/New client connected from \S+ as (ota-operator-[a-z0-9]+) \((p\d), (c\d)/g)].map((m) => ({
    clientId: m[1]!,
    protocol: m[2]!,
    clean: m[3]!,
  }));
}

test.describe('network drop', () => {
  let proxy: TcpProxy | null = null;
  test.afterEach(async () => {
    await proxy?.close();
    proxy = null;
  });

  test('QoS 1 progress published during a 10 s cut is delivered after it: the page shows the last event', async ({
    page,
    broker,
    mqttClient,
  }) => {
    test.setTimeout(75_000);
    proxy = await startTcpProxy(broker.wsPort);
    await page.goto(appUrl({ broker: `ws://127.0.0.1:${proxy.port}/mqtt` }, '/monitor'));
    await expect(connection(page)).toContainText(CONNECTED);

    const device = devicePublisher(await mqttClient(broker.tcpUrl));
    const gateway = 'DOCK-CUT-1';
    const bid = await device.otaCreate(gateway, [firmwareFor(gateway, '11.0.0'), firmwareFor('DRONE-CUT-1', '9.0.0')]);
    const t0 = Date.now();
    await device.progress(gateway, { bid, status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 5 }, t0);
    await expectBar(page, gateway, 5, '5% · In Progress · Downloading');

    proxy.cut();
    await expect(connection(page)).not.toContainText(CONNECTED);
    const cutAt = Date.now();
    // One event a second for the whole cut, each acknowledged by the broker (QoS 1): it queues them
    // for the page's offline persistent session.
    let sent = 0;
    for (let percent = 10; Date.now() - cutAt < CUT_MS - 1_000; percent += 10) {
      const downloading = percent < 60;
      await device.progress(
        gateway,
        downloading
          ? { bid, status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent }
          : { bid, status: 'in_progress', subStatus: 'UPGRADING', step: 'upgrade_firmware', percent: percent - 50 },
        t0 + percent,
      );
      sent += 1;
      await page.waitForTimeout(1_000);
    }
    const lastPercent = 10 * sent;
    expect(lastPercent, 'the cut lasted long enough to reach the upgrade step').toBeGreaterThan(60);
    // Nothing reached the page while cut.
    await expectBar(page, gateway, 5, '5% · In Progress · Downloading');
    await expect(connection(page)).not.toContainText(CONNECTED);
    await page.waitForTimeout(Math.max(0, CUT_MS - (Date.now() - cutAt)));

    proxy.restore();
    await expect(connection(page)).toContainText(CONNECTED, { timeout: RECONNECT_TIMEOUT });
    const upgradeText = `${lastPercent - 50}% · In Progress · Upgrading`;
    await expectBar(page, gateway, lastPercent - 50, upgradeText);
    await expectBar(page, 'DRONE-CUT-1', lastPercent - 50, upgradeText);

    // The same client id came back without a clean start, under MQTT 5 (session expiry applies).
    const connects = pageConnects(broker.log());
    expect(connects.length).toBeGreaterThanOrEqual(2);
    expect(new Set(connects.map((c) => c.clientId)).size).toBe(1);
    expect(connects.every((c) => c.protocol === 'p5' && c.clean === 'c0')).toBe(true);
    expect(proxy.connectionsAccepted).toBeGreaterThanOrEqual(2);
  });
});

test('a reload during an upgrade keeps the task, and events sent while the page was away still arrive', async ({
  page,
  broker,
  mqttClient,
}) => {
  await openMonitor(page, broker);
  const device = devicePublisher(await mqttClient(broker.tcpUrl));
  const gateway = 'DOCK-RELOAD-1';
  const bid = await device.otaCreate(gateway, [firmwareFor(gateway, '3.1.0')]);
  const t0 = Date.now();
  await device.progress(gateway, { bid, status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 30 }, t0);
  await expectBar(page, gateway, 30, '30% · In Progress · Downloading');

  await page.reload();
  await expect(connection(page)).toContainText(CONNECTED);
  await expectBar(page, gateway, 30, '30% · In Progress · Downloading');

  // The tab goes away entirely; the upgrade carries on without it.
  await page.goto('about:blank');
  await device.progress(gateway, { bid, status: 'in_progress', subStatus: 'UPGRADING', step: 'upgrade_firmware', percent: 40 }, t0 + 1_000);
  await device.progress(gateway, { bid, status: 'in_progress', subStatus: 'UPGRADING', step: 'upgrade_firmware', percent: 70 }, t0 + 2_000);

  await page.goto(appUrl({ broker: broker.wsUrl }, '/monitor'));
  await expect(connection(page)).toContainText(CONNECTED);
  await expectBar(page, gateway, 70, '70% · In Progress · Upgrading');

  await device.progress(gateway, { bid, status: 'ok', subStatus: 'UPGRADE_SUCCESS', step: 'upgrade_firmware', percent: 100 }, t0 + 3_000);
  await expectBar(page, gateway, 100, '100% · Successful Execution · Upgrade successful');
  await expect(page.getByRole('progressbar')).toHaveCount(1);
});

test('two consoles side by side (separate browser profiles) show the same tasks and both stay connected', async ({
  page,
  browser,
  broker,
  mqttClient,
}) => {
  const other = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  try {
    const second = await other.newPage();
    await openMonitor(page, broker);
    await openMonitor(second, broker);

    const device = devicePublisher(await mqttClient(broker.tcpUrl));
    const bid = await device.otaCreate('DOCK-PAIR-1', [firmwareFor('DOCK-PAIR-1', '5.0.0'), firmwareFor('DRONE-PAIR-1', '6.0.0')]);
    await device.progress('DOCK-PAIR-1', { bid, status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 42 });
    await device.progress('DOCK-PAIR-2', {
      bid: 'bid-pair-2',
      status: 'failed',
      subStatus: 'UPGRADE_FAIL',
      step: 'upgrade_firmware',
      percent: 8,
      result: 312028,
    });

    for (const view of [page, second]) {
      await expect(view.getByRole('progressbar')).toHaveCount(3);
      await expectBar(view, 'DOCK-PAIR-1', 42, '42% · In Progress · Downloading');
      await expectBar(view, 'DRONE-PAIR-1', 42, '42% · In Progress · Downloading');
      await expectBar(view, 'DOCK-PAIR-2', 8, '8% · Failed · Upgrade failed');
    }
    // Each profile owns its own persistent client id: neither took the other's session over.
    await expect(connection(page)).toContainText(CONNECTED);
    await expect(connection(second)).toContainText(CONNECTED);
    const ids = new Set(pageConnects(broker.log()).map((c) => c.clientId));
    expect(ids.size).toBe(2);
    expect(broker.log()).not.toMatch(/already connected, closing old connection/);
    await expect(progressBar(second, 'DOCK-PAIR-1')).toBeVisible();
  } finally {
    await other.close();
  }
});
