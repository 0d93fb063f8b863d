import { appUrl, expect, test } from './support/fixtures';

// Issue 10: `?lang=zh-CN` shows the Chinese UI, the Settings choice survives a reload, and English
// comes back with the English accessible names of the accessibility contract (docs/architecture.md),
// which the other specs rely on.

const ZH_NAV = ['升级', '监控', '批量升级', '设备', '固件', '设置', '诊断'];
const EN_NAV = ['Upgrade', 'Monitor', 'Campaigns', 'Fleet', 'Firmware', 'Settings', 'Diagnostics'];
const ZH_CHUNK = /i18n-resources\.zh-CN/;

test('?lang=zh-CN shows the Chinese UI: navigation, connection status, settings, <html lang>', async ({ page, broker }) => {
  await page.goto(appUrl({ broker: broker.wsUrl, lang: 'zh-CN' }, '/settings'));
  await expect(page.getByRole('status', { name: 'MQTT 服务器连接' })).toHaveText('已连接');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link')).toHaveText(ZH_NAV);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
  await expect(page.getByRole('textbox', { name: '服务器地址' })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存并重新连接' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Broker connection' })).toHaveCount(0);
});

test('the Settings choice persists across a reload, and English restores the English names', async ({ page, broker }) => {
  const chunks: string[] = [];
  page.on('request', (request) => chunks.push(request.url()));
  await page.goto(appUrl({ broker: broker.wsUrl }, '/settings'));
  const englishStatus = page.getByRole('status', { name: 'Broker connection' });
  await expect(englishStatus).toHaveText('Connected');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // An English page never downloads the Chinese strings.
  expect(chunks.filter((url) => ZH_CHUNK.test(url))).toEqual([]);

  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
  await expect(page.getByRole('status', { name: 'MQTT 服务器连接' })).toHaveText('已连接');
  expect(chunks.some((url) => ZH_CHUNK.test(url))).toBe(true);

  await page.reload();
  await expect(page.getByRole('status', { name: 'MQTT 服务器连接' })).toHaveText('已连接');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link')).toHaveText(ZH_NAV);

  await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
  await expect(englishStatus).toHaveText('Connected');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(EN_NAV);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');

  await page.reload();
  await expect(englishStatus).toHaveText('Connected');
  await expect(nav.getByRole('link', { name: 'Upgrade', exact: true })).toBeVisible();
});

test('an unknown ?lang= is noted and the page stays English', async ({ page, broker }) => {
  await page.goto(appUrl({ broker: broker.wsUrl, lang: 'fr' }));
  await expect(page.getByRole('status', { name: 'Broker connection' })).toHaveText('Connected');
  await expect(page.getByRole('note')).toContainText('"fr"');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('opens in Chinese without any parameter', async ({ page, broker }) => {
    await page.goto(appUrl({ broker: broker.wsUrl }));
    await expect(page.getByRole('status', { name: 'MQTT 服务器连接' })).toHaveText('已连接');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});
