import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blobChunks, md5OfChunks, streamChunks } from './md5-core';
import { handleMd5Request, type Md5WorkerReply } from './md5-worker-protocol';

const nodeMd5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');

async function* fromArrays(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield p;
}

describe('md5OfChunks', () => {
  it('gives the well-known digest of empty input', async () => {
    expect(await md5OfChunks(fromArrays([]))).toEqual({ md5: 'd41d8cd98f00b204e9800998ecf8427e', size: 0 });
  });

  it('matches node:crypto for one chunk and for the same bytes split at odd boundaries', async () => {
    const data = randomBytes(1_000_003);
    const expected = nodeMd5(data);
    expect(await md5OfChunks(fromArrays([data]))).toEqual({ md5: expected, size: data.length });
    const parts = [data.subarray(0, 1), data.subarray(1, 65_537), data.subarray(65_537, 65_537), data.subarray(65_537)];
    expect(await md5OfChunks(fromArrays(parts))).toEqual({ md5: expected, size: data.length });
  });

  it('reports the running byte count after every chunk', async () => {
    const seen: number[] = [];
    await md5OfChunks(fromArrays([new Uint8Array(3), new Uint8Array(5)]), { onProgress: (b) => seen.push(b) });
    expect(seen).toEqual([3, 8]);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    async function* endless() {
      for (;;) {
        controller.abort();
        yield new Uint8Array(1);
      }
    }
    await expect(md5OfChunks(endless(), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('blobChunks', () => {
  it('slices a blob into chunks of the given size, the last one shorter', async () => {
    const data = randomBytes(10_000);
    const sizes: number[] = [];
    const parts: Uint8Array[] = [];
    for await (const chunk of blobChunks(new Blob([data]), 4096)) {
      sizes.push(chunk.byteLength);
      parts.push(chunk);
    }
    expect(sizes).toEqual([4096, 4096, 1808]);
    expect(nodeMd5(Buffer.concat(parts))).toBe(nodeMd5(data));
  });

  it('yields nothing for an empty blob and refuses a bad chunk size', async () => {
    const empty: Uint8Array[] = [];
    for await (const chunk of blobChunks(new Blob([]), 10)) empty.push(chunk);
    expect(empty).toEqual([]);
    await expect(blobChunks(new Blob(['a']), 0).next()).rejects.toThrow(RangeError);
  });
});

/** A Blob whose reads are counted and released by hand, to see when blobChunks reads. */
function controlledBlob(size: number) {
  const reads: { start: number; release(): void; fail(e: Error): void }[] = [];
  const blob = {
    size,
    slice(start = 0, end = size) {
      return {
        arrayBuffer: () =>
          new Promise<ArrayBuffer>((resolve, reject) => {
            reads.push({ start, release: () => resolve(new ArrayBuffer(Math.min(end, size) - start)), fail: reject });
          }),
      };
    },
  } as unknown as Blob;
  return { blob, reads };
}

describe('blobChunks reading ahead', () => {
  it('starts reading the next chunk before the current one is handed over, and never more than one ahead', async () => {
    const { blob, reads } = controlledBlob(10);
    const chunks = blobChunks(blob, 4);
    const first = chunks.next();
    await Promise.resolve();
    expect(reads.map((r) => r.start)).toEqual([0]);
    reads[0]!.release();
    expect((await first).value?.byteLength).toBe(4);
    // The consumer holds chunk 1 (hashing it): chunk 2 is already being read, chunk 3 not yet.
    expect(reads.map((r) => r.start)).toEqual([0, 4]);
    const second = chunks.next();
    reads[1]!.release();
    expect((await second).value?.byteLength).toBe(4);
    expect(reads.map((r) => r.start)).toEqual([0, 4, 8]);
    const third = chunks.next();
    reads[2]!.release();
    expect((await third).value?.byteLength).toBe(2);
    expect((await chunks.next()).done).toBe(true);
    expect(reads).toHaveLength(3);
  });

  it('stopping early leaves the read ahead unawaited without an unhandled rejection', async () => {
    const { blob, reads } = controlledBlob(10);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const chunks = blobChunks(blob, 4);
      const first = chunks.next();
      await Promise.resolve();
      reads[0]!.release();
      await first;
      await chunks.return(undefined);
      reads[1]!.fail(new Error('file vanished'));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
      expect(reads).toHaveLength(2);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('streamChunks', () => {
  it('cancels the stream when the consumer stops early', async () => {
    let canceled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull: (c) => c.enqueue(new Uint8Array(10)),
      cancel: () => {
        canceled = true;
      },
    });
    for await (const _ of streamChunks(stream)) break;
    expect(canceled).toBe(true);
  });
});

describe('the MD5 worker handler', () => {
  it('hashes a multi-chunk file like node:crypto and reports progress every chunkSize bytes, ending at the total', async () => {
    const data = randomBytes(3 * 1024 + 17);
    // In parts of 256 bytes: the stream hands over one part per read, far more reads than reports.
    const file = new Blob(Array.from({ length: 13 }, (_, i) => data.subarray(i * 256, (i + 1) * 256)));
    const replies: Md5WorkerReply[] = [];
    await handleMd5Request({ type: 'hash', file, chunkSize: 1024 }, (r) => replies.push(r));
    expect(replies.filter((r) => r.type === 'progress')).toEqual(
      [1024, 2048, 3072, 3089].map((bytes) => ({ type: 'progress', bytes, total: 3089 })),
    );
    expect(replies.at(-1)).toEqual({ type: 'done', md5: nodeMd5(data), size: 3089 });
  });

  it('reads with slices where the file has no byte stream, and words a read error', async () => {
    const data = randomBytes(2_000);
    const sliceOnly = {
      size: data.length,
      slice: (start: number, end: number) => new Blob([data.subarray(start, end)]),
    } as unknown as Blob;
    const replies: Md5WorkerReply[] = [];
    await handleMd5Request({ type: 'hash', file: sliceOnly, chunkSize: 512 }, (r) => replies.push(r));
    expect(replies.filter((r) => r.type === 'progress')).toHaveLength(4);
    expect(replies.at(-1)).toEqual({ type: 'done', md5: nodeMd5(data), size: data.length });

    const failing = {
      size: 10,
      slice: () => new Blob([]),
      stream: () => new ReadableStream({ type: 'bytes', pull: (c) => c.error(new Error('NotReadableError: gone')) }),
    } as unknown as Blob;
    const failed: Md5WorkerReply[] = [];
    await handleMd5Request({ type: 'hash', file: failing }, (r) => failed.push(r));
    expect(failed).toEqual([{ type: 'error', message: 'Could not read the file: NotReadableError: gone' }]);
  });

  it('hashes an empty file', async () => {
    const replies: Md5WorkerReply[] = [];
    await handleMd5Request({ type: 'hash', file: new Blob([]) }, (r) => replies.push(r));
    expect(replies).toEqual([{ type: 'done', md5: 'd41d8cd98f00b204e9800998ecf8427e', size: 0 }]);
  });

  it.each([[null], [{ type: 'hash' }], [{ type: 'hash', file: new Blob([]), chunkSize: -1 }], [{ type: 'other', file: new Blob([]) }]])(
    'answers a malformed request %j with an error',
    async (request) => {
      const replies: Md5WorkerReply[] = [];
      await handleMd5Request(request, (r) => replies.push(r));
      expect(replies).toEqual([{ type: 'error', message: expect.stringContaining('malformed') }]);
    },
  );
});
