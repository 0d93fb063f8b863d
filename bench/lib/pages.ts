import type { Page } from 'playwright-core';
import { appUrl } from '../../e2e/support/app-url.ts';
import { SUBSCRIPTION_FILTERS } from '../../src/protocol/topics.ts';
import { PROBE_PREFIX } from '../publisher/plan.ts';

export type PageKind = 'floor' | 'console';

/** How the harness drives and reads one of the two pages; everything else is measured alike. */
export interface BenchPage {
  readonly kind: PageKind;
  url(brokerWsUrl: string): string;
  /** Connected, subscribed, and (console) the Monitor filtered to the probe rows. */
  ready(page: Page): Promise<void>;
  /** Messages the page's MQTT handler received, or null when the page does not say. */
  delivered(page: Page): Promise<number | null>;
  /** The percent each gateway shows now (null: no row); empty when the page shows no such rows. */
  shownPercents(page: Page, sns: readonly string[]): Promise<Record<string, number | null>>;
}

const READY_TIMEOUT = 30_000;

export function floorPage(baseUrl: string): BenchPage {
  return {
    kind: 'floor',
    url: (broker) =>
      `${baseUrl}/index.html?${new URLSearchParams({ broker, topics: SUBSCRIPTION_FILTERS.join(','), probe: PROBE_PREFIX }).toString()}`,
    async ready(page) {
      await page.waitForSelector('body[data-connected="true"]', { timeout: READY_TIMEOUT });
    },
    async delivered(page) {
      return Number(await page.locator('#count').textContent());
    },
    // The floor draws only the probes; their final values come from the instrument.
    shownPercents: () => Promise.resolve({}),
  };
}

export function consolePage(baseUrl: string): BenchPage {
  return {
    kind: 'console',
    url: (broker) => `${baseUrl}${appUrl({ broker }, '/monitor')}`,
    async ready(page) {
      await page.getByRole('status', { name: 'Broker connection' }).filter({ hasText: /\bConnected\b/ }).waitFor({ timeout: READY_TIMEOUT });
      await page.getByRole('searchbox', { name: 'Search devices' }).fill(PROBE_PREFIX, { timeout: READY_TIMEOUT });
    },
    async delivered(page) {
      // The diagnostics counts live in a store that outlives the screen: a hash change keeps them.
      await page.evaluate(() => {
        location.hash = '#/diagnostics';
      });
      const row = page.getByRole('row', { name: /ota_progress/ });
      const text = await row.getByRole('cell').last().textContent({ timeout: READY_TIMEOUT });
      const value = Number((text ?? '').replace(/[^\d]/g, ''));
      return Number.isFinite(value) ? value : null;
    },
    async shownPercents(page, sns) {
      const search = page.getByRole('searchbox', { name: 'Search devices' });
      const shown: Record<string, number | null> = {};
      for (const sn of sns) {
        await search.fill(sn);
        const bar = page.getByRole('progressbar', { name: `Upgrade progress ${sn}`, exact: true });
        try {
          await bar.waitFor({ timeout: 5_000 });
          shown[sn] = Number(await bar.getAttribute('aria-valuenow'));
        } catch {
          shown[sn] = null;
        }
      }
      await search.fill(PROBE_PREFIX);
      return shown;
    },
  };
}
