import { deviceRow, progressBar } from './support/monitor-publisher';
import { appUrl, expect, test } from './support/fixtures';

// An upgrade from the version that kept everything in localStorage: the page's first load finds
// the old documents ('ota-console.tasks', 'ota-console.fleet', 'ota-console.campaigns'), moves them
// into IndexedDB and removes the keys; after a reload the Monitor, Fleet and Campaigns still show
// them, now read from IndexedDB.

const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

const TASK = {
  bid: 'legacy-bid-1',
  gateway: 'DOCK-OLD-1',
  devices: [
    {
      sn: 'DOCK-OLD-1',
      modelKey: '3-2-0',
      fromVersion: '10.01.1000',
      targetVersion: '10.01.2000',
      fileName: 'dock2-10.01.2000.bin',
      fileSize: 4096,
      verification: null,
    },
  ],
  devicesInferred: false,
  origin: 'this-console',
  command: 'accepted',
  tid: 'legacy-tid-1',
  resultCode: 0,
  execution: {
    status: 'in_progress',
    subStatus: 'DOWNLOADING',
    subStatusRaw: 'DOWNLOADING',
    step: 'download_firmware',
    percent: 35,
    rate: null,
    result: 0,
    lastEventAt: T0 + 5_000,
    lastAppliedAt: T0 + 5_000,
  },
  terminal: false,
  attempt: 1,
  campaignId: 'legacy-campaign-1',
  createdAt: T0,
  publishedAt: T0 + 100,
  finishedAt: null,
  lastReceivedAt: T0 + 5_000,
  events: [
    {
      receivedAt: T0 + 5_000,
      timestamp: T0 + 5_000,
      tid: 'p-1',
      status: 'in_progress',
      subStatus: 'DOWNLOADING',
      subStatusRaw: 'DOWNLOADING',
      step: 'download_firmware',
      percent: 35,
      result: 0,
      rate: null,
      raw: '{"method":"ota_progress"}',
    },
  ],
};

const FLEET = {
  version: 1,
  gateways: [
    {
      sn: 'DOCK-OLD-1',
      topoAt: T0,
      seen: T0,
      devices: [{ sn: 'DOCK-OLD-1', role: 'gateway', model: '3-2-0', topo: true, fw: '10.01.1000', seen: T0 }],
    },
    { sn: 'DOCK-OLD-2', manual: true, devices: [{ sn: 'DOCK-OLD-2', role: 'gateway' }] },
  ],
  roster: [{ sn: 'DOCK-OLD-2', added: T0 }],
};

const CAMPAIGN = {
  id: 'legacy-campaign-1',
  name: 'Spring dock rollout',
  createdAt: T0,
  firmware: [{ id: 'dock2', productVersion: '10.01.2000', fileName: 'dock2-10.01.2000.bin', model: '3-2-0' }],
  maxParallel: null,
  pauseAfterFailures: null,
  canarySize: null,
  gateways: [
    {
      gateway: 'DOCK-OLD-1',
      devices: [
        {
          sn: 'DOCK-OLD-1',
          product_version: '10.01.2000',
          file_url: 'http://files.test/dock2.bin',
          md5: 'd1c9dacec124abd350379eb44b9143e5',
          file_size: 4096,
          file_name: 'dock2-10.01.2000.bin',
          firmware_upgrade_type: 3,
        },
      ],
      deviceInfo: [{ sn: 'DOCK-OLD-1', modelKey: '3-2-0', fromVersion: '10.01.1000' }],
      attempts: [],
      retryRequested: false,
      skippedReason: null,
    },
  ],
  state: 'finished',
  pausedReason: null,
  failuresBeforeResume: 0,
  canaryDone: true,
  finishedAt: T0 + 60_000,
  updatedAt: T0 + 60_000,
};

const OLD_KEYS = ['ota-console.tasks', 'ota-console.fleet', 'ota-console.campaigns'];

test('a reload after upgrading from the localStorage version keeps the tasks, the fleet and the campaigns', async ({ page, broker }) => {
  // Seeded before the app's first script runs, on the first load only (a reload must not re-seed).
  await page.addInitScript(
    ({ tasks, fleet, campaigns }) => {
      if (sessionStorage.getItem('seeded') !== null) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('ota-console.tasks', tasks);
      localStorage.setItem('ota-console.fleet', fleet);
      localStorage.setItem('ota-console.campaigns', campaigns);
    },
    {
      tasks: JSON.stringify({ version: 1, savedAt: T0 + 6_000, tasks: [TASK] }),
      fleet: JSON.stringify(FLEET),
      campaigns: JSON.stringify({ version: 1, savedAt: T0 + 60_000, campaigns: [CAMPAIGN] }),
    },
  );
  const url = (route: string) => appUrl({ broker: broker.wsUrl }, route);
  await page.goto(url('/monitor'));
  await expect(progressBar(page, 'DOCK-OLD-1')).toHaveAttribute('aria-valuenow', '35');
  // Moved: the old keys are gone once the records are written.
  await expect.poll(() => page.evaluate((keys) => keys.filter((k) => localStorage.getItem(k) !== null), OLD_KEYS)).toEqual([]);

  await page.reload();
  await expect(progressBar(page, 'DOCK-OLD-1')).toHaveAttribute('aria-valuenow', '35');
  await expect(deviceRow(page, 'DOCK-OLD-1')).toBeVisible();

  await page.goto(url('/fleet'));
  const gateways = page.getByRole('table', { name: 'Gateways' });
  await expect(gateways.getByRole('rowheader', { name: /DOCK-OLD-1/ })).toBeVisible();
  await expect(gateways.getByRole('rowheader', { name: /DOCK-OLD-2/ })).toBeVisible();
  await expect(gateways.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /DOCK-OLD-1/ }) })).toContainText('10.01.1000');

  await page.goto(url('/campaigns'));
  // Shown by the name it was stored with; it links to its own page.
  const campaign = page.getByRole('main').getByRole('link', { name: 'Spring dock rollout' });
  await expect(campaign).toHaveAttribute('href', /#\/campaigns\/legacy-campaign-1$/);
  await campaign.click();
  await expect(page.getByRole('main')).toContainText('DOCK-OLD-1');
});
