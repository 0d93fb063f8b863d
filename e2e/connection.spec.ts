import { appUrl, expect, test } from './support/fixtures';

// Issue 2, "Must show": the connection state and the navigation of the accessibility contract
// (docs/architecture.md), against a real mosquitto and the production build.

const CONNECTED = /\bConnected\b/; // case-sensitive: "Disconnected" does not match
const NOT_CONNECTED = /Connecting|Reconnecting|Disconnected/;
const SCREENS = ['Upgrade', 'Monitor', 'Fleet', 'Firmware', 'Settings'] as const;
// The page's reconnect back-off decides how soon it notices a restarted broker.
const RECONNECT_TIMEOUT = 30_000;

test.describe('broker connection', () => {
  test('says Connected, then Reconnecting or Disconnected when the broker stops, then Connected again', async ({ page, broker }) => {
    test.setTimeout(90_000);
    await page.goto(appUrl({ broker: broker.wsUrl }));
    const status = page.getByRole('status', { name: 'Broker connection' });

    await expect(status).toContainText(CONNECTED);

    await broker.stop();
    await expect(status).toContainText(/Reconnecting|Disconnected/);
    await expect(status).not.toContainText(CONNECTED);

    await broker.start();
    await expect(status).toContainText(CONNECTED, { timeout: RECONNECT_TIMEOUT });
  });

  test('recovers when the broker is down at page load and comes up later', async ({ page, broker }) => {
    test.setTimeout(90_000);
    await broker.stop();
    await page.goto(appUrl({ broker: broker.wsUrl }));
    const status = page.getByRole('status', { name: 'Broker connection' });

    await expect(status).toContainText(NOT_CONNECTED);
    await expect(status).not.toContainText(CONNECTED);

    await broker.start();
    await expect(status).toContainText(CONNECTED, { timeout: RECONNECT_TIMEOUT });
  });

  test('survives a broker crash (SIGKILL) like a clean stop', async ({ page, broker }) => {
    test.setTimeout(90_000);
    await page.goto(appUrl({ broker: broker.wsUrl }));
    const status = page.getByRole('status', { name: 'Broker connection' });
    await expect(status).toContainText(CONNECTED);

    await broker.kill();
    await expect(status).toContainText(/Reconnecting|Disconnected/);

    await broker.start();
    await expect(status).toContainText(CONNECTED, { timeout: RECONNECT_TIMEOUT });
  });
});

test('the main navigation reaches every screen and each shows the connection status', async ({ page, broker }) => {
  await page.goto(appUrl({ broker: broker.wsUrl }));
  const nav = page.getByRole('navigation').filter({ has: page.getByRole('link', { name: 'Upgrade', exact: true }) });
  await expect(nav).toBeVisible();
  for (const name of SCREENS) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }

  // Walk the screens in reverse so every step is a real navigation away from the landing screen.
  for (const name of [...SCREENS].reverse()) {
    const link = nav.getByRole('link', { name, exact: true });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    const status = page.getByRole('status', { name: 'Broker connection' });
    await expect(status).toBeVisible();
    await expect(status).toContainText(CONNECTED);
  }
});
