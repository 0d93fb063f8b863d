import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokerAccounts } from './support/broker-accounts';
import { spawnRunner } from './support/campaign-runner';
import { appUrl, expect, test, type MosquittoBroker, type TestMqttClient } from './support/fixtures';
import { startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 17, item 5: the campaign namespace's accounts of docs/operations.md ("Campaign records
// under the namespace"), word for word, against mosquitto, seen from the broker and the headless
// runner: a kiosk account reads campaigns and changes nothing; hostile records under the
// namespace are named and skipped, and the runner goes on.

const NS = 'ota-console/v1';
const SIX = `topic read thing/product/+/services_reply
topic read thing/product/+/events
topic read thing/product/+/state
topic read thing/product/+/osd
topic read sys/product/+/status
`;
const DOCUMENTED_ACL = `user console
${SIX}topic readwrite thing/product/+/services
topic readwrite ${NS}/#

user wall
topic read thing/product/+/services
${SIX}topic read ${NS}/#

user runner
${SIX}topic readwrite thing/product/+/services
topic readwrite ${NS}/#
`;

const accounts = brokerAccounts(
  { console: 'console-secret', wall: 'wall-secret', runner: 'runner-secret', device: 'device-secret' },
  `${DOCUMENTED_ACL}\nuser device\ntopic readwrite #\n`,
);
test.use({ brokerOptions: { allowAnonymous: false, extraConfig: accounts } });

const as = (user: string) => ['--username', user, '--password', `${user}-secret`];
const DEVICE = { username: 'device', password: 'device-secret' };
const fleet: SimDock[] = [1, 2].map((n) => ({
  sn: `ACL-DOCK-${n}`,
  aircraft: `ACL-AC-${n}`,
  dockVersion: '10.01.1000',
  aircraftVersion: '07.00.0001',
}));

let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'e2e-campaigns-acl-'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The runner account starts a 2-gateway campaign from a plan and leaves it on the broker (--detach). */
async function startedCampaign(broker: MosquittoBroker, device: TestMqttClient): Promise<string> {
  const responder = await startDockResponder(device, fleet);
  const announcing = setInterval(() => void responder.announce(), 500);
  try {
    const plan = join(dir, `plan-${Date.now()}.json`);
    await writeFile(
      plan,
      JSON.stringify({
        firmware: [
          {
            id: 'dock2',
            model: '3-2-0',
            product_version: '10.01.3000',
            file_name: 'dock2-10.01.3000.bin',
            file_url: 'http://127.0.0.1:9/dock2-10.01.3000.bin',
            file_size: 4096,
            md5: '0123456789abcdef0123456789abcdef',
          },
        ],
        gateways: fleet.map((d) => d.sn),
        maxParallel: 1,
      }),
    );
    const runner = spawnRunner(['start', '--plan', plan, '--detach', '--broker', broker.tcpUrl, ...as('runner'), '--discover', '10']);
    expect(await runner.exitWithin(60_000), runner.output()).toBe(0);
    const id = runner.stdout().trim().split('\n').at(-1) ?? '';
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    return id;
  } finally {
    clearInterval(announcing);
  }
}

test('the kiosk account reads the campaign records and can write none of them; the runner lists them with it', async ({
  broker,
  mqttClient,
}) => {
  test.setTimeout(180_000);
  const device = await mqttClient(broker.tcpUrl, DEVICE);
  const id = await startedCampaign(broker, device);
  const header = `${NS}/campaigns/${id}`;
  const spy = await mqttClient(broker.tcpUrl, DEVICE);
  await spy.subscribe(`${NS}/#`);
  await spy.waitForMessage((m) => m.topic === header);

  // The wall account receives the records...
  const wall = await mqttClient(broker.tcpUrl, { username: 'wall', password: 'wall-secret' });
  await wall.subscribe(`${NS}/#`);
  await wall.waitForMessage((m) => m.topic === header);
  for (const dock of fleet) await wall.waitForMessage((m) => m.topic === `${header}/gateways/${dock.sn}`);

  // ...and cannot write a record, a lease or a command: the broker drops them.
  const before = spy.messages.length;
  await wall.publish(header, '', { retain: true }).catch(() => undefined);
  await wall.publish(`${NS}/campaigns/${id}/commands`, { v: 1, command: 'abort' }).catch(() => undefined);
  await wall.publish(`${NS}/campaigns/${id}/lease`, { v: 1 }, { retain: true }).catch(() => undefined);
  await wall.publish(`${NS}/campaigns/forged`, { v: 1, id: 'forged' }, { retain: true }).catch(() => undefined);
  // Published last by an account that may: once it arrives, anything allowed before it would have too.
  const marker = `${NS}/probe/acl-marker`;
  await device.publish(marker, '');
  await spy.waitForMessage((m) => m.topic === marker);
  expect(spy.messages.slice(before).map((m) => m.topic)).toEqual([marker]);

  // The runner lists the campaign with the wall account (read-only: it writes nothing).
  const list = spawnRunner(['list', '--broker', broker.tcpUrl, ...as('wall'), '--wait', '2']);
  expect(await list.exitWithin(60_000), list.output()).toBe(0);
  expect(list.stdout()).toMatch(new RegExp(`^${id}\\trunning\\t0/2\\t`, 'm'));

  // Driving needs write access: with the wall account the runner says so instead of sending anything.
  const sent = spy.messages.length;
  const drive = spawnRunner(['drive', '--broker', broker.tcpUrl, ...as('wall'), '--campaign', id, '--wait', '5'], 'tsx');
  // A cold start of tsx on a loaded machine takes tens of seconds: wait for what it says, not a fixed time.
  await expect.poll(() => drive.output(), { timeout: 60_000 }).toContain('the broker refused a campaign record');
  drive.child.kill('SIGTERM');
  expect(await drive.exitWithin(20_000), drive.output()).toBe(143);
  expect(drive.output()).toContain('the broker refused a campaign record');
  expect(drive.output()).not.toContain('sending ota_create');
  expect(spy.messages.slice(sent).filter((m) => m.topic.startsWith(`${NS}/campaigns/`))).toEqual([]);
});

const hostileRecords = (id: string): [string, string][] => [
  [`${NS}/campaigns/wrong-schema`, JSON.stringify({ v: 1, id: 'wrong-schema', state: 42, gateways: 'all' })],
  [`${NS}/campaigns/huge`, JSON.stringify({ v: 1, id: 'huge', name: 'x'.repeat(100 * 1024) })],
  [`${NS}/campaigns/${id}/gateways/ACL/DOCK-9`, JSON.stringify({ v: 1, gateway: 'ACL/DOCK-9' })],
  [`${NS}/campaigns/proto`, '{"v":1,"id":"proto","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'],
  [`${NS}/campaigns/not-json`, '{"v":1,'],
];

test('hostile records under the namespace: the runner lists the good campaign, says what it ignored, and keeps running', async ({
  broker,
  mqttClient,
}) => {
  test.setTimeout(180_000);
  const device = await mqttClient(broker.tcpUrl, DEVICE);
  const id = await startedCampaign(broker, device);
  const hostile = hostileRecords(id);
  for (const [topic, payload] of hostile) await device.publish(topic, payload, { retain: true });

  const list = spawnRunner(['list', '--broker', broker.tcpUrl, ...as('runner'), '--wait', '2']);
  expect(await list.exitWithin(60_000), list.output()).toBe(0);
  expect(list.stdout()).toMatch(new RegExp(`^${id}\\t`, 'm'));
  expect(list.stdout()).not.toMatch(/wrong-schema|huge|proto|not-json/);
  for (const [topic] of hostile) expect(list.output()).toContain(`ignored an invalid campaign record on ${topic}`);

  // A driver among them takes the good campaign over and keeps going until stopped.
  const drive = spawnRunner(['drive', '--broker', broker.tcpUrl, ...as('runner'), '--all'], 'tsx');
  await expect.poll(() => drive.output(), { timeout: 60_000 }).toContain(`campaign ${id}: driving`);
  drive.child.kill('SIGTERM');
  expect(await drive.exitWithin(20_000), drive.output()).toBe(143);
});

test('a read-only viewer with the kiosk account lists the campaigns with their devices, and can change nothing', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(180_000);
  const device = await mqttClient(broker.tcpUrl, DEVICE);
  const id = await startedCampaign(broker, device);
  await page.goto(appUrl({ broker: broker.wsUrl, username: 'wall', password: 'wall-secret', readonly: '1' }, '/campaigns'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const link = page.locator(`a[href$="#/campaigns/${id}"]`);
  await expect(link).toBeVisible({ timeout: 5_000 });
  await link.click();
  await expect(page.getByText(fleet[0]!.sn).first()).toBeVisible();
  // It says why nothing can be changed: the controls are there, disabled, described by the reason.
  const reason = 'Read-only console: campaigns cannot be changed here.';
  await expect(page.getByText(reason)).toBeVisible();
  for (const name of ['Pause', 'Abort']) {
    const button = page.getByRole('button', { name, exact: true });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(reason);
  }
  for (const name of ['Pause', 'Resume', 'Abort', 'Retry failed']) {
    await expect(page.getByRole('button', { name, exact: true, disabled: false })).toHaveCount(0);
  }
});

test('hostile records under the namespace are counted on Diagnostics and the Campaigns screen still lists the good one', async ({
  page,
  broker,
  mqttClient,
}) => {
  test.setTimeout(180_000);
  const device = await mqttClient(broker.tcpUrl, DEVICE);
  const id = await startedCampaign(broker, device);
  const hostile = hostileRecords(id);
  for (const [topic, payload] of hostile) await device.publish(topic, payload, { retain: true });

  await page.goto(appUrl({ broker: broker.wsUrl, username: 'console', password: 'console-secret' }, '/campaigns'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  await expect(page.locator(`a[href$="#/campaigns/${id}"]`)).toBeVisible({ timeout: 5_000 });
  await page.getByRole('navigation').getByRole('link', { name: 'Diagnostics', exact: true }).click();
  for (const [topic] of hostile) await expect(page.getByText(topic.slice(0, 60)).first()).toBeVisible();
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
});

test("the runner reads its password from --password-file; a wrong one ends it with exit 3 and the broker's reason", async ({ broker }) => {
  test.setTimeout(150_000);
  const good = join(dir, 'runner.pass');
  const bad = join(dir, 'wrong.pass');
  await writeFile(good, 'runner-secret\n');
  await writeFile(bad, 'not-the-secret\n');
  const refused = spawnRunner(['list', '--broker', broker.tcpUrl, '--username', 'runner', '--password-file', bad]);
  expect(await refused.exitWithin(60_000), refused.output()).toBe(3);
  expect(refused.output()).toMatch(/campaign: the broker refused the connection: .*(not authori[sz]ed|bad user name or password)/i);
  const listed = spawnRunner(['list', '--broker', broker.tcpUrl, '--username', 'runner', '--password-file', good, '--wait', '1']);
  expect(await listed.exitWithin(60_000), listed.output()).toBe(0);
  expect(listed.stdout()).toMatch(/^ID\tSTATE\tENDED\tDRIVEN BY\tNAME$/m);
});
