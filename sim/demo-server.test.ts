import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOtaCreate, encodeMessage } from '../src/protocol/builders.ts';
import { decode } from '../src/protocol/decode.ts';
import type { Decoded, OtaCreateDevice } from '../src/protocol/messages.ts';
import { servicesTopic } from '../src/protocol/topics.ts';
import type { CatalogEntry } from './firmware/build-catalog.ts';
import { DEFAULT_DOCK_SETTINGS } from './fleet/dock-machine.ts';
import { startDemo, type RunningDemo } from './demo-server.ts';

// The whole demo on free ports with tiny firmware and a fast clock: real HTTP downloads, real
// md5 checks, real MQTT through the embedded broker, decoded with the console's own decoder.
let demo: RunningDemo;
let client: MqttClient;
let dir: string;
const received: Decoded[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sim-demo-test-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>OTA Console</title>');
  demo = await startDemo({
    port: 0,
    mqttPort: 0,
    host: '127.0.0.1',
    distDir: dir,
    firmwareMb: 0.05,
    firmwareSeed: 'test',
    cacheDir: join(dir, 'cache'),
    fleet: {
      docks: 5,
      prefix: 'T',
      seed: 'test',
      rate: 4 * 1024 * 1024,
      download: 'real',
      settings: { ...DEFAULT_DOCK_SETTINGS, eventIntervalMs: 50, verifyMs: 100, upgradeMs: 400, aircraftUploadMs: 200 },
      // Short, so the test client (subscribing after the fleet connected) soon sees every dock.
      topoIntervalMs: 300,
      osdIntervalMs: 5_000,
    },
    log: () => undefined,
  });
  client = await connectAsync(demo.tcpUrl, { protocolVersion: 4, clientId: `sim-test-${process.pid}` });
  client.on('message', (topic, payload) => received.push(decode(topic, payload)));
  await client.subscribeAsync(
    ['sys/product/+/status', 'thing/product/+/events', 'thing/product/+/services_reply', 'thing/product/+/state'],
    { qos: 1 },
  );
}, 30_000);

