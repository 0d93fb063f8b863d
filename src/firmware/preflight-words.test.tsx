import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import FirmwareScreen from './firmware-screen';
import { renderWithManualFirmware } from './firmware-stores-test-kit';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';
import { preflightOutcomeKey } from './use-preflight-outcome-label';

const ENTRY = {
  id: 'dock2',
  model: '3-2-0',
  product_name: 'DJI Dock 2',
  product_version: '10.01.1612',
  file_name: 'dock2.bin',
  file_url: 'files/dock2.bin',
  file_size: 2048,
  md5: 'D1C9DACEC124ABD350379EB44B9143E5',
  release_notes: '',
  released_at: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('pre-flight words', () => {
  it('a matching size reads "Checked size", never a green "Verified"', async () => {
    const fileUrl = new URL('firmware/files/dock2.bin', document.baseURI).href;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) =>
        url === fileUrl && init?.method === 'HEAD'
          ? new Response(null, { headers: { 'content-length': '2048' } })
          : Response.json({ firmware: [ENTRY] }),
      ),
    );
    const user = userEvent.setup();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    renderWithManualFirmware(
      <QueryClientProvider client={client}>
        <FirmwareScreen catalogUrl="firmware/catalog.json" />
      </QueryClientProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Check dock2.bin' }));
    const card = screen.getByRole('article', { name: 'DJI Dock 2 10.01.1612' });
    const badge = await within(card).findByText('Checked size');
    expect(card).not.toHaveTextContent('Verified');
    expect(badge.className).not.toMatch(/green/);
    expect(card).toHaveTextContent('MD5 not checked');
  });

  it('"MD5 matches" only for a download that compared the MD5, in both languages', () => {
    expect(preflightOutcomeKey({ outcome: 'ok', mode: 'md5' })).toBe('preflight.outcome.okMd5');
    expect(preflightOutcomeKey({ outcome: 'ok', mode: 'size' })).toBe('preflight.outcome.okSize');
    expect(preflightOutcomeKey({ outcome: 'md5-mismatch', mode: 'md5' })).toBe('preflight.outcome.md5-mismatch');
    expect(en.preflight.outcome.okMd5).toBe('MD5 matches');
    expect(en.preflight.outcome.okSize).toBe('Checked size');
    expect(zhCN.preflight.outcome.okMd5).toBe('MD5 一致');
    expect(zhCN.preflight.outcome.okSize).toBe('大小已核对');
  });
});
