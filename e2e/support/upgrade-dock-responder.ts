import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { buildServicesReply, buildOtaProgress, type OtaProgressInput } from '../../src/protocol/builders';
import { buildOsd, buildState, buildUpdateTopo } from '../../src/protocol/device-builders';
import type { OtaCreateDevice } from '../../src/protocol/messages';
import { eventsTopic, osdTopic, servicesReplyTopic, stateTopic, statusTopic } from '../../src/protocol/topics';
import type { TestMqttClient } from './fixtures';

/** A dock (DJI Dock 2) with its aircraft (Mavic 3D) and the firmware each reports. */
export interface SimDock {
  sn: string;
  aircraft: string;
  dockVersion: string;
  aircraftVersion: string;
}

export interface SeenOtaCreate {
  topic: string;
  gateway: string;
  tid: string;
  bid: string;
  devices: OtaCreateDevice[];
}

interface OtaCreateWire {
  tid: string;
  bid: string;
  method: string;
  data: { devices: OtaCreateDevice[] };
}

/**
 * The docks' side of the broker, from Node: announces the docks (update_topo + state), records
 * every ota_create the page sends and answers it with a services_reply whose result the test picks.
 */
export async function startDockResponder(
  client: TestMqttClient,
  docks: readonly SimDock[],
  replyResult: (gateway: string) => number = () => 0,
) {
  const seen: SeenOtaCreate[] = [];
  await client.subscribe('thing/product/+/services');
  client.client.on('message', (topic, payload) => {
    const match = /^thing\/product\/([^/]+)\/services$/.exec(topic);
    if (!match) return;
    const gateway = match[1]!;
    const message = JSON.parse(payload.toString('utf8')) as OtaCreateWire;
    if (message.method !== 'ota_create') return;
    seen.push({ topic, gateway, tid: message.tid, bid: message.bid, devices: message.data.devices });
    const reply = buildServicesReply({ tid: message.tid, bid: message.bid, result: replyResult(gateway) });
    // Not awaited: a reply still waiting for its PUBACK when the test ends is cut off by the
    // fixture closing the client, and that rejection must not fail a test that already passed.
    client.publish(servicesReplyTopic(gateway), reply).catch(() => undefined);
  });

  /**
   * osd mode_code of the dock and its aircraft (0 and 0: idle, on the ground), as a real dock sends
   * it: again and again (every 5 s here, from the first announce on). Retained as well, so a console
   * or runner that subscribes later learns it at once (the idle gate of campaigns reads it).
   */
  const modes = new Map<string, { dock: number; aircraft: number }>();
  async function osd(dock: SimDock, dockMode: number, aircraftMode: number): Promise<void> {
    modes.set(dock.sn, { dock: dockMode, aircraft: aircraftMode });
    await client.publish(osdTopic(dock.sn), buildOsd({ gateway: dock.sn, modeCode: dockMode }), { retain: true });
    await client.publish(osdTopic(dock.aircraft), buildOsd({ gateway: dock.sn, modeCode: aircraftMode }), { retain: true });
  }
  let repeating: ReturnType<typeof setInterval> | null = null;
  function repeatOsd(): void {
    if (repeating !== null) return;
    repeating = setInterval(() => {
      for (const dock of docks) {
        const mode = modes.get(dock.sn);
        if (mode !== undefined) osd(dock, mode.dock, mode.aircraft).catch(() => undefined);
      }
    }, 5_000);
    client.client.once('end', () => {
      if (repeating !== null) clearInterval(repeating);
    });
  }

  async function announce(): Promise<void> {
    for (const dock of docks) {
      await client.publish(
        statusTopic(dock.sn),
        buildUpdateTopo({
          gatewaySn: dock.sn,
          domain: '3',
          type: 2,
          subType: 0,
          subDevices: [{ sn: dock.aircraft, domain: '0', type: 91, subType: 0 }],
        }),
      );
      await client.publish(
        stateTopic(dock.sn),
        buildState({ gateway: dock.sn, firmwareVersion: dock.dockVersion, compatibleStatus: 0, firmwareUpgradeStatus: 0 }),
      );
      await client.publish(
        stateTopic(dock.aircraft),
        buildState({ gateway: dock.sn, firmwareVersion: dock.aircraftVersion, compatibleStatus: 0 }),
      );
      await osd(dock, modes.get(dock.sn)?.dock ?? 0, modes.get(dock.sn)?.aircraft ?? 0);
    }
    repeatOsd();
  }

  return {
    seen,
    announce,
    /** The dock reports this osd mode_code (0 idle, 4 working) and its aircraft this one (0 standby, 5 wayline flight). */
    async reportMode(gateway: string, dockMode: number, aircraftMode = 0): Promise<void> {
      const dock = docks.find((d) => d.sn === gateway);
      if (dock === undefined) throw new Error(`no dock ${gateway} in this responder`);
      await osd(dock, dockMode, aircraftMode);
    },
    async progress(gateway: string, input: OtaProgressInput): Promise<void> {
      await client.publish(eventsTopic(gateway), buildOtaProgress({ ...input, gateway }));
    },
    async reportVersion(gateway: string, deviceSn: string, version: string): Promise<void> {
      await client.publish(stateTopic(deviceSn), buildState({ gateway, firmwareVersion: version, firmwareUpgradeStatus: 0 }));
    },
  };
}

export interface ServedFile {
  path: string;
  bytes: Buffer;
  md5: string;
}

export function firmwareFile(path: string, size: number): ServedFile {
  const bytes = randomBytes(size);
  return { path, bytes, md5: createHash('md5').update(bytes).digest('hex') };
}

/** The DJI Dock 2 firmware 10.01.3000 the campaign specs upgrade to: its served file and catalog entry. */
export function dock2Firmware(size: number) {
  const file = firmwareFile('/files/dock2-10.01.3000.bin', size);
  const entry = {
    id: 'dock2',
    model: '3-2-0',
    product_name: 'DJI Dock 2',
    product_version: '10.01.3000',
    file_name: 'dock2-10.01.3000.bin',
    file_url: file.path.slice(1),
    file_size: file.bytes.length,
    md5: file.md5,
    release_notes: '',
    released_at: '2024-06-01T00:00:00Z',
  };
  return { file, entry };
}

/** A firmware host on a free loopback port, with CORS as a catalog host must allow the page to read it. */
export async function startCatalogServer(catalog: unknown, files: readonly ServedFile[]) {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Length');
    const file = byPath.get(path);
    if (path === '/catalog.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(catalog));
    } else if (file) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length });
      if (req.method === 'HEAD') res.end();
      else res.end(file.bytes);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('catalog server has no port');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    base,
    catalogUrl: `${base}/catalog.json`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