afterAll(async () => {
  await client?.endAsync(true);
  await demo?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function waitFor<T extends Decoded>(match: (d: Decoded) => d is T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = received.find(match);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error('timed out waiting for a message');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function catalog(): Promise<CatalogEntry[]> {
  const res = await fetch(`${demo.appUrl}firmware/catalog.json`);
  return ((await res.json()) as { firmware: CatalogEntry[] }).firmware;
}

function otaDevice(entry: CatalogEntry, sn: string): OtaCreateDevice {
  return {
    sn,
    product_version: entry.product_version,
    file_url: new URL(entry.file_url, `${demo.appUrl}firmware/catalog.json`).href,
    md5: entry.md5,
    file_size: entry.file_size,
    file_name: entry.file_name,
    firmware_upgrade_type: 3,
  };
}

describe('demo HTTP server', () => {
  it('serves config.json pointing the page at its own broker and catalog', async () => {
    const res = await fetch(`${demo.appUrl}config.json`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ brokerUrl: '/mqtt', catalogUrl: 'firmware/catalog.json', respondToDevices: true });
    expect((await fetch(demo.appUrl)).headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('serves firmware whose bytes match the catalog md5, with HEAD, Range and CORS', async () => {
    const entry = (await catalog()).find((e) => e.model === '3-1-0')!;
    const url = new URL(entry.file_url, `${demo.appUrl}firmware/`).href;
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(entry.file_size));
    expect(head.headers.get('access-control-allow-origin')).toBe('*');
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(createHash('md5').update(body).digest('hex')).toBe(entry.md5);
    const part = await fetch(url, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${entry.file_size}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(body.subarray(10, 20));
    expect((await fetch(url, { headers: { Range: `bytes=${entry.file_size}-` } })).status).toBe(416);
  });

  it('lists a deliberately corrupt build and never serves files outside dist', async () => {
    const corrupt = (await catalog()).filter((e) => /VERIFY_FAILED/.test(e.release_notes));
    expect(corrupt).toHaveLength(1);
    for (const path of ['..%2f..%2fetc%2fpasswd', '%2e%2e/%2e%2e/etc/passwd', 'cache/../../etc/passwd', 'a%00b']) {
      const res = await fetch(`${demo.appUrl}${path}`);
      expect([400, 404]).toContain(res.status);
    }
  });
});

describe('simulated fleet over MQTT', () => {
  it('announces every dock with update_topo, one with its aircraft offline', async () => {
    const deadline = Date.now() + 10_000;
    while (received.filter((d) => d.kind === 'update_topo').length < 5 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const topo = received.filter((d): d is Extract<Decoded, { kind: 'update_topo' }> => d.kind === 'update_topo');
    expect(new Set(topo.map((t) => t.gateway.sn))).toEqual(
      new Set(['T-DOCK-0001', 'T-DOCK-0002', 'T-DOCK-0003', 'T-DOCK-0004', 'T-DOCK-0005']),
    );
    expect(topo.find((t) => t.gateway.sn === 'T-DOCK-0002')!.gateway.modelKey).toBe('3-2-0');
  });

  it('upgrades a dock and its aircraft to ok, then reports the new versions', async () => {
    const entries = await catalog();
    const dockFw = entries.find((e) => e.model === '3-2-0' && !/corrupt/i.test(e.file_name))!;
    const topo = await waitFor(
      (d): d is Extract<Decoded, { kind: 'update_topo' }> => d.kind === 'update_topo' && d.gateway.sn === 'T-DOCK-0002',
    );
    const aircraft = topo.subDevices[0]!;
    const airFw = entries.find((e) => e.model === aircraft.modelKey)!;
    const message = buildOtaCreate([otaDevice(dockFw, 'T-DOCK-0002'), otaDevice(airFw, aircraft.sn)]);
    await client.publishAsync(servicesTopic('T-DOCK-0002'), encodeMessage(message), { qos: 1 });

    const reply = await waitFor(
      (d): d is Extract<Decoded, { kind: 'ota_create_reply' }> => d.kind === 'ota_create_reply' && d.meta.tid === message.tid,
    );
    expect(reply.result).toBe(0);
    const busy = buildOtaCreate([otaDevice(dockFw, 'T-DOCK-0002')]);
    await client.publishAsync(servicesTopic('T-DOCK-0002'), encodeMessage(busy), { qos: 1 });
    expect(
      (await waitFor((d): d is Extract<Decoded, { kind: 'ota_create_reply' }> => d.kind === 'ota_create_reply' && d.meta.tid === busy.tid))
        .result,
    ).toBe(312014);

    await waitFor(
      (d): d is Extract<Decoded, { kind: 'ota_progress' }> => d.kind === 'ota_progress' && d.meta.bid === message.bid && d.status === 'ok',
    );
    const progress = received.filter(
      (d): d is Extract<Decoded, { kind: 'ota_progress' }> => d.kind === 'ota_progress' && d.meta.bid === message.bid,
    );
    expect(progress.map((p) => p.subStatus)).toEqual(
      expect.arrayContaining(['DOWNLOADING', 'VERIFY', 'VERIFY_SUCCESS', 'UPLOADING_DRONE', 'UPGRADE_SUCCESS']),
    );
    const states = () => received.filter((d): d is Extract<Decoded, { kind: 'state' }> => d.kind === 'state');
    await waitFor(
      (d): d is Extract<Decoded, { kind: 'state' }> =>
        d.kind === 'state' && d.deviceSn === aircraft.sn && d.firmwareVersion === airFw.product_version,
    );
    expect(states().some((s) => s.deviceSn === 'T-DOCK-0002' && s.firmwareVersion === dockFw.product_version)).toBe(true);
  }, 20_000);

  it('ends the corrupt build in VERIFY_FAILED', async () => {
    const corrupt = (await catalog()).find((e) => /VERIFY_FAILED/.test(e.release_notes))!;
    const message = buildOtaCreate([otaDevice(corrupt, 'T-DOCK-0005')]);
    await client.publishAsync(servicesTopic('T-DOCK-0005'), encodeMessage(message), { qos: 1 });
    const last = await waitFor(
      (d): d is Extract<Decoded, { kind: 'ota_progress' }> =>
        d.kind === 'ota_progress' && d.meta.bid === message.bid && (d.status === 'failed' || d.status === 'ok'),
    );
    expect(last).toMatchObject({ status: 'failed', subStatus: 'VERIFY_FAILED' });
  }, 20_000);

  it('ends in DOWNLOAD_FAILED when the file is not on the server', async () => {
    const entry = (await catalog()).find((e) => e.model === '3-1-0')!;
    const missing = { ...otaDevice(entry, 'T-DOCK-0001'), file_url: `${demo.appUrl}firmware/no-such-file.bin` };
    const message = buildOtaCreate([missing]);
    await client.publishAsync(servicesTopic('T-DOCK-0001'), encodeMessage(message), { qos: 1 });
    const last = await waitFor(
      (d): d is Extract<Decoded, { kind: 'ota_progress' }> =>
        d.kind === 'ota_progress' && d.meta.bid === message.bid && (d.status === 'failed' || d.status === 'ok'),
    );
    expect(last).toMatchObject({ status: 'failed', subStatus: 'DOWNLOAD_FAILED' });
  }, 20_000);
});
