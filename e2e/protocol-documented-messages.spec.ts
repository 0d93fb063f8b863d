import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appUrl, expect, test, type TestMqttClient } from './support/fixtures';
import { deviceRow, expectBar, openMonitor, progressBar } from './support/monitor-publisher';

// Example messages from DJI's and Autel's documentation and DJI's reference code
// (src/protocol/fixtures), published through mosquitto unchanged except their SNs and ids, and
// what Fleet and Monitor show for them (docs/protocol.md, "Tolerances").

interface Example {
  id: string;
  topic: string;
  gatewaySn: string;
  message: string;
}

function examples(file: string): Map<string, Example> {
  const url = new URL(`../src/protocol/fixtures/${file}.json`, import.meta.url);
  const parsed = JSON.parse(readFileSync(url, 'utf8')) as { examples: Example[] };
  return new Map(parsed.examples.map((e) => [e.id, e]));
}

/**
 * Replaces SNs (whole JSON strings only) and ids: every placeholder or printed bid/tid value gets
 * a run-unique replacement, the same one wherever it appears, so the examples of one scenario
 * still name each other.
 */
class Renamer {
  private readonly ids = new Map<string, string>();

  constructor(private readonly sns: Readonly<Record<string, string>>) {}

  id(original: string): string {
    let renamed = this.ids.get(original);
    if (renamed === undefined) {
      renamed = /^\d+$/.test(original) ? String(BigInt(original) + BigInt(Date.now()) * 1000n) : randomUUID();
      this.ids.set(original, renamed);
    }
    return renamed;
  }

  sn(original: string): string {
    return this.sns[original] ?? original;
  }

  message(text: string): string {
    let out = text.replace(/("[bt]id"\s*:\s*)("([^"]*)"|(\d+))/g, (_all, key: string, _value: string, quoted?: string, digits?: string) =>
      quoted !== undefined ? `${key}"${this.id(quoted)}"` : `${key}${this.id(digits ?? '')}`,
    );
    for (const [from, to] of Object.entries(this.sns)) out = out.split(`"${from}"`).join(`"${to}"`);
    return out;
  }

  topic(example: Example): string {
    return example.topic.replace(/\{(gateway_sn|device_sn)\}/, this.sn(example.gatewaySn));
  }
}

async function publish(client: TestMqttClient, renamer: Renamer, example: Example | undefined): Promise<void> {
  if (example === undefined) throw new Error('no such example');
  await client.publish(renamer.topic(example), renamer.message(example.message));
}

test('Fleet: topology without domain or with a numeric version, and state with Boolean flags or an empty version', async ({
  page,
  broker,
  mqttClient,
}) => {
  await page.goto(appUrl({ broker: broker.wsUrl }, '/fleet'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const device = await mqttClient(broker.tcpUrl);

  // Topic definition page: update_topo with no domain and "version": 1.
  const generic = new Renamer({ dock_sn: 'DOC-GW-GENERIC', drone001: 'DOC-AIR-GENERIC' });
  await publish(device, generic, examples('dji-cloud-api-doc-v1.11.3-topic-definition').get('status-update-topo-online'));
  // Dock 2 device page: update_topo with domain "3", type 119.
  const dock2 = new Renamer({ dock_sn: 'DOC-GW-DOCK2', drone001: 'DOC-AIR-DOCK2' });
  await publish(device, dock2, examples('dji-cloud-api-doc-v1.11.3-dock2-device').get('update-topo-online'));
  // Reference backend state shapes: Boolean flags, then firmware_version "" beside valid flags.
  const state = examples('dji-reference-backend-dock-firmware-version');
  const stateSns = new Renamer({ dock_sn: 'DOC-GW-DOCK2' });
  await publish(device, stateSns, state.get('state-boolean-flags'));

  const table = page.getByRole('table', { name: 'Gateways' });
  const gatewayRow = (sn: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: sn }) });
  const line = (sn: string, kind: RegExp) =>
    gatewayRow(sn === 'DOC-AIR-DOCK2' ? 'DOC-GW-DOCK2' : 'DOC-GW-GENERIC')
      .getByRole('listitem')
      .filter({ hasText: kind })
      .filter({ has: page.getByText(sn, { exact: true }) });

  await expect(line('DOC-GW-GENERIC', /^Dock/)).toContainText('Model not reported yet');
  await expect(line('DOC-AIR-GENERIC', /./)).toBeVisible();
  await expect(line('DOC-AIR-DOCK2', /^Aircraft/)).toContainText('Unknown model 0-60-0');
  const dock = gatewayRow('DOC-GW-DOCK2').getByRole('listitem').filter({ hasText: /^Dock/ });
  await expect(dock).toContainText('Unknown model 3-119-0');
  await expect(dock).toContainText('firmware 10.01.3205');
  await expect(dock).toContainText('Needs consistency upgrade');

  await publish(device, stateSns, state.get('state-empty-version'));
  await expect(dock.getByText('Upgrading')).toBeVisible();
  await expect(dock).toContainText('firmware 10.01.3205');
});

