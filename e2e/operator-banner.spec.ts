import { appUrl, expect, test } from './support/fixtures';

// Stale data on the operator screens: while the session is not Connected every screen carries an
// alert saying since when (or why), and live figures are dimmed, pointing to it.

const CONNECTED = /\bConnected\b/; // case-sensitive: "Disconnected" does not match
const SCREENS = ['Upgrade', 'Monitor', 'Fleet', 'Firmware', 'Settings'] as const;
// The page's reconnect back-off decides how soon it notices a restarted broker.
const RECONNECT_TIMEOUT = 30_000;

test('every operator screen says since when the connection is lost, and the banner goes when the broker is back', async ({
  page,
  broker,
}) => {
  test.setTimeout(120_000);
  await page.goto(appUrl({ broker: broker.wsUrl }));
  const status = page.getByRole('status', { name: 'Broker connection' });
  const nav = page.getByRole('navigation').filter({ has: page.getByRole('link', { name: 'Upgrade', exact: true }) });
  const alert = page.getByRole('alert').filter({ hasText: 'Connection lost since' });
  await expect(status).toContainText(CONNECTED);
  await expect(alert).toHaveCount(0);

  await broker.stop();
  await expect(status).not.toContainText(CONNECTED);
  for (const name of SCREENS) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/Connection lost since \d\d:\d\d/);
  }
  // Figures stay, dimmed and described by the banner.
  await nav.getByRole('link', { name: 'Monitor', exact: true }).click();
  const tiles = page.getByRole('group', { name: 'Upgrade summary' });
  await expect(tiles.locator('[data-stale]').first()).toHaveAttribute('aria-describedby', 'connection-banner');
  await expect(tiles).toBeVisible();

  await broker.start();
  await expect(status).toContainText(CONNECTED, { timeout: RECONNECT_TIMEOUT });
  await expect(alert).toHaveCount(0);
  await expect(tiles.locator('[data-stale]')).toHaveCount(0);
});

test('a page opened while the broker is down says it is not connected yet, and why', async ({ page, broker }) => {
  test.setTimeout(90_000);
  await broker.stop();
  await page.goto(appUrl({ broker: broker.wsUrl }));
  const alert = page.getByRole('alert').filter({ hasText: 'Not connected yet' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(alert).toBeVisible();
  await expect(page.getByRole('region', { name: 'This console' })).not.toContainText('Connected to');

  await broker.start();
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED, { timeout: RECONNECT_TIMEOUT });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'This console' })).toContainText(`Connected to ${broker.wsUrl}`);
});
