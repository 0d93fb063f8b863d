import { expect, test } from './support/fixtures';
import { deviceRow, devicePublisher, expectBar, firmwareFor, openMonitor, progressBar } from './support/monitor-publisher';

// The monitor against a real mosquitto: device progress drives one bar per device with the
// accessibility contract's name and value text (docs/architecture.md).

test('progress from several gateways drives every device bar, its step and its labels', async ({ page, broker, mqttClient }) => {
  await openMonitor(page, broker);
  const device = devicePublisher(await mqttClient(broker.tcpUrl));

  const bid = await device.otaCreate('DOCK-MON-1', [firmwareFor('DOCK-MON-1', '10.02.0002'), firmwareFor('DRONE-MON-1', '08.01.0001')]);
  await device.progress('DOCK-MON-1', {
    bid,
    status: 'in_progress',
    subStatus: 'DOWNLOADING',
    step: 'download_firmware',
    percent: 35,
    rate: 1_500_000,
  });
  await device.progress('DOCK-MON-2', {
    bid: 'bid-not-ours-2',
    status: 'in_progress',
    subStatus: 'UPGRADING',
    step: 'upgrade_firmware',
    stepStyle: 'current_step_number',
    percent: 80,
  });
  await device.progress('DOCK-MON-3', {
    bid: 'bid-not-ours-3',
    status: 'failed',
    subStatus: 'UPGRADE_FAIL',
    step: 'upgrade_firmware',
    percent: 12,
    result: 312028,
  });

  for (const sn of ['DOCK-MON-1', 'DRONE-MON-1']) await expectBar(page, sn, 35, '35% · In Progress · Downloading');
  await expect(deviceRow(page, 'DRONE-MON-1')).toContainText('Downloading Firmware');
  await expect(deviceRow(page, 'DRONE-MON-1')).toContainText('08.01.0001');
  await expect(deviceRow(page, 'DOCK-MON-1')).toContainText('1.5 MB/s');

  await expectBar(page, 'DOCK-MON-2', 80, '80% · In Progress · Upgrading');
  await expect(deviceRow(page, 'DOCK-MON-2')).toContainText('Upgrading Firmware');
  await expect(deviceRow(page, 'DOCK-MON-2')).toContainText('Started elsewhere');

  await expectBar(page, 'DOCK-MON-3', 12, '12% · Failed · Upgrade failed');
  await expect(deviceRow(page, 'DOCK-MON-3')).toContainText('312028: The device rebooted during the upgrade');

  // The step changes: percent restarts within the new step.
  await device.progress('DOCK-MON-1', { bid, status: 'in_progress', subStatus: 'UPGRADING', step: 'upgrade_firmware', percent: 5 });
  await expectBar(page, 'DRONE-MON-1', 5, '5% · In Progress · Upgrading');
  await expect(deviceRow(page, 'DRONE-MON-1')).toContainText('Upgrading Firmware');

  await page.getByRole('searchbox', { name: 'Search devices' }).fill('mon-2');
  await expect(page.getByRole('progressbar')).toHaveCount(1);
  await expect(progressBar(page, 'DOCK-MON-2')).toBeVisible();

  await deviceRow(page, 'DOCK-MON-2').getByRole('link', { name: 'DOCK-MON-2' }).first().click();
  // Titled by the device (its ota_create was not seen, so no firmware is known), not by the bid.
  await expect(page.getByRole('heading', { name: 'Upgrade of DOCK-MON-2' })).toBeVisible();
  await expect(page.getByText('Elsewhere (another console or a backend)')).toBeVisible();
  await expect(page.getByRole('table', { name: /Timeline \(1 events\)/ })).toContainText('Upgrading Firmware');
});

test('an unknown bid shows up as an upgrade started elsewhere', async ({ page, broker, mqttClient }) => {
  await openMonitor(page, broker);
  const device = devicePublisher(await mqttClient(broker.tcpUrl));
  await device.progress('DOCK-ELSEWHERE', {
    bid: 'bid-from-a-backend',
    status: 'in_progress',
    subStatus: 'VERIFY',
    step: 'download_firmware',
    percent: 0,
  });
  await expectBar(page, 'DOCK-ELSEWHERE', 0, '0% · In Progress · Start file verification');
  await expect(deviceRow(page, 'DOCK-ELSEWHERE')).toContainText('Started elsewhere');
});

test('an older event does not move a bar back; the next newer one does', async ({ page, broker, mqttClient }) => {
  await openMonitor(page, broker);
  const device = devicePublisher(await mqttClient(broker.tcpUrl));
  const t = Date.now();
  const step = { bid: 'bid-order', status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware' } as const;
  await device.progress('DOCK-ORDER', { ...step, percent: 60 }, t + 2_000);
  await expectBar(page, 'DOCK-ORDER', 60, '60% · In Progress · Downloading');

  await device.progress('DOCK-ORDER', { ...step, percent: 30 }, t + 1_000);
  // Published after the late event on the same connection: once it shows, the late one was handled.
  await device.progress('DOCK-MARKER', { bid: 'bid-marker', status: 'in_progress', percent: 1 });
  await expectBar(page, 'DOCK-MARKER', 1, '1% · In Progress');
  await expectBar(page, 'DOCK-ORDER', 60, '60% · In Progress · Downloading');

  await device.progress('DOCK-ORDER', { ...step, percent: 61 }, t + 3_000);
  await expectBar(page, 'DOCK-ORDER', 61, '61% · In Progress · Downloading');
});

test('a reload keeps every task with its last state', async ({ page, broker, mqttClient }) => {
  await openMonitor(page, broker);
  const device = devicePublisher(await mqttClient(broker.tcpUrl));
  const bid = await device.otaCreate('DOCK-KEEP-1', [firmwareFor('DOCK-KEEP-1', '1.2.0'), firmwareFor('DRONE-KEEP-1', '2.0.0')]);
  await device.progress('DOCK-KEEP-1', { bid, status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 47 });
  await device.progress('DOCK-KEEP-2', {
    bid: 'bid-keep-2',
    status: 'ok',
    subStatus: 'UPGRADE_SUCCESS',
    step: 'upgrade_firmware',
    percent: 100,
  });
  await device.progress('DOCK-KEEP-3', { bid: 'bid-keep-3', status: 'paused', step: 'upgrade_firmware', percent: 33 });
  const expected: [string, number, string][] = [
    ['DOCK-KEEP-1', 47, '47% · In Progress · Downloading'],
    ['DRONE-KEEP-1', 47, '47% · In Progress · Downloading'],
    ['DOCK-KEEP-2', 100, '100% · Successful Execution · Upgrade successful'],
    ['DOCK-KEEP-3', 33, '33% · Paused'],
  ];
  for (const [sn, percent, text] of expected) await expectBar(page, sn, percent, text);

  await page.reload();
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  await expect(page.getByRole('progressbar')).toHaveCount(expected.length);
  for (const [sn, percent, text] of expected) await expectBar(page, sn, percent, text);
  await expect(deviceRow(page, 'DOCK-KEEP-2')).toContainText('Started elsewhere');
});
