import { buildOsd, buildUpdateTopo } from '../src/protocol/device-builders';
import { osdTopic, statusTopic } from '../src/protocol/topics';
import { appUrl, expect, test } from './support/fixtures';
import { devicePublisher } from './support/monitor-publisher';

// Against a real mosquitto: the page reads a dock's osd (mode_code) only while it upgrades the
// dock, and forgets the mode_code once the upgrade ends (docs/operations.md, "osd, per device").

const CONNECTED = /\bConnected\b/;
const WATCHED = 'DOCK-OSD-1';
const IDLE = 'DOCK-OSD-2';

test('osd is read for a dock with an upgrade under way, not for an idle one, and its mode_code goes when the upgrade ends', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(90_000);
  await page.goto(appUrl({ broker: broker.wsUrl }, '/fleet'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  const client = await mqttClient(broker.tcpUrl);
  const device = devicePublisher(client);
  for (const sn of [WATCHED, IDLE]) {
    await client.publish(statusTopic(sn), buildUpdateTopo({ gatewaySn: sn, domain: '3', type: 2, subType: 0, subDevices: [] }));
  }
  await device.progress(WATCHED, { bid: 'bid-osd-1', status: 'in_progress', percent: 5 });

  const table = page.getByRole('table', { name: 'Gateways' });
  const row = (sn: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: sn }) });
  // Both docks say "upgrading" in their osd every half second, as long as the test runs.
  let publishing = true;
  const osdLoop = (async () => {
    while (publishing) {
      for (const sn of [WATCHED, IDLE]) await client.publish(osdTopic(sn), buildOsd({ gateway: sn, modeCode: 3 }));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  try {
    await expect(row(WATCHED).getByText('Upgrading').first()).toBeVisible({ timeout: 20_000 });
    // Several osd of the idle dock were published meanwhile and after: none reached the page.
    await page.waitForTimeout(2_000);
    await expect(row(IDLE)).toBeVisible();
    await expect(row(IDLE).getByText('Upgrading')).toHaveCount(0);

    await device.progress(WATCHED, { bid: 'bid-osd-1', status: 'ok', percent: 100, step: 'upgrade_firmware' });
    await expect(row(WATCHED).getByText('Upgrading')).toHaveCount(0, { timeout: 20_000 });
    await page.waitForTimeout(2_000);
    await expect(row(WATCHED).getByText('Upgrading')).toHaveCount(0);
  } finally {
    publishing = false;
    await osdLoop;
  }
});
