import { DockMachine, type DockSettings } from './dock-machine.ts';
import type { Downloader } from './downloader.ts';
import { planFleet } from './fleet-plan.ts';
import { seededRng } from './rng.ts';
import { SimDock } from './sim-dock.ts';

export interface FleetOptions {
  brokerUrl: string;
  username?: string;
  password?: string;
  docks: number;
  prefix: string;
  seed: string;
  settings: DockSettings;
  downloader: Downloader;
  /** Mean download speed in bytes/s; each dock gets 0.75x..1.5x of it. */
  downloadRate: number;
  topoIntervalMs: number;
  osdIntervalMs: number;
  log: (line: string) => void;
}

export interface RunningFleet {
  docks: SimDock[];
  connectedCount(): number;
  stop(): Promise<void>;
}

const TICK_MS = 200;
const CONNECTS_PER_BATCH = 50;

export function startFleet(options: FleetOptions): RunningFleet {
  const docks = planFleet({ count: options.docks, prefix: options.prefix, seed: options.seed }).map((identity) => {
    const rng = seededRng(`${options.seed}:${identity.dock.sn}`);
    const machine = new DockMachine(identity, options.settings, rng);
    return new SimDock(machine, {
      brokerUrl: options.brokerUrl,
      username: options.username,
      password: options.password,
      downloader: options.downloader,
      downloadRate: Math.round(options.downloadRate * (0.75 + rng() * 0.75)),
      topoIntervalMs: options.topoIntervalMs,
      osdIntervalMs: options.osdIntervalMs,
      phaseMs: Math.floor(rng() * options.topoIntervalMs),
      log: options.log,
    });
  });

  // Connect in batches so a large fleet does not hit the broker with one burst of CONNECTs.
  const pending = [...docks];
  let stopped = false;
  const connectBatch = () => {
    if (stopped) return;
    for (const dock of pending.splice(0, CONNECTS_PER_BATCH)) dock.start();
    if (pending.length > 0) connectTimer = setTimeout(connectBatch, 100);
  };
  let connectTimer: NodeJS.Timeout | undefined;
  connectBatch();

  const ticker = setInterval(() => {
    const now = Date.now();
    for (const dock of docks) dock.tick(now);
  }, TICK_MS);

  return {
    docks,
    connectedCount: () => docks.filter((d) => d.connected).length,
    stop: async () => {
      stopped = true;
      clearTimeout(connectTimer);
      clearInterval(ticker);
      await Promise.all(docks.map((d) => d.stop()));
    },
  };
}
