import type { Browser } from 'playwright-core';

/** Utility processes report their service's interface name as their type. */
const PROCESS_NAMES: Record<string, string> = {
  'network.mojom.NetworkService': 'network service',
  'storage.mojom.StorageService': 'storage service',
};

/**
 * CPU seconds each Chromium process type has used so far (renderer, browser, GPU, network
 * service, ...), from the browser's own process list; null where the browser cannot say.
 */
export async function cpuSecondsByProcessType(browser: Browser): Promise<Map<string, number> | null> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; cpuTime: number }[];
    };
    const byType = new Map<string, number>();
    for (const p of processInfo) {
      const type = PROCESS_NAMES[p.type] ?? p.type;
      byType.set(type, (byType.get(type) ?? 0) + p.cpuTime);
    }
    return byType;
  } catch {
    return null;
  } finally {
    await session.detach().catch(() => undefined);
  }
}
