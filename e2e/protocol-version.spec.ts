import { brokerAccounts } from './support/broker-accounts';
import { appUrl, expect, test } from './support/fixtures';
import { startMqtt311Front, type Mqtt311Front } from './support/mqtt311-front';

// A broker that speaks MQTT 3.1.1 only, as RabbitMQ 3.10 with Web-MQTT does: it drops an MQTT 5
// CONNECT without a CONNACK and refuses a bad login by closing the WebSocket with 1002
// "unauthenticated" (support/mqtt311-front.ts in front of mosquitto).

const CONNECTED = /\bConnected\b/; // case-sensitive: "Disconnected" does not match
const PASSWORD = 'rabbit-hole-7';

test.use({ brokerOptions: { allowAnonymous: false, extraConfig: brokerAccounts({ ops: PASSWORD }) } });

let front: Mqtt311Front | null = null;
test.afterEach(async () => {
  await front?.close();
  front = null;
});

test('connects with 3.1.1 without showing the dropped MQTT 5 CONNECT, and after a reload starts with 3.1.1', async ({ page, broker }) => {
  test.setTimeout(60_000);
  front = await startMqtt311Front(broker.wsUrl);
  // Every text the page ever shows that names the dropped CONNECT, caught as it appears.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { connackFlashes: string[] }).connackFlashes = seen;
    new MutationObserver(() => {
      const text = document.body?.textContent ?? '';
      const at = text.indexOf('CONNACK');
      if (at >= 0) seen.push(text.slice(Math.max(0, at - 60), at + 10));
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(appUrl({ broker: front.url, username: 'ops', password: PASSWORD }, '/settings'));
  const status = page.getByRole('status', { name: 'Broker connection' });
  const summary = page.getByRole('region', { name: 'This console' });

  await expect(status).toContainText(CONNECTED);
  await expect(summary).toContainText(`Connected to ${front.url} (MQTT 3.1.1)`);
  expect(front.connectVersions).toEqual([5, 4]);
  expect(await page.evaluate(() => (window as unknown as { connackFlashes: string[] }).connackFlashes)).toEqual([]);

  await page.reload();
  await expect(status).toContainText(CONNECTED);
  await expect(summary).toContainText(`Connected to ${front.url} (MQTT 3.1.1)`);
  expect(front.connectVersions).toEqual([5, 4, 4]);
});

test('a login refused with a WebSocket close 1002 reads as not authorized, is retried slowly, and a saved password connects', async ({
  page,
  broker,
}) => {
  test.setTimeout(60_000);
  front = await startMqtt311Front(broker.wsUrl);
  await page.goto(appUrl({ broker: front.url, username: 'ops' }, '/settings'));
  const status = page.getByRole('status', { name: 'Broker connection' });
  const summary = page.getByRole('region', { name: 'This console' });
  const banner = page.getByRole('alert').filter({ hasText: 'Not authorized: check the username and password in Settings' });

  await expect(banner).toBeVisible();
  await expect(banner).toContainText('The broker closed the WebSocket (code 1002: unauthenticated)');
  await expect(summary).toContainText(
    'Not authorized: The broker closed the WebSocket (code 1002: unauthenticated). Check the username and password.',
  );
  await expect(status).toHaveText('Disconnected');
  // 3.1.1 was understood (the broker judged the login): no MQTT 5 again, and no fast retries.
  expect(front.connectVersions).toEqual([5, 4]);
  await page.waitForTimeout(5_000);
  expect(front.connectVersions).toEqual([5, 4]);

  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Save & reconnect' }).click();
  await expect(status).toContainText(CONNECTED);
  await expect(summary).toContainText(`Connected to ${front.url} (MQTT 3.1.1)`);
  await expect(banner).toHaveCount(0);
  expect(front.connectVersions.at(-1)).toBe(4);
});
