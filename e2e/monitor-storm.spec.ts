import { ALL_OSD_FILTER, SUBSCRIPTION_FILTERS } from '../src/protocol/topics';
import { expect, test } from './support/fixtures';
import { devicePublisher, expectBar, openMonitor } from './support/monitor-publisher';

// Bad input never breaks the page: a storm of malformed payloads on every topic the
// page subscribes to is counted on Diagnostics, and valid traffic keeps flowing.

const STORM_SN = 'DOCK-STORM';
const ROUNDS = 4;
// Invalid on any of our topics, whatever the family.
const MALFORMED: readonly (string | Buffer)[] = [
  '{not json',
  '{"tid":',
  '[1,2,3]',
  '42',
  'null',
  Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]),
];
// Larger than the page accepts: the broker may drop it under MQTT 5 (declared maximum packet size)
// or deliver it under 3.1.1, where the page counts it invalid.
const OVERSIZED = JSON.stringify({ method: 'ota_progress', data: { padding: 'x'.repeat(280_000) } });

test('malformed payloads on every subscribed topic are counted and the next valid event still applies', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(60_000);
  await openMonitor(page, broker);
  const client = await mqttClient(broker.tcpUrl);
  const device = devicePublisher(client);
  await device.progress('DOCK-CALM', {
    bid: 'bid-calm',
    status: 'in_progress',
    subStatus: 'DOWNLOADING',
    step: 'download_firmware',
    percent: 10,
  });
  await expectBar(page, 'DOCK-CALM', 10, '10% · In Progress · Downloading');

  // The page takes osd only of the devices it upgrades (docs/operations.md): not the storm gateway's.
  const topics = SUBSCRIPTION_FILTERS.filter((filter) => filter !== ALL_OSD_FILTER).map((filter) => filter.replace('+', STORM_SN));
  const sends: Promise<void>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const topic of topics) for (const payload of MALFORMED) sends.push(client.publish(topic, payload));
  }
  // Structurally fine JSON with wrong types where an ota_progress is expected.
  sends.push(
    client.publish(`thing/product/${STORM_SN}/events`, { method: 'ota_progress', timestamp: 'soon', data: { output: { status: 42 } } }),
  );
  for (const topic of topics) sends.push(client.publish(topic, OVERSIZED));
  await Promise.all(sends);
  const invalidAtLeast = ROUNDS * topics.length * MALFORMED.length + 1;

  await device.progress('DOCK-CALM', {
    bid: 'bid-calm',
    status: 'in_progress',
    subStatus: 'DOWNLOADING',
    step: 'download_firmware',
    percent: 11,
  });
  await expectBar(page, 'DOCK-CALM', 11, '11% · In Progress · Downloading');
  await expect(page.getByRole('searchbox', { name: 'Search devices' })).toBeEditable();

  await page.getByRole('navigation').getByRole('link', { name: 'Diagnostics', exact: true }).click();
  const invalidTile = page
    .getByRole('group', { name: 'Message totals' })
    .getByText('Invalid', { exact: true })
    .locator('xpath=following-sibling::dd[1]');
  await expect.poll(async () => Number(await invalidTile.textContent())).toBeGreaterThanOrEqual(invalidAtLeast);
  expect(Number(await invalidTile.textContent())).toBeLessThanOrEqual(invalidAtLeast + topics.length);
  const log = page.getByRole('table', { name: 'Last invalid messages' });
  for (const topic of topics) await expect(log.getByText(topic, { exact: true }).first()).toBeVisible();

  // Still live after the storm: a valid event on the storm gateway itself applies.
  await page.getByRole('navigation').getByRole('link', { name: 'Monitor', exact: true }).click();
  await device.progress(STORM_SN, {
    bid: 'bid-after-storm',
    status: 'in_progress',
    subStatus: 'UPGRADING',
    step: 'upgrade_firmware',
    percent: 64,
  });
  await expectBar(page, STORM_SN, 64, '64% · In Progress · Upgrading');
});
