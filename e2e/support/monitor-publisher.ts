import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { buildOtaCreate, buildOtaProgress, type OtaProgressInput } from '../../src/protocol/builders';
import type { OtaCreateDevice } from '../../src/protocol/messages';
import { eventsTopic, servicesTopic } from '../../src/protocol/topics';
import { appUrl, expect, type MosquittoBroker, type TestMqttClient } from './fixtures';

/** Device-side traffic for the monitor specs, built with the protocol's own validated builders. */
export function devicePublisher(client: TestMqttClient) {
  const at = (timestamp: number) => ({ uuid: randomUUID, now: () => timestamp });
  return {
    /** An ota_create from "another console": the page learns the task's devices from it. */
    async otaCreate(gateway: string, devices: OtaCreateDevice[], timestamp = Date.now()): Promise<string> {
      const message = buildOtaCreate(devices, at(timestamp));
      await client.publish(servicesTopic(gateway), message);
      return message.bid;
    },
    async progress(gateway: string, input: OtaProgressInput, timestamp = Date.now()): Promise<void> {
      await client.publish(eventsTopic(gateway), buildOtaProgress(input, at(timestamp)));
    },
  };
}

export function firmwareFor(sn: string, version: string): OtaCreateDevice {
  return {
    sn,
    product_version: version,
    file_url: `http://127.0.0.1:9/${sn}.bin`,
    md5: '0123456789abcdef0123456789abcdef',
    file_size: 50_000_000,
    file_name: `${sn}-${version}.bin`,
    firmware_upgrade_type: 3,
  };
}

export async function openMonitor(page: Page, broker: MosquittoBroker): Promise<void> {
  await page.goto(appUrl({ broker: broker.wsUrl }, '/monitor'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
}

export const progressBar = (page: Page, sn: string) => page.getByRole('progressbar', { name: `Upgrade progress ${sn}`, exact: true });

export const deviceRow = (page: Page, sn: string) => page.getByRole('listitem').filter({ has: progressBar(page, sn) });

export async function expectBar(page: Page, sn: string, percent: number, text: string): Promise<void> {
  await expect(progressBar(page, sn)).toHaveAttribute('aria-valuetext', text);
  await expect(progressBar(page, sn)).toHaveAttribute('aria-valuenow', String(percent));
}
