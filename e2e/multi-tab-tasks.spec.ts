import { deviceRow, progressBar } from './support/monitor-publisher';
import { appUrl, expect, test } from './support/fixtures';
import { firmwareFile, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Two tabs of one browser share the stored tasks (IndexedDB): page A starts an upgrade, page B (on
// the Monitor) sees A's ota_create on the broker as started elsewhere and saves its tasks after A
// did. A, once reloaded, must still know the upgrade as its own, with its campaign.

const DOCK_FILE = firmwareFile('/files/dock2-10.01.2000.bin', 48 * 1024 + 3);
const DOCK_ENTRY = {
  id: 'dock2',
  model: '3-2-0',
  product_name: 'DJI Dock 2',
  product_version: '10.01.2000',
  file_name: 'dock2-10.01.2000.bin',
  file_url: DOCK_FILE.path.slice(1),
  file_size: DOCK_FILE.bytes.length,
  md5: DOCK_FILE.md5,
  release_notes: '',
  released_at: '2024-05-01T00:00:00Z',
};

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;

test.beforeAll(async () => {
  catalog = await startCatalogServer({ firmware: [DOCK_ENTRY] }, [DOCK_FILE]);
});

test.afterAll(async () => {
  await catalog.close();
});

interface StoredTask {
  bid: string;
  origin: string;
  campaignId?: string;
  devices: { sn: string; fromVersion?: string }[];
}

test('a task started in one tab stays "started here" with its campaign after another tab saved over it', async ({
  page,
  broker,
  mqttClient,
}) => {
  // Two pages, a reload and three waits for the store's next write: 24 s of the default 30 on an
  // idle 2-core machine, so a busy one ran out of time.
  test.setTimeout(60_000);
  const dock: SimDock = { sn: 'TAB-DOCK-1', aircraft: 'TAB-AC-1', dockVersion: '10.01.1000', aircraftVersion: '07.00.0001' };
  const url = (path: string) => appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, path);
  const pageA = page;
  // A opens first: campaigns are sent by one tab of the browser, the first (campaign-leader).
  await pageA.goto(url('/upgrade'));
  await expect(pageA.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const pageB = await page.context().newPage();
  await pageB.goto(url('/monitor'));
  await expect(pageB.getByRole('status', { name: 'Broker connection' })).toContainText(/\bConnected\b/);
  const responder = await startDockResponder(await mqttClient(broker.tcpUrl), [dock]);
  await responder.announce();

  await pageA
    .getByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ })
    .getByRole('radio', { name: /dock2-10\.01\.2000\.bin/ })
    .check();
  await pageA.getByRole('checkbox', { name: `Select gateway ${dock.sn}` }).check();
  await pageA.getByRole('button', { name: 'Start upgrade' }).click();
  await pageA.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await expect(pageA).toHaveURL(/#\/campaigns\/[^/]+$/);
  const campaignUrl = pageA.url();
  await expect.poll(() => responder.seen.length).toBe(1);
  const { bid } = responder.seen[0]!;

  // B sees the upgrade on the broker; progress reaches both tabs, so both save.
  await expect(deviceRow(pageB, dock.sn)).toBeVisible();
  await responder.progress(dock.sn, { bid, status: 'in_progress', subStatus: 'DOWNLOADING', step: 'download_firmware', percent: 40 });
  await expect(progressBar(pageB, dock.sn)).toHaveAttribute('aria-valuenow', '40');

  // B's store took A's record in: it no longer claims the upgrade was started elsewhere either.
  await expect(deviceRow(pageB, dock.sn).getByText('Started elsewhere')).toHaveCount(0);
  // The task's record in the console's IndexedDB, as B reads it.
  const stored = async (): Promise<(StoredTask & { percent: number | null }) | undefined> =>
    pageB.evaluate(async (b) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const open = indexedDB.open('ota-console');
      // Never create the database here: the app makes it, with its stores.
      open.onupgradeneeded = () => open.transaction?.abort();
      const db = await request(open).catch(() => null);
      if (db === null) return undefined;
      try {
        const record = (await request(db.transaction('tasks').objectStore('tasks').get(b))) as
          { task?: StoredTask & { execution: { percent: number } | null } } | undefined;
        const task = record?.task;
        return task === undefined ? undefined : { ...task, percent: task.execution?.percent ?? null };
      } finally {
        db.close();
      }
    }, bid);
  await expect.poll(async () => (await stored())?.percent).toBe(40);

  // A leaves (flushing on pagehide); only B hears the next progress, so B writes last. The upgrade
  // moves to its next step: a change of percent alone would wait up to a minute to be written.
  await pageA.goto('about:blank');
  await responder.progress(dock.sn, { bid, status: 'in_progress', subStatus: 'UPGRADING', step: 'upgrade_firmware', percent: 70 });
  await expect(progressBar(pageB, dock.sn)).toHaveAttribute('aria-valuenow', '70');
  await expect.poll(async () => (await stored())?.percent).toBe(70);
  const record = await stored();
  expect(record).toMatchObject({ bid, origin: 'this-console' });
  expect(campaignUrl.endsWith(`/campaigns/${record?.campaignId ?? 'none'}`)).toBe(true);
  expect(record?.devices[0]).toMatchObject({ sn: dock.sn, fromVersion: '10.01.1000' });

  // A comes back (a fresh load: all it knows is what storage holds): still its own upgrade.
  await pageA.goto(url('/monitor'));
  const rowA = deviceRow(pageA, dock.sn);
  await expect(progressBar(pageA, dock.sn)).toHaveAttribute('aria-valuenow', '70');
  await expect(rowA.getByText('Started elsewhere')).toHaveCount(0);
  await pageA.goto(campaignUrl);
  await expect(pageA.getByRole('main')).toContainText(dock.sn);

  await pageB.close();
});
