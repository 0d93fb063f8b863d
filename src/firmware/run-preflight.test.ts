import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { FetchLike } from './fetch-like';
import { preflightBlocksStart, type PreflightResult } from './preflight-result';
import { runPreflight, type PreflightTarget } from './run-preflight';

const FILE = randomBytes(200_001);
const TARGET: PreflightTarget = {
  fileUrl: 'http://127.0.0.1:7/fw.bin',
  fileSize: FILE.length,
  md5: createHash('md5').update(FILE).digest('hex'),
};
const now = () => 1_700_000_000_000;

/** A file server: HEAD answers headers only, GET streams `body` in 64 KiB pieces. */
function serve(body: Uint8Array, headers: Record<string, string> = { 'content-length': String(body.length) }): FetchLike {
  return async (_url, init) => {
    if (init?.method === 'HEAD') return new Response(null, { headers });
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= body.length) return controller.close();
        controller.enqueue(body.slice(offset, offset + 65_536));
        offset += 65_536;
      },
    });
    return new Response(stream, { headers });
  };
}

const corsFailure: FetchLike = async () => Promise.reject(new TypeError('Failed to fetch'));

describe('runPreflight, size (HEAD)', () => {
  it('is ok when Content-Length equals file_size, using HEAD without cache', async () => {
    const fetchImpl = vi.fn(serve(FILE));
    const result = await runPreflight(TARGET, 'size', { fetch: fetchImpl, now });
    expect(result).toEqual({
      outcome: 'ok',
      mode: 'size',
      message: { ns: 'firmware', key: 'preflight.detail.sizeOk', values: { actual: 200_001 } },
      detail: expect.stringContaining('200,001 bytes, as expected'),
      checkedAt: now(),
    });
    expect(fetchImpl).toHaveBeenCalledWith(TARGET.fileUrl, expect.objectContaining({ method: 'HEAD', cache: 'no-store' }));
  });

  it('is a size mismatch when Content-Length differs', async () => {
    const result = await runPreflight(TARGET, 'size', { fetch: serve(FILE, { 'content-length': '1234' }) });
    expect(result.outcome).toBe('size-mismatch');
    expect(result.detail).toBe('The server has 1,234 bytes, the firmware entry says 200,001 bytes.');
  });

  it('is unverifiable, never a mismatch, when CORS or the network blocks the request', async () => {
    const result = await runPreflight(TARGET, 'size', { fetch: corsFailure });
    expect(result.outcome).toBe('unverifiable');
    expect(result.detail).toMatch(/could not be reached from this browser.*CORS/);
  });

  it('is unverifiable for an opaque response', async () => {
    const opaque = new Response(null);
    Object.defineProperty(opaque, 'type', { value: 'opaque' });
    expect((await runPreflight(TARGET, 'size', { fetch: async () => opaque })).outcome).toBe('unverifiable');
  });

  it('is unverifiable without Content-Length, with a compressed length, or on an HTTP error', async () => {
    const noLength = await runPreflight(TARGET, 'size', { fetch: serve(FILE, {}) });
    expect(noLength).toMatchObject({ outcome: 'unverifiable', detail: expect.stringContaining('no Content-Length') });
    const gzip = await runPreflight(TARGET, 'size', { fetch: serve(FILE, { 'content-length': '99', 'content-encoding': 'gzip' }) });
    expect(gzip).toMatchObject({ outcome: 'unverifiable', detail: expect.stringContaining('compresses') });
    const missing = await runPreflight(TARGET, 'size', { fetch: async () => new Response(null, { status: 404, statusText: 'Not Found' }) });
    expect(missing).toMatchObject({ outcome: 'unverifiable', detail: expect.stringContaining('HEAD with HTTP 404 Not Found') });
  });
});

describe('runPreflight, md5 (download)', () => {
  it('is ok when the downloaded bytes hash to the md5 (case-insensitive entry), reporting progress', async () => {
    const progress: [number, number][] = [];
    const result = await runPreflight({ ...TARGET, md5: TARGET.md5.toUpperCase() }, 'md5', {
      fetch: serve(FILE),
      onProgress: (b, t) => progress.push([b, t]),
    });
    expect(result).toMatchObject({ outcome: 'ok', mode: 'md5' });
    expect(progress).toHaveLength(4);
    expect(progress.at(-1)).toEqual([FILE.length, FILE.length]);
  });

  it('is an md5 mismatch when the bytes differ but the size is right', async () => {
    const corrupt = Uint8Array.from(FILE);
    corrupt[100_000] = corrupt[100_000]! ^ 0xff;
    const result = await runPreflight(TARGET, 'md5', { fetch: serve(corrupt) });
    expect(result.outcome).toBe('md5-mismatch');
    expect(result.detail).toContain(`the firmware entry says ${TARGET.md5}`);
  });

  it('is a size mismatch before downloading when Content-Length is already wrong', async () => {
    let pulled = 0;
    const fetchImpl: FetchLike = async () =>
      new Response(new ReadableStream({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(1))) }), {
        headers: { 'content-length': '5' },
      });
    expect((await runPreflight(TARGET, 'md5', { fetch: fetchImpl })).outcome).toBe('size-mismatch');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('is a size mismatch when a server without Content-Length sends too little or too much, stopping a long download early', async () => {
    expect((await runPreflight(TARGET, 'md5', { fetch: serve(FILE.subarray(0, 1000), {}) })).outcome).toBe('size-mismatch');
    let sent = 0;
    const endless: FetchLike = async () =>
      new Response(new ReadableStream({ pull: (c) => void ((sent += 65_536), c.enqueue(new Uint8Array(65_536))) }));
    const result = await runPreflight(TARGET, 'md5', { fetch: endless });
    expect(result).toMatchObject({ outcome: 'size-mismatch', detail: expect.stringContaining('more than the 200,001 bytes') });
    expect(sent).toBeLessThan(FILE.length + 4 * 65_536);
  });

  it('is unverifiable when CORS blocks the download or it breaks off', async () => {
    expect((await runPreflight(TARGET, 'md5', { fetch: corsFailure })).outcome).toBe('unverifiable');
    let sent = 0;
    const broken: FetchLike = async () =>
      new Response(
        new ReadableStream({
          pull(c) {
            if (sent > 0) return c.error(new TypeError('network error'));
            sent += 1000;
            c.enqueue(new Uint8Array(1000));
          },
        }),
      );
    expect(await runPreflight(TARGET, 'md5', { fetch: broken })).toMatchObject({
      outcome: 'unverifiable',
      detail: expect.stringContaining('broke off after 1,000 bytes'),
    });
  });

  it('rejects with the abort when the operator cancels mid-download', async () => {
    const controller = new AbortController();
    const result = runPreflight(TARGET, 'md5', { fetch: serve(FILE), signal: controller.signal, onProgress: () => controller.abort() });
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('preflightBlocksStart', () => {
  const result = (outcome: PreflightResult['outcome']): PreflightResult => ({
    outcome,
    mode: 'size',
    message: { ns: 'firmware', key: 'preflight.detail.noBody' },
    detail: '',
    checkedAt: 0,
  });
  it.each([
    [null, false, false],
    [result('ok'), false, false],
    [result('unverifiable'), false, false],
    [result('size-mismatch'), false, true],
    [result('md5-mismatch'), false, true],
    [result('size-mismatch'), true, false],
    [result('md5-mismatch'), true, false],
  ])('%j with override %s blocks: %s', (r, override, blocks) => {
    expect(preflightBlocksStart(r, override)).toBe(blocks);
  });
});
