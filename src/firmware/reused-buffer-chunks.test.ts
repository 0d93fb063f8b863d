import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reusedBufferChunks } from './reused-buffer-chunks';

const nodeMd5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');
/** A Blob of `data` in parts of `partSize`: Node streams a Blob part by part, as the browser streams a file in pipe-sized chunks. */
const blobOf = (data: Uint8Array, partSize: number) =>
  new Blob(Array.from({ length: Math.ceil(data.length / partSize) }, (_, i) => data.slice(i * partSize, (i + 1) * partSize)));

/** A Blob-shaped object whose stream is the given one. */
const blobStreaming = (stream: ReadableStream<Uint8Array>) => ({ size: 10, stream: () => stream }) as unknown as Blob;

describe('reusedBufferChunks', () => {
  it('reads the whole blob in order, no chunk larger than the buffer, each copied out before the next read', async () => {
    const data = randomBytes(300_007);
    const chunks = reusedBufferChunks(blobOf(data, 30_000), 8_192);
    expect(chunks).not.toBeNull();
    const copies: Uint8Array[] = [];
    let largest = 0;
    for await (const chunk of chunks!) {
      largest = Math.max(largest, chunk.byteLength);
      copies.push(chunk.slice());
    }
    expect(nodeMd5(Buffer.concat(copies))).toBe(nodeMd5(data));
    expect(largest).toBeLessThanOrEqual(8_192);
    expect(copies.length).toBeGreaterThanOrEqual(Math.ceil(data.length / 8_192));
  });

  it('reads every chunk into a buffer of the given size, not into one sized for the chunk', async () => {
    const buffers = new Set<number>();
    for await (const chunk of reusedBufferChunks(blobOf(randomBytes(10_000), 1_000), 4_096)!) {
      expect(chunk.byteLength).toBe(1_000);
      buffers.add(chunk.buffer.byteLength);
    }
    expect([...buffers]).toEqual([4_096]);
  });

  it('yields nothing for an empty blob', async () => {
    const got: Uint8Array[] = [];
    for await (const chunk of reusedBufferChunks(new Blob([]))!) got.push(chunk);
    expect(got).toEqual([]);
  });

  it('is null where the stream is not a byte stream, and refuses a bad buffer size', () => {
    expect(reusedBufferChunks(blobStreaming(new ReadableStream<Uint8Array>()))).toBeNull();
    expect(reusedBufferChunks({ size: 1 } as unknown as Blob)).toBeNull();
    expect(() => reusedBufferChunks(new Blob(['a']), 0)).toThrow(RangeError);
  });

  it('cancels the stream when the consumer stops early', async () => {
    let canceled = false;
    const stream = new ReadableStream({
      type: 'bytes',
      pull: (controller) => controller.enqueue(new Uint8Array(10)),
      cancel: () => void (canceled = true),
    });
    for await (const _ of reusedBufferChunks(blobStreaming(stream), 16)!) break;
    expect(canceled).toBe(true);
  });

  it('passes on a read error', async () => {
    const stream = new ReadableStream({ type: 'bytes', pull: (controller) => controller.error(new Error('file vanished')) });
    await expect(reusedBufferChunks(blobStreaming(stream))!.next()).rejects.toThrow('file vanished');
  });
});
