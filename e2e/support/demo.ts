import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_DOCK_SETTINGS, type DockSettings } from '../../sim/fleet/dock-machine.ts';
import { startDemo, type RunningDemo } from '../../sim/demo-server.ts';

export interface E2eDemoOptions {
  /** Names the firmware seed, the fleet seed and the temp cache folder. */
  seed: string;
  docks: number;
  firmwareMb: number;
  settings?: Partial<DockSettings>;
  /** How often each dock repeats its topology and state, and its osd (1 s by default: quick discovery of a small fleet). */
  topoIntervalMs?: number;
  osdIntervalMs?: number;
}

export interface E2eDemo {
  demo: RunningDemo;
  /** Stops the demo and removes its firmware cache. */
  close(): Promise<void>;
}

/**
 * `npm start` in one process (app + firmware + embedded aedes + simulated fleet) on free loopback
 * ports, serving the production build under test, with a fleet prefixed DEMO.
 */
export async function startE2eDemo(options: E2eDemoOptions): Promise<E2eDemo> {
  const cacheDir = await mkdtemp(join(tmpdir(), `e2e-demo-${options.seed}-`));
  try {
    const demo = await startDemo({
      port: 0,
      mqttPort: 0,
      host: '127.0.0.1',
      distDir: resolve(process.env.E2E_DIST_DIR ?? 'dist'),
      firmwareMb: options.firmwareMb,
      firmwareSeed: options.seed,
      cacheDir,
      fleet: {
        docks: options.docks,
        prefix: 'DEMO',
        seed: options.seed,
        rate: 4 * 1024 * 1024,
        download: 'real',
        settings: { ...DEFAULT_DOCK_SETTINGS, ...options.settings },
        // Short, so a page that subscribes after the docks connected soon hears from every one.
        topoIntervalMs: options.topoIntervalMs ?? 1000,
        osdIntervalMs: options.osdIntervalMs ?? 1000,
      },
      log: () => undefined,
    });
    return {
      demo,
      close: async () => {
        await demo.close();
        await rm(cacheDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(cacheDir, { recursive: true, force: true });
    throw error;
  }
}