test('Monitor: the v1.11 firmware examples without method are one followed upgrade of both devices', async ({
  page,
  broker,
  mqttClient,
}) => {
  await openMonitor(page, broker);
  const device = await mqttClient(broker.tcpUrl);
  const firmware = examples('dji-cloud-api-doc-v1.11.3-dock-firmware');
  const names = new Renamer({ dock_sn: 'DOC-DOCK-1', drone_sn: 'DOC-DRONE-1' });
  await publish(device, names, firmware.get('ota-create'));
  await publish(device, names, firmware.get('ota-create-reply'));
  await publish(device, names, firmware.get('ota-progress'));

  for (const sn of ['DOC-DOCK-1', 'DOC-DRONE-1']) await expectBar(page, sn, 10, '10% · In Progress');
  await expect(deviceRow(page, 'DOC-DRONE-1')).toContainText('Downloading Firmware');
  await expect(deviceRow(page, 'DOC-DRONE-1')).toContainText('1.00.223');
  await expect(deviceRow(page, 'DOC-DOCK-1')).toContainText('1.00.223');
});

test("Monitor: Autel's failed download, DJI's reference-backend retries as one upgrade, a failed step, an 18-digit id", async ({
  page,
  broker,
  mqttClient,
}) => {
  await openMonitor(page, broker);
  const device = await mqttClient(broker.tcpUrl);

  const autel = examples('autel-evo-nest-firmware-upgrade');
  const nest = new Renamer({ NM1923221021: 'DOC-NEST-1' });
  await publish(device, nest, autel.get('ota-create'));
  await publish(device, nest, autel.get('ota-progress'));
  await expectBar(page, 'DOC-NEST-1', 0, '0% · Failed · Download failed');

  const retries = examples('dji-reference-backend-publish-with-reply');
  const backend = new Renamer({ dock_sn: 'DOC-RETRY-GW', drone_sn: 'DOC-RETRY-AIR' });
  for (const id of ['ota-create-copy-1', 'ota-create-copy-2', 'ota-create-copy-3', 'reply-to-copy-3', 'progress-of-copy-3'])
    await publish(device, backend, retries.get(id));
  await expectBar(page, 'DOC-RETRY-AIR', 12, '12% · In Progress');
  await expect(progressBar(page, 'DOC-RETRY-AIR')).toHaveCount(1);

  const steps = examples('dji-reference-backend-output-progress');
  const stepNames = new Renamer({ dock_sn: 'DOC-STEP-GW' });
  await publish(device, stepNames, steps.get('progress-step-ok'));
  await publish(device, stepNames, steps.get('progress-step-failed'));
  await expectBar(page, 'DOC-STEP-GW', 40, '40% · Failed');
  await expect(deviceRow(page, 'DOC-STEP-GW')).toContainText('Step failed (step_result 1)');

  const numeric = examples('autel-evo-nest-numeric-ids');
  const ids = new Renamer({ NM1923221021: 'DOC-NUMERIC-GW' });
  const reply = numeric.get('reply-numeric-bid')!;
  await publish(device, ids, reply);
  const bid = ids.id('149878685687484417');
  expect(bid).toMatch(/^\d{18,}$/);
  await deviceRow(page, 'DOC-NUMERIC-GW').getByRole('link', { name: 'DOC-NUMERIC-GW' }).first().click();
  // Titled by the gateway; the numeric bid is kept whole among the facts.
  await expect(page.getByRole('heading', { level: 1, name: /DOC-NUMERIC-GW/ })).toBeVisible();
  await expect(page.getByText(bid, { exact: true })).toBeVisible();

  // The failed step's task detail names the step result in its timeline.
  await page.goBack();
  await deviceRow(page, 'DOC-STEP-GW').getByRole('link', { name: 'DOC-STEP-GW' }).first().click();
  await expect(page.getByRole('table', { name: /Timeline \(2 events\)/ })).toContainText('Step failed (step_result 1)');
});

test('Diagnostics: a progress without method for no known upgrade is counted with its reason, not guessed into a task', async ({
  page,
  broker,
  mqttClient,
}) => {
  await openMonitor(page, broker);
  const device = await mqttClient(broker.tcpUrl);
  const firmware = examples('dji-cloud-api-doc-v1.11.3-dock-firmware');
  await publish(device, new Renamer({ dock_sn: 'DOC-ORPHAN-GW' }), firmware.get('ota-progress'));
  // A marker published after it on the same connection: once it shows, the orphan was handled.
  await publish(device, new Renamer({ dock_sn: 'DOC-MARKER-GW' }), examples('dji-reference-web-device-cmd').get('progress-in-progress'));
  await expectBar(page, 'DOC-MARKER-GW', 70, '70% · In Progress');
  await expect(progressBar(page, 'DOC-ORPHAN-GW')).toHaveCount(0);

  await page.getByRole('link', { name: 'Diagnostics' }).click();
  await expect(page.getByRole('table', { name: 'Last invalid messages' })).toContainText('thing/product/DOC-ORPHAN-GW/events');
  await expect(page.getByRole('table', { name: 'Last invalid messages' })).toContainText('is no upgrade this console knows');
});
