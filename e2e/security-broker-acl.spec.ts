import type { Page } from '@playwright/test';
import { buildOtaProgress } from '../src/protocol/builders';
import { brokerAccounts } from './support/broker-accounts';
import { appUrl, expect, test } from './support/fixtures';
import { expectBar } from './support/monitor-publisher';

// The broker accounts of docs/operations.md ("Broker accounts and ACLs"), word for word, against
// mosquitto: an operator console may send ota_create but not answer devices; the one responder may
// do both; neither can speak for a device.

const DOCUMENTED_ACL = `user console
topic read thing/product/+/services_reply
topic read thing/product/+/events
topic read thing/product/+/state
topic read thing/product/+/osd
topic read sys/product/+/status
topic readwrite thing/product/+/services

user responder
topic read thing/product/+/services_reply
topic read thing/product/+/events
topic read thing/product/+/state
topic read thing/product/+/osd
topic read sys/product/+/status
topic readwrite thing/product/+/services
topic write thing/product/+/events_reply
topic write sys/product/+/status_reply
`;

const accounts = brokerAccounts(
  { console: 'console-secret', responder: 'responder-secret', device: 'device-secret' },
  `${DOCUMENTED_ACL}\nuser device\ntopic readwrite #\n`,
);
test.use({ brokerOptions: { allowAnonymous: false, extraConfig: accounts } });

const DEVICE = { username: 'device', password: 'device-secret' };

async function openAs(page: Page, wsUrl: string, username: string) {
  await page.route('**/config.json', (route) => route.fulfill({ json: { respondToDevices: true } }));
  await page.goto(appUrl({ broker: wsUrl, username, password: `${username}-secret` }, '/monitor'));
  // Connected means every one of the six subscriptions was granted.
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
}

for (const [account, answers] of [
  ['responder', true],
  ['console', false],
] as const) {
  test(`the ${account} account: sees device traffic, and its answer to a need_reply event ${answers ? 'goes out' : 'is dropped by the broker'}`, async ({
    page,
    broker,
    mqttClient,
  }) => {
    const spy = await mqttClient(broker.tcpUrl, DEVICE);
    await spy.subscribe('thing/product/+/events_reply');
    await openAs(page, broker.wsUrl, account);
    const device = await mqttClient(broker.tcpUrl, DEVICE);
    await device.publish(
      'thing/product/DOCK-ACL-1/events',
      buildOtaProgress({ gateway: 'DOCK-ACL-1', bid: `bid-${account}`, status: 'in_progress', percent: 21, needReply: true }),
    );
    await expectBar(page, 'DOCK-ACL-1', 21, '21% · In Progress');
    if (answers) {
      await spy.waitForMessage((m) => m.topic === 'thing/product/DOCK-ACL-1/events_reply');
    } else {
      await page.waitForTimeout(1_000);
      expect(spy.messages).toEqual([]);
    }
  });
}

test('the console account may send ota_create but cannot publish as a device', async ({ broker, mqttClient }) => {
  const spy = await mqttClient(broker.tcpUrl, DEVICE);
  await spy.subscribe('#');
  const operator = await mqttClient(broker.tcpUrl, { username: 'console', password: 'console-secret' });
  await operator.publish('thing/product/DOCK-ACL-2/events', { method: 'ota_progress' }).catch(() => undefined);
  await operator.publish('sys/product/DOCK-ACL-2/status_reply', { method: 'update_topo' }).catch(() => undefined);
  await operator.publish('thing/product/DOCK-ACL-2/services', { method: 'ota_create' });
  // Published last: once it arrives, anything allowed before it would have too.
  await spy.waitForMessage((m) => m.topic === 'thing/product/DOCK-ACL-2/services');
  expect(spy.messages.map((m) => m.topic)).toEqual(['thing/product/DOCK-ACL-2/services']);
});
