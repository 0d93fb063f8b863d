import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_DOCK_SETTINGS } from '../sim/fleet/dock-machine.ts';
import { startDemo, type RunningDemo } from '../sim/demo-server.ts';
import { expect, test } from './support/fixtures';

// `npm start` in one process (app + firmware + embedded aedes + simulated fleet), on free ports,
// with the production build: the page must find its broker through the served config.json alone.

let demo: RunningDemo;
let cacheDir: string;

test.beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'e2e-demo-'));
  demo = await startDemo({
    port: 0,
    mqttPort: 0,
    host: '127.0.0.1',
    distDir: resolve(process.env.E2E_DIST_DIR ?? 'dist'),
    firmwareMb: 0.05,
    firmwareSeed: 'e2e',
    cacheDir,
    fleet: {
      docks: 4,
      prefix: 'DEMO',
      seed: 'e2e',
      rate: 4 * 1024 * 1024,
      download: 'real',
      settings: DEFAULT_DOCK_SETTINGS,
      // Short, so a page that subscribes after the docks connected soon hears from every one.
      topoIntervalMs: 1000,
      osdIntervalMs: 1000,
    },
    log: () => undefined,
  });
});

test.afterAll(async () => {
  await demo?.close();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

test('the page connects to the embedded broker from config.json and receives the simulated fleet', async ({ page }) => {
  await page.goto(`${demo.appUrl}#/diagnostics`);
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const count = (label: string) => page.getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }).getByRole('cell');
  await expect(count('Topology (update_topo)')).not.toHaveText('0');
  await expect(count('Device state')).not.toHaveText('0');
  await expect(count('Invalid')).toHaveText('0');
});

test('with the demo config the page answers update_topo for the simulated docks', async ({ page, mqttClient }) => {
  // aedes speaks MQTT 3.1.1 only.
  const observer = await mqttClient(demo.tcpUrl, { protocolVersion: 4 });
  await observer.subscribe('sys/product/+/status_reply');
  await page.goto(demo.appUrl);
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const reply = await observer.waitForMessage((m) => m.topic === 'sys/product/DEMO-DOCK-0001/status_reply');
  expect(reply.json()).toMatchObject({ method: 'update_topo', data: { result: 0 } });
});
