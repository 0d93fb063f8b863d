import type { Page } from '@playwright/test';
import { appUrl, expect, test } from './support/fixtures';

// Issue 19: the dark theme follows prefers-color-scheme and the Settings switch (light, dark,
// system); Chinese gets a web font (Noto Sans SC) on a machine with no CJK font of its own, and
// only when Chinese is shown. This machine's Chromium has no CJK font: without the web font every
// Chinese character would draw as an empty box.

const CONNECTED = /\bConnected\b/;
const FONT_FAMILY = 'Noto Sans SC Variable';
const FONT_FILES = /noto-sans-sc/i;

/** Relative luminance of the operator layout's background (0 black .. 1 white). */
function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const layout = document.querySelector('[data-themed]');
    if (layout === null) throw new Error('no operator layout');
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.fillStyle = getComputedStyle(layout).backgroundColor;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...canvas.getImageData(0, 0, 1, 1).data].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

test('the theme follows the system until Settings picks one, and the choice survives a reload', async ({ page, broker }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(appUrl({ broker: broker.wsUrl }, '/settings'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  const html = page.locator('html');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.9);

  await theme.selectOption({ label: 'Dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(theme).toHaveValue('dark');
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);

  await theme.selectOption({ label: 'Light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await theme.selectOption({ label: 'As the system' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('the kiosk keeps its own dark board whatever the theme', async ({ page, broker }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(appUrl({ broker: broker.wsUrl, kiosk: true }));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The board's failure cards use red-950: the dark palette would have turned it light there.
  const [board, root] = await page
    .getByRole('main')
    .evaluate((main) =>
      [getComputedStyle(main), getComputedStyle(document.documentElement)].map((style) => style.getPropertyValue('--color-red-950').trim()),
    );
  expect(board).not.toBe('');
  expect(board).toBe(root);
});

test('an English page never downloads the Chinese font', async ({ page, broker }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(appUrl({ broker: broker.wsUrl }, '/upgrade'));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toContainText(CONNECTED);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  expect(requests.filter((url) => FONT_FILES.test(url))).toEqual([]);
  expect(await page.evaluate((family) => [...document.fonts].some((f) => f.family.replaceAll('"', '') === family), FONT_FAMILY)).toBe(
    false,
  );
});

test('Chinese draws with the web font, not empty boxes', async ({ page, broker }, testInfo) => {
  const fontFiles: string[] = [];
  page.on('request', (request) => {
    if (FONT_FILES.test(request.url())) fontFiles.push(request.url());
  });
  await page.goto(appUrl({ broker: broker.wsUrl, lang: 'zh-CN' }, '/upgrade'));
  await expect(page.getByRole('status', { name: 'MQTT 服务器连接' })).toHaveText('已连接');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('升级');

  // The faces the page's text needs are loaded (unicode-range: only those slices download).
  await expect
    .poll(() =>
      page.evaluate(
        (family) => [...document.fonts].filter((f) => f.family.replaceAll('"', '') === family && f.status === 'loaded').length,
        FONT_FAMILY,
      ),
    )
    .toBeGreaterThan(0);
  // Every slice the screen's words need, once the browser has fetched it (check() is true only then).
  await expect.poll(() => page.evaluate((family) => document.fonts.check(`16px "${family}"`, '固件升级设置'), FONT_FAMILY)).toBe(true);
  expect(fontFiles.some((url) => url.endsWith('.woff2'))).toBe(true);

  // No tofu: the heading's characters, drawn in the heading's own font, differ from the box a
  // character no font has (U+10FFFD) draws.
  const tofu = await page.evaluate(() => {
    const heading = document.querySelector('h1')!;
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.font = `48px ${getComputedStyle(heading).fontFamily}`;
    const draw = (text: string) => {
      ctx.clearRect(0, 0, 64, 64);
      ctx.fillText(text, 4, 52);
      return ctx.getImageData(0, 0, 64, 64).data.join(',');
    };
    const box = draw('\u{10FFFD}');
    return [...(heading.textContent ?? '')].filter((char) => draw(char) === box);
  });
  expect(tofu, 'characters drawn as empty boxes').toEqual([]);
  await testInfo.attach('upgrade-zh-CN', { body: await page.screenshot({ fullPage: false }), contentType: 'image/png' });
});
