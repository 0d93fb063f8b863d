import type { RunningDemo } from '../sim/demo-server.ts';
import { startE2eDemo, type E2eDemo } from './support/demo';
import { expect, test } from './support/fixtures';

// `npm start` in one process (app + firmware + embedded aedes + simulated fleet), on free ports,
// with the production build: the page must find its broker through the served config.json alone.

let demo: RunningDemo;
let running: E2eDemo | undefined;

test.beforeAll(async () => {
  running = await startE2eDemo({ seed: 'e2e', docks: 4, firmwareMb: 0.05 });
  demo = running.demo;
});

test.afterAll(async () => {
  await running?.close();
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
