import { describe, expect, it, vi } from 'vitest';
import { CatalogLoadError, fetchCatalog } from './get-catalog';
import { CatalogFormatError } from './parse-catalog';

const URL_ = 'http://127.0.0.1:9999/catalog.json';
const ENTRY = { id: 'x', product_version: '1.0', file_name: 'x.bin', file_url: 'x.bin', file_size: 10, md5: 'A'.repeat(32) };

describe('fetchCatalog', () => {
  it('fetches without cache and parses against the absolute catalog URL', async () => {
    const fetchImpl = vi.fn(async () => Response.json({ firmware: [ENTRY] }));
    const parsed = await fetchCatalog(URL_, fetchImpl);
    expect(fetchImpl).toHaveBeenCalledWith(URL_, expect.objectContaining({ cache: 'no-cache' }));
    expect(parsed.firmware[0]).toMatchObject({ fileUrl: 'http://127.0.0.1:9999/x.bin', md5: 'a'.repeat(32) });
  });

  it('reports a network or CORS failure as a transient load error', async () => {
    const error = await fetchCatalog(URL_, async () => Promise.reject(new TypeError('Failed to fetch'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogLoadError);
    expect(error).toMatchObject({ transient: true, message: expect.stringMatching(/Could not reach the catalog .*CORS/) });
  });

  it('reports HTTP errors with the status; only server errors are transient', async () => {
    const notFound = await fetchCatalog(URL_, async () => new Response('nope', { status: 404, statusText: 'Not Found' })).catch(
      (e: unknown) => e,
    );
    expect(notFound).toMatchObject({ transient: false, message: expect.stringContaining('HTTP 404 Not Found') });
    const unavailable = await fetchCatalog(URL_, async () => new Response('', { status: 503 })).catch((e: unknown) => e);
    expect(unavailable).toMatchObject({ transient: true, message: expect.stringContaining('HTTP 503') });
  });

  it('refuses a web page (SPA fallback) and broken JSON as format errors', async () => {
    await expect(fetchCatalog(URL_, async () => new Response('<!doctype html><html></html>'))).rejects.toThrow(/answered with a web page/);
    await expect(fetchCatalog(URL_, async () => new Response('{"firmware": ['))).rejects.toBeInstanceOf(CatalogFormatError);
  });

  it('lets an abort propagate untouched', async () => {
    const abort = new DOMException('aborted', 'AbortError');
    await expect(fetchCatalog(URL_, async () => Promise.reject(abort))).rejects.toBe(abort);
  });
});
