import { test as base, expect } from '@playwright/test';
import type { IClientOptions } from 'mqtt';
import { startMosquitto, type MosquittoBroker, type MosquittoOptions } from './mosquitto';
import { mqttClient, type TestMqttClient } from './mqtt-client';

export { expect };
export { appUrl } from './app-url';
export type { MosquittoBroker } from './mosquitto';
export type { TestMqttClient } from './mqtt-client';

interface RigFixtures {
  /** Options for this test's `broker`; set with `test.use({ brokerOptions: { ... } })`. */
  brokerOptions: MosquittoOptions;
  /**
   * A mosquitto of this test's own, started on first use and killed at teardown (also on
   * failure). Stopping/restarting it affects no other test.
   */
  broker: MosquittoBroker;
  /** Connects a Node MQTT client (see mqtt-client.ts); every one is closed at teardown. */
  mqttClient: (url: string, options?: IClientOptions) => Promise<TestMqttClient>;
}

export const test = base.extend<RigFixtures>({
  // The build is served by global-setup.ts on a port only known at run time.
  // Playwright reads fixture dependencies from the destructuring pattern, so `{}` is required.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL unset: run through playwright.config.ts (its globalSetup serves dist/)');
    await use(url);
  },

  brokerOptions: [{}, { option: true }],

  broker: async ({ brokerOptions }, use, testInfo) => {
    const broker = await startMosquitto(brokerOptions);
    try {
      await use(broker);
    } finally {
      await broker.kill();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('mosquitto.log', { body: broker.log(), contentType: 'text/plain' });
      }
    }
  },

  // eslint-disable-next-line no-empty-pattern
  mqttClient: async ({}, use) => {
    const clients: TestMqttClient[] = [];
    try {
      await use(async (url, options) => {
        const client = await mqttClient(url, options);
        clients.push(client);
        return client;
      });
    } finally {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    }
  },

  // Wraps the built-in page so a failing test carries the page's console errors and uncaught
  // exceptions; tests that never touch `page` still launch no browser.
  page: async ({ page }, use, testInfo) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && errors.length > 0) {
      await testInfo.attach('page-errors.txt', { body: errors.join('\n'), contentType: 'text/plain' });
    }
  },
});
