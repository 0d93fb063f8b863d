/**
 * The runner end to end in one process: a real mosquitto, three simulated docks (sim/fleet) that
 * answer ota_create and report progress, and `campaign start --plan` run through the same code as
 * the command line, with the campaigns kept on the broker.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFleet } from '../sim/fleet/fleet-plan.ts';
import { DEFAULT_DOCK_SETTINGS } from '../sim/fleet/dock-machine.ts';
import { simulatedDownloader } from '../sim/fleet/downloader.ts';
import { startFleet, type RunningFleet } from '../sim/fleet/run-fleet.ts';
import { PRODUCT_LINES } from '../sim/products.ts';
import { startMosquitto, type RunningMosquitto } from '../src/broker/mosquitto-test-kit.ts';
import { parseCommand } from './args.ts';
import { runCommand, type CommandEnv } from './commands.ts';
import { brokerLinkEnv } from './link-env.ts';
import type { ProgressView } from './progress-view.ts';

const PREFIX = 'RUN';
const SEED = 'runner-test';
const docks = planFleet({ count: 3, prefix: PREFIX, seed: SEED });

let broker: RunningMosquitto;
let fleet: RunningFleet;
let watcher: MqttClient;
let dir: string;
const creates: { gateway: string; bid: string }[] = [];

beforeAll(async () => {
  broker = await startMosquitto();
  dir = await mkdtemp(join(tmpdir(), 'ota-runner-test-'));
  watcher = await connectAsync(broker.tcpUrl, { clientId: `runner-test-watch-${process.pid}`, protocolVersion: 5 });
  watcher.on('message', (topic, payload) => {
    const message = JSON.parse(payload.toString()) as { method?: string; bid?: string };
    const gateway = /^thing\/product\/([^/]+)\/services$/.exec(topic)?.[1];
    if (message.method === 'ota_create' && gateway !== undefined) creates.push({ gateway, bid: message.bid ?? '' });
  });
  await watcher.subscribeAsync('thing/product/+/services', { qos: 1 });
  fleet = startFleet({
    brokerUrl: broker.tcpUrl,
    docks: 3,
    prefix: PREFIX,
    seed: SEED,
    settings: { ...DEFAULT_DOCK_SETTINGS, needReplyRate: 0, eventIntervalMs: 50, verifyMs: 100, upgradeMs: 300, aircraftUploadMs: 100 },
    downloader: simulatedDownloader,
    downloadRate: 50 * 1024 * 1024,
    topoIntervalMs: 300,
    osdIntervalMs: 2_000,
    log: () => undefined,
  });
}, 30_000);

afterAll(async () => {
  await fleet?.stop();
  await watcher?.endAsync(true);
  await broker?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** One firmware per dock model of the three docks: the latest of its line, so every dock is behind. */
function planDocument(): object {
  const firmware = docks.map(({ dock }, i) => {
    const model = `${dock.domain}-${dock.type}-${dock.subType}`;
    const line = PRODUCT_LINES.find((l) => l.models.some((m) => m.key === model));
    if (line === undefined) throw new Error(`no product line for ${model}`);
    return {
      id: `fw-${i}`,
      model,
      product_version: line.latestVersion,
      file_name: `${line.slug}_${line.latestVersion}.bin`,
      file_url: `http://127.0.0.1:9/${line.slug}_${line.latestVersion}.bin`,
      file_size: 4096,
      md5: '0123456789abcdef0123456789abcdef',
    };
  });
  return { name: 'Runner test', firmware, gateways: docks.map((d) => d.dock.sn), maxParallel: 2 };
}

function recordingEnv(): { env: CommandEnv; lines: string[]; printed: string[] } {
  const lines: string[] = [];
  const printed: string[] = [];
  const view: ProgressView = { log: (t) => lines.push(t), show: () => undefined, stop: () => undefined };
  const env: CommandEnv = { view, print: (t) => printed.push(t), stopSignal: new Promise<number>(() => undefined), ...brokerLinkEnv() };
  return { env, lines, printed };
}

describe('campaign start --plan, driven by the runner', () => {
  it('drives a 3-gateway campaign to Finished with exactly one ota_create per gateway, and exits 0', async () => {
    const planPath = join(dir, 'plan.json');
    await writeFile(planPath, JSON.stringify(planDocument(), null, 2));
    const { env, lines, printed } = recordingEnv();
    const command = parseCommand(['start', '--plan', planPath, '--broker', broker.tcpUrl, '--discover', '10', '--label', 'test runner']);

    const outcome = await runCommand(command, env);

    expect(outcome, lines.join('\n')).toMatchObject({ code: 0 });
    expect(outcome.message).toMatch(/finished, 100% of 3 gateways/);
    const campaignId = printed[0];
    expect(campaignId).toMatch(/^[A-Za-z0-9_-]+$/);
    const perGateway = new Map<string, number>();
    for (const c of creates) perGateway.set(c.gateway, (perGateway.get(c.gateway) ?? 0) + 1);
    expect(Object.fromEntries(perGateway)).toEqual(Object.fromEntries(docks.map((d) => [d.dock.sn, 1])));
    // Every ota_create is logged with its gateway, bid and devices.
    for (const c of creates)
      expect(lines).toContainEqual(expect.stringContaining(`sending ota_create to ${c.gateway} (bid ${c.bid}): ${c.gateway} -> `));

    // A second runner lists it from the broker, finished.
    const listing = recordingEnv();
    const listed = await runCommand(parseCommand(['list', '--broker', broker.tcpUrl, '--wait', '1']), listing.env);
    expect(listed.code).toBe(0);
    expect(listing.printed.find((l) => l.startsWith(`${campaignId}\t`))).toMatch(/\tfinished\t3\/3\t/);
  }, 60_000);

  it('exits 4 when the campaign to drive is not on the broker', async () => {
    const { env } = recordingEnv();
    const outcome = await runCommand(
      parseCommand(['drive', '--broker', broker.tcpUrl, '--campaign', 'no-such-campaign', '--wait', '1']),
      env,
    );
    expect(outcome).toEqual({
      code: 4,
      message: 'campaign no-such-campaign not found on the broker (namespace ota-console/v1) within 1 s',
    });
  }, 20_000);

  it('exits 2 naming the entry when a plan names a gateway that never reported', async () => {
    const planPath = join(dir, 'unknown.json');
    const doc = planDocument() as { gateways: string[] };
    await writeFile(planPath, JSON.stringify({ ...doc, gateways: [...doc.gateways, 'RUN-DOCK-9999'] }));
    const { env } = recordingEnv();
    // --skip-ineligible: the docks may be on the target already (the first test upgraded them); the unknown SN is refused all the same.
    const outcome = await runCommand(
      parseCommand(['start', '--plan', planPath, '--broker', broker.tcpUrl, '--discover', '2', '--skip-ineligible']),
      env,
    );
    expect(outcome).toEqual({
      code: 2,
      message: `${planPath}: gateways[3]: unknown gateway SN RUN-DOCK-9999: it did not report on the broker within 2 s`,
    });
  }, 20_000);
});
