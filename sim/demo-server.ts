import { createServer, type Server } from 'node:http';
import { buildFirmwareSet, type FirmwareSet } from './firmware/build-catalog.ts';
import type { DockSettings } from './fleet/dock-machine.ts';
import { httpDownloader, simulatedDownloader } from './fleet/downloader.ts';
import { startFleet, type RunningFleet } from './fleet/run-fleet.ts';
import { startBroker, type RunningBroker } from './server/broker.ts';
import { createHttpApp } from './server/http-app.ts';

export interface DemoOptions {
  port: number;
  mqttPort: number;
  host: string;
  distDir: string;
  firmwareMb: number;
  firmwareSeed: string;
  cacheDir?: string;
  fleet: {
    docks: number;
    prefix: string;
    seed: string;
    rate: number;
    download: 'real' | 'simulated';
    settings: DockSettings;
    topoIntervalMs: number;
    osdIntervalMs: number;
  };
  log: (line: string) => void;
}

export interface RunningDemo {
  appUrl: string;
  wsUrl: string;
  tcpUrl: string;
  /** Set when the requested port was busy and another was taken. */
  httpFallbackFrom: number | null;
  tcpFallbackFrom: number | null;
  firmware: FirmwareSet;
  fleet: RunningFleet | null;
  close(): Promise<void>;
}

/** What the page reads from /config.json: the broker on its own host, answering devices. */
export const DEMO_CONFIG = { brokerUrl: '/mqtt', catalogUrl: 'firmware/catalog.json', respondToDevices: true } as const;

function listenHttp(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const firmware = await buildFirmwareSet({ sizeMb: options.firmwareMb, seed: options.firmwareSeed, cacheDir: options.cacheDir });
  const server = createServer(
    createHttpApp({ distDir: options.distDir, config: DEMO_CONFIG, catalog: firmware.catalog, firmwareFiles: firmware.files }),
  );
  let httpPort: number;
  let httpFallbackFrom: number | null = null;
  try {
    httpPort = await listenHttp(server, options.port, options.host);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    httpFallbackFrom = options.port;
    httpPort = await listenHttp(server, 0, options.host);
  }
  let broker: RunningBroker;
  try {
    broker = await startBroker({ httpServer: server, wsPath: '/mqtt', tcpPort: options.mqttPort, host: options.host });
  } catch (err) {
    server.close();
    throw err;
  }

  const host =
    options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host.includes(':') ? `[${options.host}]` : options.host;
  const tcpUrl = `mqtt://${host}:${broker.tcpPort}`;
  const f = options.fleet;
  const fleet =
    f.docks > 0
      ? startFleet({
          brokerUrl: tcpUrl,
          docks: f.docks,
          prefix: f.prefix,
          seed: f.seed,
          settings: f.settings,
          downloader: f.download === 'real' ? httpDownloader : simulatedDownloader,
          downloadRate: f.rate,
          topoIntervalMs: f.topoIntervalMs,
          osdIntervalMs: f.osdIntervalMs,
          log: options.log,
        })
      : null;

  return {
    appUrl: `http://${host}:${httpPort}/`,
    wsUrl: `ws://${host}:${httpPort}/mqtt`,
    tcpUrl,
    httpFallbackFrom,
    tcpFallbackFrom: broker.tcpFallbackFrom,
    firmware,
    fleet,
    close: async () => {
      await fleet?.stop();
      await broker.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
