import type { Page } from '@playwright/test';
import { isValidSn } from '../src/protocol/sn';
import { appUrl, expect, test, type TestMqttClient } from './support/fixtures';

// Issue 8, "Topics": an SN with '/', '+', '#' or NUL never becomes part of a topic, whether an
// operator types it, imports it or a device sends it in a payload field.

const HOSTILE_SNS = ['DOCK/1', 'DOCK+1', 'DOCK#1', 'DOCK\u00001', '#', '+/+'];
const CONNECTED = /\bConnected\b/;

async function open(page: Page, url: string, config: Record<string, unknown> = {}) {
  await page.route('**/config.json', (route) => route.fulfill({ json: config }));
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
}

// Every operator console announces itself under the campaign namespace (driver presence, the
// retained-message probe): topics named by its client id, never by an SN, so not what this spec is about.
const CONSOLE_PRESENCE = /^ota-console\/v1\/(drivers|probe)\/ota-operator-[a-z0-9]+$/;

/** Topics the spy saw that the test's own device clients did not publish: the page's, less its presence. */
function pageTopics(spy: TestMqttClient, ours: ReadonlySet<string> = new Set()): string[] {
  return spy.messages.map((m) => m.topic).filter((t) => !ours.has(t) && !CONSOLE_PRESENCE.test(t));
}

test('manual add and import refuse SNs with / + # or NUL, with a clear reason, and publish nothing', async ({
  page,
  broker,
  mqttClient,
}) => {
  const spy = await mqttClient(broker.tcpUrl);
  await spy.subscribe('#');
  await open(page, appUrl({ broker: broker.wsUrl }, '/fleet'));

  const form = page.getByRole('form', { name: 'Add a gateway' });
  const field = form.getByRole('textbox', { name: 'Gateway SN' });
  for (const sn of HOSTILE_SNS) {
    await field.fill(sn);
    await form.getByRole('button', { name: 'Add gateway' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(form).toContainText(/SN contains .*only letters, digits, '-' and '_' are allowed/);
    await expect(form.getByRole('status')).toHaveText('');
  }
  // The reason names the character, NUL included, so an invisible one is still explained.
  await field.fill('DOCK\u00002');
  await form.getByRole('button', { name: 'Add gateway' }).click();
  await expect(form).toContainText('NUL (U+0000)');
  await field.fill('DOCK#3');
  await form.getByRole('button', { name: 'Add gateway' }).click();
  await expect(form).toContainText("'#' (it has a special meaning in MQTT topics)");

  await page.getByRole('textbox', { name: 'Gateway list (CSV or JSON)' }).fill(JSON.stringify(['DOCK-OK-1', ...HOSTILE_SNS]));
  await page.getByRole('button', { name: 'Import list' }).click();
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('Added 1 gateway');
  await expect(report.getByRole('list', { name: 'Lines not imported' }).getByRole('listitem')).toHaveCount(HOSTILE_SNS.length);

  // Only the valid SN reached the fleet.
  await expect(page.getByText('DOCK-OK-1', { exact: true }).first()).toBeVisible();
  for (const sn of ['DOCK/1', 'DOCK+1', 'DOCK#1']) await expect(page.getByText(sn, { exact: true })).toHaveCount(0);

  await page.waitForTimeout(500);
  expect(pageTopics(spy)).toEqual([]);
});

test('SNs with / + # or NUL inside payload fields never reach a topic the page publishes', async ({ page, broker, mqttClient }) => {
  const spy = await mqttClient(broker.tcpUrl);
  await spy.subscribe('#');
  // The page answers devices here, so it publishes: to topics built from what exactly?
  await open(page, appUrl({ broker: broker.wsUrl }, '/monitor'), { respondToDevices: true });

  const device = await mqttClient(broker.tcpUrl);
  const gateway = 'DOCK-TOPIC-1';
  const ours = new Set<string>();
  const send = async (topic: string, payload: object) => {
    ours.add(topic);
    await device.publish(topic, payload);
  };
  let n = 0;
  for (const bad of HOSTILE_SNS) {
    n += 1;
    await send(`thing/product/${gateway}/events`, {
      tid: `tid-${n}`,
      bid: `bid-topic-${n}`,
      timestamp: Date.now(),
      gateway: bad,
      need_reply: 1,
      method: 'ota_progress',
      data: { result: 0, output: { status: 'in_progress', progress: { percent: n, step_key: 'download_firmware' } } },
    });
    // Once in the gateway field only (a well-formed topology, answered), once as a sub-device SN.
    for (const [field, subSn] of [
      ['gateway', `UAV-${n}`],
      ['sub-device', bad],
    ] as const) {
      await send(`sys/product/${gateway}/status`, {
        tid: `topo-${field}-${n}`,
        bid: `topo-${field}-${n}`,
        timestamp: Date.now(),
        gateway: bad,
        method: 'update_topo',
        data: { domain: '3', type: 2, sub_type: 0, sub_devices: [{ sn: subSn, domain: '0', type: 91, sub_type: 0, index: 'A' }] },
      });
    }
    await send(`thing/product/${gateway}/state`, { gateway: bad, data: { firmware_version: '1.0.0' } });
    await send(`thing/product/${gateway}/services`, {
      tid: `create-${n}`,
      bid: `create-${n}`,
      timestamp: Date.now(),
      gateway: bad,
      method: 'ota_create',
      data: {
        devices: [
          {
            sn: bad,
            product_version: '1.0',
            file_url: 'http://127.0.0.1:9/f.bin',
            md5: '0123456789abcdef0123456789abcdef',
            file_size: 1,
            file_name: 'f.bin',
            firmware_upgrade_type: 3,
          },
        ],
      },
    });
  }

  // The page did answer (from the topic's SN): every reply is there, and nothing else.
  await expect.poll(() => pageTopics(spy, ours).filter((t) => t.endsWith('/events_reply')).length).toBe(HOSTILE_SNS.length);
  await expect
    .poll(() => pageTopics(spy, ours).filter((t) => t.endsWith('/status_reply')).length)
    .toBeGreaterThanOrEqual(HOSTILE_SNS.length);
  await page.waitForTimeout(500);
  const published = pageTopics(spy, ours);
  expect(new Set(published)).toEqual(new Set([`thing/product/${gateway}/events_reply`, `sys/product/${gateway}/status_reply`]));
  for (const topic of published) expect(isValidSn(topic.split('/')[2])).toBe(true);

  // Nothing with those SNs became a device of the fleet either.
  await page.getByRole('navigation').getByRole('link', { name: 'Fleet', exact: true }).click();
  await expect(page.getByText(gateway, { exact: true }).first()).toBeVisible();
  for (const bad of ['DOCK/1', 'DOCK+1', 'DOCK#1', '+/+']) await expect(page.getByText(bad, { exact: true })).toHaveCount(0);
});
