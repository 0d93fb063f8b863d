import type { Page } from '@playwright/test';
import { buildOtaProgress, buildUpdateTopo } from '../src/protocol/builders';
import { appUrl, expect, test, type TestMqttClient } from './support/fixtures';

// Issue 3, "Answering devices": with respondToDevices on, exactly one reply per need_reply event
// and per update_topo; none with it off, and none in read-only mode even when it is on.

const GATEWAY = 'DOCK-REPLY-1';

async function openWithConfig(page: Page, url: string, config: Record<string, unknown>) {
  // respondToDevices has no query parameter (docs/operations.md): it comes from config.json.
  await page.route('**/config.json', (route) => route.fulfill({ json: config }));
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
}

async function sendDeviceTraffic(device: TestMqttClient, bid: string) {
  const progress = buildOtaProgress({
    gateway: GATEWAY,
    bid,
    status: 'in_progress',
    percent: 42,
    step: 'download_firmware',
    needReply: true,
  });
  const topo = buildUpdateTopo({ gatewaySn: GATEWAY, domain: '3', type: 2, subType: 0, subDevices: [] });
  await device.publish(`thing/product/${GATEWAY}/events`, progress);
  await device.publish(`sys/product/${GATEWAY}/status`, topo);
  return { progress, topo };
}

/** The page has applied the event once its progress bar shows it: any reply would be on its way. */
async function waitUntilApplied(page: Page) {
  await page.goto(page.url().replace(/#.*$/, '#/monitor'));
  await expect(page.getByRole('progressbar', { name: `Upgrade progress ${GATEWAY}` })).toHaveAttribute('aria-valuenow', '42');
}

test('answers each need_reply event and update_topo exactly once when respondToDevices is on', async ({ page, broker, mqttClient }) => {
  const spy = await mqttClient(broker.tcpUrl);
  await spy.subscribe(`thing/product/${GATEWAY}/events_reply`);
  await spy.subscribe(`sys/product/${GATEWAY}/status_reply`);
  await openWithConfig(page, appUrl({ broker: broker.wsUrl }), { respondToDevices: true });

  const device = await mqttClient(broker.tcpUrl);
  const { progress, topo } = await sendDeviceTraffic(device, 'bid-reply-on');

  const eventsReply = await spy.waitForMessage((m) => m.topic.endsWith('/events_reply'));
  expect(eventsReply.json()).toMatchObject({ tid: progress.tid, bid: progress.bid, method: 'ota_progress', data: { result: 0 } });
  const statusReply = await spy.waitForMessage((m) => m.topic.endsWith('/status_reply'));
  expect(statusReply.json()).toMatchObject({ tid: topo.tid, bid: topo.bid, method: 'update_topo', data: { result: 0 } });

  // A redelivery (same message again) is not answered a second time.
  await device.publish(`thing/product/${GATEWAY}/events`, progress);
  await waitUntilApplied(page);
  await page.waitForTimeout(1_000);
  expect(spy.messages.filter((m) => m.topic.endsWith('/events_reply'))).toHaveLength(1);
  expect(spy.messages.filter((m) => m.topic.endsWith('/status_reply'))).toHaveLength(1);
});

for (const mode of [
  { name: 'respondToDevices is off', params: {}, config: {} },
  { name: 'read-only mode, even with respondToDevices on', params: { readonly: true }, config: { respondToDevices: true } },
]) {
  test(`sends no reply in ${mode.name}`, async ({ page, broker, mqttClient }) => {
    const spy = await mqttClient(broker.tcpUrl);
    await spy.subscribe('#');
    await openWithConfig(page, appUrl({ broker: broker.wsUrl, ...mode.params }), mode.config);

    const device = await mqttClient(broker.tcpUrl);
    await sendDeviceTraffic(device, `bid-${mode.name.length}`);
    await waitUntilApplied(page);
    await page.waitForTimeout(1_000);
    expect(spy.messages.map((m) => m.topic).filter((t) => t.endsWith('_reply'))).toEqual([]);
  });
}
