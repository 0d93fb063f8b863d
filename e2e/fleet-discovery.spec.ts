import { buildOsd, buildState, buildUpdateTopo } from '../src/protocol/device-builders';
import { osdTopic, stateTopic, statusTopic } from '../src/protocol/topics';
import { appUrl, expect, test } from './support/fixtures';

// The Fleet screen against a real mosquitto: a dock announcing itself with update_topo and
// reporting its firmware with state shows up with its aircraft, product names and versions, and
// stays listed after a reload (from storage) before it reports again.

const CONNECTED = /\bConnected\b/;

test('a dock discovered over MQTT appears with its aircraft and firmware, and survives a reload', async ({ page, broker, mqttClient }) => {
  await page.goto(appUrl({ broker: broker.wsUrl }, '/fleet'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  const device = await mqttClient(broker.tcpUrl);

  await device.publish(
    statusTopic('DOCK-FLEET-1'),
    buildUpdateTopo({
      gatewaySn: 'DOCK-FLEET-1',
      domain: '3',
      type: 2,
      subType: 0,
      subDevices: [{ sn: 'AIR-FLEET-1', domain: '0', type: 91, subType: 1, index: 'A' }],
    }),
  );
  await device.publish(
    stateTopic('DOCK-FLEET-1'),
    buildState({ gateway: 'DOCK-FLEET-1', firmwareVersion: '10.01.3205', compatibleStatus: 0 }),
  );
  await device.publish(
    stateTopic('AIR-FLEET-1'),
    buildState({ gateway: 'DOCK-FLEET-1', firmwareVersion: '07.00.0100', compatibleStatus: 1 }),
  );
  // Upgrading, as a dock says it on change (state); its osd is read only while the console upgrades
  // it or is about to (docs/operations.md), and this console is not.
  await device.publish(osdTopic('DOCK-FLEET-1'), buildOsd({ gateway: 'DOCK-FLEET-1', modeCode: 3 }));
  await device.publish(stateTopic('DOCK-FLEET-1'), buildState({ gateway: 'DOCK-FLEET-1', firmwareUpgradeStatus: 1 }));

  const table = page.getByRole('table', { name: 'Gateways' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'DOCK-FLEET-1' }) });
  const dock = row
    .getByRole('listitem')
    .filter({ hasText: /^Dock/ })
    .filter({ has: page.getByText('DOCK-FLEET-1', { exact: true }) });
  const aircraft = row
    .getByRole('listitem')
    .filter({ hasText: /^Aircraft/ })
    .filter({ has: page.getByText('AIR-FLEET-1', { exact: true }) });
  await expect(dock).toContainText('DJI Dock 2');
  await expect(dock).toContainText('firmware 10.01.3205');
  await expect(aircraft).toContainText('Mavic 3TD');
  await expect(aircraft).toContainText('firmware 07.00.0100');
  await expect(aircraft).toContainText('Needs consistency upgrade');
  await expect(row).toContainText('Online');
  await expect(row.getByText('Upgrading').first()).toBeVisible();

  // The aircraft goes offline: kept, with its last firmware.
  await device.publish(
    statusTopic('DOCK-FLEET-1'),
    buildUpdateTopo({ gatewaySn: 'DOCK-FLEET-1', domain: '3', type: 2, subType: 0, subDevices: [] }),
  );
  await expect(aircraft).toContainText('Not in topology (offline)');
  await expect(aircraft).toContainText('firmware 07.00.0100');

  // A reload shows the fleet from storage before the dock says anything again.
  await page.reload();
  await expect(dock).toContainText('DJI Dock 2');
  await expect(dock).toContainText('firmware 10.01.3205');
  await expect(aircraft).toContainText('firmware 07.00.0100');
});

test('gateways added by hand and imported are listed until removed with confirmation', async ({ page, broker }) => {
  await page.goto(appUrl({ broker: broker.wsUrl }, '/fleet'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);

  const sn = page.getByRole('textbox', { name: 'Gateway SN' });
  await sn.fill('DOCK+1');
  await page.getByRole('button', { name: 'Add gateway' }).click();
  await expect(sn).toHaveAttribute('aria-invalid', 'true');
  await sn.fill('DOCK-HAND-1');
  await page.getByRole('button', { name: 'Add gateway' }).click();
  await expect(page.getByRole('rowheader', { name: /DOCK-HAND-1/ })).toBeVisible();

  await page.getByRole('textbox', { name: 'Gateway list (CSV or JSON)' }).fill('sn\nDOCK-IMP-1\nDOCK/IMP\nDOCK-IMP-2\n');
  await page.getByRole('button', { name: 'Import list' }).click();
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Added 2 gateways');
  await expect(report).toContainText("Line 3: SN contains '/'");

  await page.getByRole('button', { name: 'Remove gateway DOCK-IMP-1' }).click();
  await page.getByRole('dialog', { name: 'Remove gateway DOCK-IMP-1?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('rowheader', { name: /DOCK-IMP-1/ })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('rowheader', { name: /DOCK-HAND-1/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /DOCK-IMP-2/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /DOCK-IMP-1/ })).toHaveCount(0);
});
