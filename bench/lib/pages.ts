import type { DrivenPage } from './driven-page.ts';
import { appUrl } from '../../e2e/support/app-url.ts';
import { SUBSCRIPTION_FILTERS } from '../../src/protocol/topics.ts';
import { PROBE_PREFIX } from '../publisher/plan.ts';

/** baseline: the console built from an earlier commit (--baseline), driven like the console. */
export type PageKind = 'floor' | 'console' | 'baseline';

/** How the harness drives and reads one of the two pages; everything else is measured alike. */
export interface BenchPage {
  readonly kind: PageKind;
  url(brokerWsUrl: string): string;
  /** Connected, subscribed, and (console) the Monitor filtered to the probe rows. */
  ready(page: DrivenPage): Promise<void>;
  /** Messages the page's MQTT handler received, or null when the page does not say. */
  delivered(page: DrivenPage): Promise<number | null>;
  /** The percent each gateway shows now (null: no row); empty when the page shows no such rows. */
  shownPercents(page: DrivenPage, sns: readonly string[]): Promise<Record<string, number | null>>;
}

const READY_TIMEOUT = 30_000;

export function floorPage(baseUrl: string): BenchPage {
  return {
    kind: 'floor',
    url: (broker) =>
      `${baseUrl}/index.html?${new URLSearchParams({ broker, topics: SUBSCRIPTION_FILTERS.join(','), probe: PROBE_PREFIX }).toString()}`,
    async ready(page) {
      await page.waitFor('the floor page to connect', () => document.body.dataset.connected === 'true', READY_TIMEOUT);
    },
    async delivered(page) {
      return Number(await page.evaluate(() => document.querySelector('#count')?.textContent ?? 'NaN'));
    },
    // The floor draws only the probes; their final values come from the instrument.
    shownPercents: () => Promise.resolve({}),
  };
}

export function consolePage(baseUrl: string, kind: 'console' | 'baseline' = 'console'): BenchPage {
  return {
    kind,
    url: (broker) => `${baseUrl}${appUrl({ broker }, '/monitor')}`,
    async ready(page) {
      await page.waitFor(
        'the "Broker connection" status to say Connected',
        () => /\bConnected\b/.test(document.querySelector('[role="status"][aria-label="Broker connection"]')?.textContent ?? ''),
        READY_TIMEOUT,
      );
      await page.waitFor(
        'the "Search devices" box',
        () => document.querySelector('[role="search"] input[type="search"]') !== null,
        READY_TIMEOUT,
      );
      await fillSearch(page, PROBE_PREFIX);
    },
    async delivered(page) {
      // The diagnostics counts live in a store that outlives the screen: a hash change keeps them.
      await page.evaluate(() => {
        location.hash = '#/diagnostics';
      });
      const text = await page
        .waitFor(
          'the ota_progress row on Diagnostics',
          () => {
            const row = [...document.querySelectorAll('tr')].find((tr) => /ota_progress/.test(tr.textContent ?? ''));
            const cells = row?.querySelectorAll('td');
            return cells && cells.length > 0 ? (cells[cells.length - 1]?.textContent ?? null) : null;
          },
          READY_TIMEOUT,
        )
        .catch(() => null);
      const value = Number((text ?? '').replace(/[^\d]/g, ''));
      return text !== null && Number.isFinite(value) ? value : null;
    },
    async shownPercents(page, sns) {
      const shown: Record<string, number | null> = {};
      for (const sn of sns) {
        await fillSearch(page, sn);
        const name = `Upgrade progress ${sn}`;
        try {
          const value = await page.waitFor(
            `the progressbar "${name}"`,
            (label) => document.querySelector(`[role="progressbar"][aria-label="${label}"]`)?.getAttribute('aria-valuenow'),
            5_000,
            name,
          );
          shown[sn] = Number(value);
        } catch {
          shown[sn] = null;
        }
      }
      await fillSearch(page, PROBE_PREFIX);
      return shown;
    },
  };
}

/** Types into the Monitor's "Search devices" box the way React hears it: the native setter, then an input event. */
function fillSearch(page: DrivenPage, text: string): Promise<void> {
  return page.evaluate((value) => {
    const input = document.querySelector<HTMLInputElement>('[role="search"] input[type="search"]');
    if (!input) throw new Error('no "Search devices" box');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
