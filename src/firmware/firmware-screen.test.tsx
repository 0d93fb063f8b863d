import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
  md5: 'D1C9DACEC124ABD350379EB44B9143E5',
  release_notes: 'Better landing',
  released_at: '2024-02-01T10:00:00Z',
};

type Handler = (url: string, init?: RequestInit) => Response | Promise<Response>;

function stubFetch(handler: Handler) {
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => handler(input, init));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderScreen(catalogUrl: string | null = 'firmware/catalog.json') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderWithManualFirmware(
    <QueryClientProvider client={client}>
      <FirmwareScreen catalogUrl={catalogUrl ?? undefined} />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FirmwareScreen catalog', () => {
  it('lists valid entries with details resolved against the page, and the skipped ones with reasons', async () => {
    const fetchMock = stubFetch(() => Response.json({ firmware: [ENTRY, { ...ENTRY, id: 'broken', file_url: 'ftp://x/y.bin' }] }));
    renderScreen();
    const card = await screen.findByRole('article', { name: 'DJI Dock 2 10.01.1612' });
    expect(fetchMock).toHaveBeenCalledWith(new URL('firmware/catalog.json', document.baseURI).href, expect.anything());
    for (const text of [
      'DJI Dock 2 (3-2-0)',
      'dock2.bin',
      '2.0 KiB (2,048 bytes)',
      'd1c9dacec124abd350379eb44b9143e5',
      'Better landing',
      '2024-02-01',
    ]) {
      expect(within(card).getByText(text)).toBeInTheDocument();
    }
    expect(within(card).getByText(new URL('firmware/files/dock2.bin', document.baseURI).href)).toBeInTheDocument();
    expect(within(card).queryByText('manual')).not.toBeInTheDocument();
    const skipped = screen.getByRole('region', { name: 'Skipped catalog entries' });
    expect(skipped).toHaveTextContent('Entry 2 (broken): file_url URL must use http or https, not ftp');
  });

  it('shows loading, then an error with Retry that loads the catalog', async () => {
    let fail = true;
    stubFetch(() => (fail ? new Response('down', { status: 404, statusText: 'Not Found' }) : Response.json({ firmware: [ENTRY] })));
    const user = userEvent.setup();
    renderScreen();
    expect(screen.getByText('Loading the firmware catalog…')).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('HTTP 404 Not Found');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('article', { name: 'DJI Dock 2 10.01.1612' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('waits for the runtime configuration before fetching', () => {
    const fetchMock = stubFetch(() => Response.json({ firmware: [] }));
    renderScreen(null);
    expect(screen.getByText('Loading the firmware catalog…')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('FirmwareScreen pre-flight check', () => {
  const fileUrl = () => new URL('firmware/files/dock2.bin', document.baseURI).href;

  it('reports a size mismatch from HEAD', async () => {
    stubFetch((url, init) =>
      url === fileUrl() && init?.method === 'HEAD'
        ? new Response(null, { headers: { 'content-length': '1000' } })
        : Response.json({ firmware: [ENTRY] }),
    );
    const user = userEvent.setup();
    renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Check dock2.bin' }));
    const card = screen.getByRole('article', { name: 'DJI Dock 2 10.01.1612' });
    expect(await within(card).findByText('Size mismatch')).toBeInTheDocument();
    expect(card).toHaveTextContent('The server has 1,000 bytes, the firmware entry says 2,048 bytes.');
  });

  it('says "could not verify from this browser" when CORS blocks the file, never a mismatch', async () => {
    stubFetch((url) => (url === fileUrl() ? Promise.reject(new TypeError('Failed to fetch')) : Response.json({ firmware: [ENTRY] })));
    const user = userEvent.setup();
    renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Download and verify MD5 of dock2.bin' }));
    const card = screen.getByRole('article', { name: 'DJI Dock 2 10.01.1612' });
    expect(await within(card).findByText('Could not verify from this browser')).toBeInTheDocument();
    expect(card).not.toHaveTextContent(/mismatch/i);
  });

  it('shows download progress and Cancel stops the check without a result', async () => {
    let canceled = false;
    stubFetch((url, init) => {
      if (url !== fileUrl()) return Response.json({ firmware: [ENTRY] });
      const body = new ReadableStream<Uint8Array>({
        start: (c) => c.enqueue(new Uint8Array(1024)),
        cancel: () => void (canceled = true),
      });
      init?.signal?.addEventListener('abort', () => void (canceled = true));
      return new Response(body, { headers: { 'content-length': '2048' } });
    });
    const user = userEvent.setup();
    renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Download and verify MD5 of dock2.bin' }));
    const bar = await screen.findByRole('progressbar', { name: 'Downloading dock2.bin' });
    await vi.waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'));
    await user.click(screen.getByRole('button', { name: 'Cancel check of dock2.bin' }));
    await vi.waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
    expect(canceled).toBe(true);
    expect(screen.getByRole('button', { name: 'Check dock2.bin' })).toBeEnabled();
    expect(screen.queryByText(/Verified|mismatch|Could not verify/)).not.toBeInTheDocument();
  });
});
