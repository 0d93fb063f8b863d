import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { buildOtaProgress } from '../src/protocol/builders';
import { eventsTopic } from '../src/protocol/topics';
import { progressBar } from './support/monitor-publisher';
import { appUrl, expect, test } from './support/fixtures';
import { firmwareFile, startCatalogServer, startDockResponder, type SimDock } from './support/upgrade-dock-responder';

// Issue 10 (accessibility half): every operator screen and the kiosk, filled with realistic
// content from mosquitto, a Node dock responder and a CORS catalog server, scanned by axe-core
// against WCAG 2.0/2.1 A and AA. Serious and critical violations fail; the rest are annotated.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);
const CONNECTED = /\bConnected\b/;

const DOCK_FILE = firmwareFile('/files/dock2-10.01.2000.bin', 48 * 1024);
const AIRCRAFT_FILE = firmwareFile('/files/m3d-07.01.0100.bin', 32 * 1024);
const entry = (id: string, model: string, productName: string, version: string, file: { path: string; bytes: Buffer; md5: string }) => ({
  id,
  model,
  product_name: productName,
  product_version: version,
  file_name: file.path.split('/').pop(),
  file_url: file.path.slice(1),
  file_size: file.bytes.length,
  md5: file.md5,
  release_notes: 'Fixes RTK drift; improves cooling fan control.',
  released_at: '2024-05-01T00:00:00Z',
});

let catalog: Awaited<ReturnType<typeof startCatalogServer>>;

test.beforeAll(async () => {
  catalog = await startCatalogServer(
    {
      firmware: [
        entry('dock2', '3-2-0', 'DJI Dock 2', '10.01.2000', DOCK_FILE),
        entry('m3d', '0-91-0', 'Mavic 3D', '07.01.0100', AIRCRAFT_FILE),
      ],
    },
    [DOCK_FILE, AIRCRAFT_FILE],
  );
});

test.afterAll(async () => {
  await catalog.close();
});

interface Finding {
  screen: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const describe = (screen: string, r: Result) =>
  `${screen}: ${r.id} (${r.help}) at ${r.nodes
    .slice(0, 3)
    .map((n) => n.target.join(' '))
    .join(', ')}`;

// Annotations reach the HTML report; the line on stdout shows in the list reporter's output.
function note(testInfo: TestInfo, type: string, description: string) {
  testInfo.annotations.push({ type, description });
  console.log(`[${type}] ${description}`);
}

/**
 * Scans the page as it is now. WCAG A/AA serious and critical violations are returned (they fail
 * the test); the milder ones, axe's best-practice findings and its "needs review" results are
 * annotated so they show in the report without failing it.
 */
async function scan(page: Page, testInfo: TestInfo, screen: string): Promise<Finding[]> {
  // resultTypes: axe skips collecting node details for passes, which is most of a scan's time.
  const { violations, incomplete } = await new AxeBuilder({ page })
    .withTags([...WCAG_TAGS, 'best-practice'])
    .options({ resultTypes: ['violations', 'incomplete'] })
    .analyze();
  const blocking: Finding[] = [];
  for (const v of violations) {
    const impact = v.impact ?? 'unknown';
    const wcag = v.tags.some((t) => WCAG_TAGS.includes(t));
    if (wcag && BLOCKING.has(impact)) {
      blocking.push({ screen, id: v.id, impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) });
    } else {
      note(testInfo, `a11y ${wcag ? 'wcag' : 'best-practice'} ${impact}`, describe(screen, v));
    }
  }
  for (const r of incomplete) note(testInfo, 'a11y needs review', describe(screen, r));
  return blocking;
}

const report = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.screen}: [${f.impact}] ${f.id} — ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');

function fleetOf(prefix: string, count: number): SimDock[] {
  return Array.from({ length: count }, (_, i) => ({
    sn: `${prefix}-DOCK-${i + 1}`,
    aircraft: `${prefix}-AC-${i + 1}`,
    dockVersion: '10.01.1000',
    aircraftVersion: '07.00.0001',
  }));
}

async function openFromNav(page: Page, name: string, ready: Parameters<Page['getByRole']>) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole(...ready).first()).toBeVisible();
}

