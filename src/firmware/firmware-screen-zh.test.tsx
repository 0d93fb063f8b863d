import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../ui/i18n/i18n';
import FirmwareScreen from './firmware-screen';
import { renderWithManualFirmware } from './firmware-stores-test-kit';

const ENTRY = {
  id: 'dock2',
  model: '3-2-0',
  product_name: 'DJI Dock 2',
  product_version: '10.01.1612',
  file_name: 'dock2.bin',
  file_url: 'files/dock2.bin',
  file_size: 2048,
  md5: 'd1c9dacec124abd350379eb44b9143e5',
  released_at: '2024-02-01T10:00:00Z',
};

const fileUrl = () => new URL('firmware/files/dock2.bin', document.baseURI).href;

function stubFetch(handler: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => handler(input, init)),
  );
}

function renderScreen() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderWithManualFirmware(
    <QueryClientProvider client={client}>
      <FirmwareScreen catalogUrl="firmware/catalog.json" />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FirmwareScreen in Simplified Chinese', () => {
  it('shows the catalog, a skipped entry and a pre-flight size mismatch in Chinese with Chinese-formatted sizes and dates', async () => {
    stubFetch((url, init) =>
      url === fileUrl() && init?.method === 'HEAD'
        ? new Response(null, { headers: { 'content-length': '1000' } })
        : Response.json({ firmware: [ENTRY, { ...ENTRY, id: 'broken', file_url: 'ftp://x/y.bin' }] }),
    );
    await act(() => setLanguage('zh-CN', { persist: false }));
    const user = userEvent.setup();
    renderScreen();
    expect(screen.getByRole('heading', { level: 1, name: '固件' })).toBeInTheDocument();
    const card = await screen.findByRole('article', { name: 'DJI Dock 2 10.01.1612' });
    for (const text of ['型号', '发布日期', 'DJI Dock 2（3-2-0）', '2.0 KiB (2,048 字节)', '2024/02/01']) {
      expect(within(card).getByText(text)).toBeInTheDocument();
    }
    expect(screen.getByRole('list', { name: '目录中的固件' })).toBeInTheDocument();
    const skipped = screen.getByRole('region', { name: '已跳过的目录条目' });
    expect(skipped).toHaveTextContent('已跳过 1 个目录条目，因为它们无法下发到机场：');
    // The reason names the catalog's JSON field and quotes the field rule: kept in English.
    expect(skipped).toHaveTextContent('条目 2（broken）：file_url URL must use http or https, not ftp');

    await user.click(within(card).getByRole('button', { name: '检查 dock2.bin' }));
    expect(await within(card).findByText('大小不一致')).toBeInTheDocument();
    expect(card).toHaveTextContent('服务器上的文件为 1,000 字节，固件条目为 2,048 字节。');
    expect(within(card).getByRole('button', { name: '下载并校验 dock2.bin 的 MD5' })).toBeEnabled();
  });

  it('re-renders a pre-flight result already on screen when the language changes', async () => {
    stubFetch((url) => (url === fileUrl() ? Promise.reject(new TypeError('Failed to fetch')) : Response.json({ firmware: [ENTRY] })));
    const user = userEvent.setup();
    renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Check dock2.bin' }));
    const card = screen.getByRole('article', { name: 'DJI Dock 2 10.01.1612' });
    expect(await within(card).findByText('Could not verify from this browser')).toBeInTheDocument();
    await act(() => setLanguage('zh-CN', { persist: false }));
    expect(within(card).getByText('无法在此浏览器中验证')).toBeInTheDocument();
    expect(card).toHaveTextContent('无法验证：此浏览器无法访问该服务器，或服务器不允许此页面读取文件（CORS）。');
    expect(card).not.toHaveTextContent('Could not verify');
  });

  it('explains a catalog load error in Chinese', async () => {
    stubFetch(() => new Response('down', { status: 404, statusText: 'Not Found' }));
    await act(() => setLanguage('zh-CN', { persist: false }));
    renderScreen();
    const catalogUrl = new URL('firmware/catalog.json', document.baseURI).href;
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `无法加载固件目录。固件目录服务器对 ${catalogUrl} 返回了 HTTP 404 Not Found。`,
    );
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });

  it('shows the manual form, its field problems and the hash tool in Chinese', async () => {
    stubFetch(() => Response.json({ firmware: [] }));
    await act(() => setLanguage('zh-CN', { persist: false }));
    const user = userEvent.setup();
    renderScreen();
    expect(await screen.findByText('目录中没有可用的固件。')).toBeInTheDocument();
    expect(screen.getByText('还没有手动添加的固件。它们只保存在此浏览器中。')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '计算本地文件哈希' })).toBeInTheDocument();
    const form = screen.getByRole('form', { name: '手动添加固件' });
    await user.type(within(form).getByLabelText('文件地址'), 'ftp://host/a.bin');
    await user.type(within(form).getByLabelText('MD5'), 'abc');
    await user.click(within(form).getByRole('button', { name: '添加固件' }));
    for (const text of [
      '版本为空',
      '文件名为空',
      '地址必须使用 http 或 https，而不是 ftp',
      '文件大小为空',
      'MD5 必须是 32 位十六进制字符，当前为 3 位',
    ]) {
      expect(within(form).getByText(text)).toBeInTheDocument();
    }
    expect(within(form).getByRole('option', { name: '无：网关本身' })).toBeInTheDocument();
  });
});