// Both themes: the dark one follows prefers-color-scheme when Settings says "As the system" (the default).
for (const colorScheme of ['light', 'dark'] as const) {
  test(`operator screens with live content have no serious or critical axe violations (${colorScheme} theme)`, async ({
    page,
    broker,
    mqttClient,
  }, testInfo) => {
    // Twelve full-page scans in one session (the campaign it starts feeds the later screens).
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme });
    const blocking: Finding[] = [];
    const fleet = fleetOf('AXE', 4);
    await page.goto(appUrl({ broker: broker.wsUrl, catalog: catalog.catalogUrl }, '/upgrade'));
    await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    const device = await mqttClient(broker.tcpUrl);
    const responder = await startDockResponder(device, fleet, (gateway) => (gateway === fleet[1]!.sn ? 312015 : 0));
    await responder.announce();

    // Upgrade: firmware chosen, three gateways selected, the preview and start section filled in.
    await page
      .getByRole('radiogroup', { name: /^Firmware for DJI Dock 2/ })
      .getByRole('radio', { name: /dock2-10\.01\.2000\.bin/ })
      .check();
    await page
      .getByRole('radiogroup', { name: /^Firmware for Mavic 3D/ })
      .getByRole('radio', { name: /m3d-07\.01\.0100\.bin/ })
      .check();
    for (const dock of fleet.slice(0, 3)) await page.getByRole('checkbox', { name: `Select gateway ${dock.sn}` }).check();
    blocking.push(...(await scan(page, testInfo, 'Upgrade')));
    await page.getByRole('button', { name: /^Dry-run preview/ }).click();
    await expect(page.getByRole('group', { name: `Send to ${fleet[0]!.sn}` })).toBeVisible();
    blocking.push(...(await scan(page, testInfo, 'Upgrade: dry-run preview')));

    await page.getByRole('button', { name: 'Start upgrade' }).click();
    await expect(page.getByRole('dialog')).toContainText('Upgrade 3 gateways');
    blocking.push(...(await scan(page, testInfo, 'Upgrade: confirm dialog')));
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(page).toHaveURL(/#\/campaigns\/[^/]+$/);
    await expect.poll(() => responder.seen.length).toBeGreaterThanOrEqual(2);

    // Progress for the accepted tasks: one mid-download, one failed; the third was rejected (312015).
    const bidOf = (sn: string) => responder.seen.find((s) => s.gateway === sn)?.bid;
    await expect.poll(() => bidOf(fleet[0]!.sn)).toBeDefined();
    await responder.progress(fleet[0]!.sn, {
      bid: bidOf(fleet[0]!.sn)!,
      status: 'in_progress',
      subStatus: 'DOWNLOADING',
      step: 'download_firmware',
      percent: 42,
      rate: 2_400_000,
    });
    await expect.poll(() => bidOf(fleet[2]!.sn)).toBeDefined();
    await responder.progress(fleet[2]!.sn, {
      bid: bidOf(fleet[2]!.sn)!,
      status: 'failed',
      subStatus: 'DOWNLOAD_FAILED',
      step: 'download_firmware',
      percent: 17,
    });
    // Malformed traffic gives the Diagnostics screen something to show.
    await device.publish(eventsTopic(fleet[3]!.sn), '{"method":"ota_progress","data":');
    await device.publish(eventsTopic(fleet[3]!.sn), {
      tid: 't',
      bid: 'b',
      timestamp: Date.now(),
      method: 'ota_progress',
      data: { output: { progress: 'half' } },
    });
    await expect(page.getByRole('heading').first()).toBeVisible();
    blocking.push(...(await scan(page, testInfo, 'Campaign detail')));

    await openFromNav(page, 'Monitor', ['progressbar', { name: `Upgrade progress ${fleet[0]!.sn}`, exact: true }]);
    await expect(progressBar(page, fleet[0]!.sn)).toHaveAttribute('aria-valuenow', '42');
    blocking.push(...(await scan(page, testInfo, 'Monitor')));

    await page.getByRole('link', { name: fleet[0]!.sn, exact: true }).first().click();
    await expect(page.getByRole('table', { name: 'Devices' })).toBeVisible();
    blocking.push(...(await scan(page, testInfo, 'Task detail')));

    await openFromNav(page, 'Campaigns', ['heading', {}]);
    blocking.push(...(await scan(page, testInfo, 'Campaigns')));

    await openFromNav(page, 'Fleet', ['heading', {}]);
    await expect(page.getByText(fleet[3]!.sn).first()).toBeVisible();
    blocking.push(...(await scan(page, testInfo, 'Fleet')));

    await openFromNav(page, 'Firmware', ['heading', {}]);
    await expect(page.getByText('dock2-10.01.2000.bin').first()).toBeVisible();
    blocking.push(...(await scan(page, testInfo, 'Firmware')));

    await openFromNav(page, 'Settings', ['heading', {}]);
    blocking.push(...(await scan(page, testInfo, 'Settings')));

    await openFromNav(page, 'Diagnostics', ['heading', {}]);
    blocking.push(...(await scan(page, testInfo, 'Diagnostics')));

    // With the broker gone the connection state and any stale marking must stay readable.
    await openFromNav(page, 'Monitor', ['progressbar', { name: `Upgrade progress ${fleet[0]!.sn}`, exact: true }]);
    await broker.stop();
    await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(/Reconnecting|Disconnected/);
    blocking.push(...(await scan(page, testInfo, 'Monitor: broker down')));

    expect(blocking, report(blocking)).toEqual([]);
  });
}

test('kiosk wallboard with live progress and failures has no serious or critical axe violations', async ({
  page,
  broker,
  mqttClient,
}, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(appUrl({ kiosk: true, broker: broker.wsUrl }));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  const device = await mqttClient(broker.tcpUrl);
  const progress = (gateway: string, input: Parameters<typeof buildOtaProgress>[0]) =>
    device.publish(eventsTopic(gateway), buildOtaProgress(input));
  for (let i = 1; i <= 5; i++) {
    await progress(`KIOSK-${i}`, {
      bid: `k-${i}`,
      status: 'in_progress',
      percent: i * 15,
      step: 'download_firmware',
      subStatus: 'DOWNLOADING',
      rate: 2_500_000,
    });
  }
  await progress('KIOSK-OK', { bid: 'k-ok', status: 'ok', percent: 100, step: 'upgrade_firmware', subStatus: 'UPGRADE_SUCCESS' });
  await progress('KIOSK-F1', { bid: 'k-f1', status: 'failed', percent: 35, step: 'download_firmware', subStatus: 'DOWNLOAD_FAILED' });
  await progress('KIOSK-F2', { bid: 'k-f2', status: 'rejected', percent: 0, result: 312015 });
  await expect(page.getByRole('list', { name: 'Recent failures' })).toContainText('312015');
  await expect(progressBar(page, 'KIOSK-5')).toHaveAttribute('aria-valuenow', '75');

  const blocking = await scan(page, testInfo, 'Kiosk');
  // The stale board (dimmed data under a banner) must stay readable too.
  await broker.stop();
  await expect(page.getByRole('alert')).toContainText('Connection lost');
  await expect(page.getByText('Data may be out of date')).toBeVisible();
  blocking.push(...(await scan(page, testInfo, 'Kiosk: connection lost')));
  expect(blocking, report(blocking)).toEqual([]);
});
