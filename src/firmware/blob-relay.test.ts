import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BlobReaderHandle } from './blob-relay-chunks';
import { relayedChunks } from './blob-relay-chunks';
import type { BlobReaderReply, BlobReaderRequest, RelayPort } from './blob-relay-messages';
import { serveBlobReads } from './blob-relay-reader';
import { blobChunks } from './md5-core';
import { handleMd5Request, type Md5WorkerReply } from './md5-worker-protocol';

const nodeMd5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');
/** A Blob of `data` in parts of `partSize`: Node streams a Blob part by part, as the browser streams a file in pipe-sized chunks. */
const blobOf = (data: Uint8Array, partSize = 30_000) =>
  new Blob(Array.from({ length: Math.ceil(data.length / partSize) }, (_, i) => data.slice(i * partSize, (i + 1) * partSize)));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** One end posting to the other asynchronously, transferring like postMessage does (a sent buffer is detached). */
function end<In, Out>(deliver: (data: Out) => void): RelayPort<In, Out> {
  return {
    onmessage: null,
    postMessage(message, transfer) {
      const data = transfer ? structuredClone(message, { transfer }) : message;
      setTimeout(() => deliver(data), 0);
    },
  };
}

/** The hasher's handle wired to the real reader (serveBlobReads) in-process, counting what crosses. */
function inProcessReader() {
  const traffic = { sent: 0, acked: 0, maxUnacked: 0, maxChunk: 0, closed: false };
  const hasherSide: RelayPort<BlobReaderReply, BlobReaderRequest> = end<BlobReaderReply, BlobReaderRequest>((request) => {
    if (request.type === 'ack') traffic.acked += request.bytes;
    readerSide.onmessage?.({ data: request } as MessageEvent<BlobReaderRequest>);
  });
  const readerSide: RelayPort<BlobReaderRequest, BlobReaderReply> = end<BlobReaderRequest, BlobReaderReply>((reply) => {
    if (reply.type === 'chunk') {
      traffic.sent += reply.bytes.byteLength;
      traffic.maxChunk = Math.max(traffic.maxChunk, reply.bytes.byteLength);
      traffic.maxUnacked = Math.max(traffic.maxUnacked, traffic.sent - traffic.acked);
    }
    hasherSide.onmessage?.({ data: reply } as MessageEvent<BlobReaderReply>);
  });
  serveBlobReads(readerSide);
  const handle: BlobReaderHandle = { port: hasherSide, close: () => void (traffic.closed = true) };
  return { handle, traffic };
}

/** A handle whose reader sends the given replies, as a worker that fails would. */
function scriptedReader(replies: BlobReaderReply[]): BlobReaderHandle & { closed: boolean } {
  const handle = {
    closed: false,
    port: {
      onmessage: null as RelayPort<BlobReaderReply, BlobReaderRequest>['onmessage'],
      postMessage(request: BlobReaderRequest) {
        if (request.type !== 'read') return;
        for (const data of replies) setTimeout(() => handle.port.onmessage?.({ data } as MessageEvent<BlobReaderReply>), 0);
      },
    },
    close: () => void (handle.closed = true),
  };
  return handle;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('reading in a reader worker (relayedChunks + serveBlobReads)', () => {
  it('delivers the whole file in order, in several chunks, and closes the reader at the end', async () => {
    const data = randomBytes(300_007);
    const { handle, traffic } = inProcessReader();
    const got = await collect(relayedChunks(handle, blobOf(data), 100_000, () => blobChunks(new Blob([]))));
    expect(nodeMd5(got)).toBe(nodeMd5(data));
    expect(traffic.sent).toBe(data.length);
    expect(traffic.maxChunk).toBeLessThan(data.length);
    expect(traffic.closed).toBe(true);
  });

  it('holds back once maxInFlight bytes are unacknowledged, and goes on as chunks are hashed', async () => {
    const data = randomBytes(1_000_000);
    const { handle, traffic } = inProcessReader();
    const chunks = relayedChunks(handle, blobOf(data), 100_000, () => blobChunks(new Blob([])));
    await chunks.next(); // the consumer holds its first chunk, as while hashing it
    for (let i = 0; i < 20; i++) await tick();
    expect(traffic.sent).toBeGreaterThanOrEqual(100_000);
    expect(traffic.sent).toBeLessThan(100_000 + traffic.maxChunk);
    await collect(chunks);
    expect(traffic.sent).toBe(data.length);
    expect(traffic.maxUnacked).toBeLessThan(100_000 + traffic.maxChunk);
  });

  it('closes the reader when the consumer stops early', async () => {
    const { handle, traffic } = inProcessReader();
    for await (const _ of relayedChunks(handle, blobOf(randomBytes(500_000)), 100_000, () => blobChunks(new Blob([])))) break;
    expect(traffic.closed).toBe(true);
  });

  it('reads in this thread when the reader worker could not start', async () => {
    const data = randomBytes(5_000);
    const handle = scriptedReader([{ type: 'unavailable' }]);
    const got = await collect(relayedChunks(handle, new Blob([data]), 1_000, () => blobChunks(new Blob([data]), 1_000)));
    expect(nodeMd5(got)).toBe(nodeMd5(data));
    expect(handle.closed).toBe(true);
  });

  it('fails rather than falls back when the reader dies after sending chunks, and passes on a read error', async () => {
    const fallback = () => blobChunks(new Blob(['never read']));
    const died = scriptedReader([{ type: 'chunk', bytes: new Uint8Array(3) }, { type: 'unavailable' }]);
    await expect(collect(relayedChunks(died, new Blob(['abc']), 10, fallback))).rejects.toThrow('The file reader stopped.');
    const unreadable = scriptedReader([{ type: 'error', message: 'NotReadableError: gone' }]);
    await expect(collect(relayedChunks(unreadable, new Blob(['abc']), 10, fallback))).rejects.toThrow('NotReadableError: gone');
    expect(unreadable.closed).toBe(true);
  });

  it('the reader reports a stream that fails mid-read', async () => {
    const replies: BlobReaderReply[] = [];
    const port: RelayPort<BlobReaderRequest, BlobReaderReply> = { onmessage: null, postMessage: (reply) => void replies.push(reply) };
    serveBlobReads(port);
    const failing = {
      size: 10,
      stream: () => new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error('file vanished')) }),
    } as unknown as Blob;
    port.onmessage?.({ data: { type: 'read', file: failing, maxInFlight: 100 } } as MessageEvent<BlobReaderRequest>);
    await tick();
    expect(replies).toEqual([{ type: 'error', message: 'file vanished' }]);
  });
});

describe('the MD5 worker handler with a reader worker', () => {
  it('hashes like node:crypto and reports progress about every chunkSize bytes, ending at the total', async () => {
    const data = randomBytes(1_000_003);
    const { handle } = inProcessReader();
    const replies: Md5WorkerReply[] = [];
    await handleMd5Request(
      { type: 'hash', file: blobOf(data), chunkSize: 200_000 },
      (r) => replies.push(r),
      () => handle,
    );
    expect(replies.at(-1)).toEqual({ type: 'done', md5: nodeMd5(data), size: data.length });
    const progress = replies.flatMap((r) => (r.type === 'progress' ? [r.bytes] : []));
    expect(progress.at(-1)).toBe(data.length);
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress.length).toBeLessThanOrEqual(6);
    progress.slice(1).forEach((bytes, i) => expect(bytes).toBeGreaterThan(progress[i]!));
  });

  it('words a read error as the in-thread path does', async () => {
    const replies: Md5WorkerReply[] = [];
    const handle = scriptedReader([{ type: 'error', message: 'NotReadableError: gone' }]);
    await handleMd5Request(
      { type: 'hash', file: new Blob(['abc']) },
      (r) => replies.push(r),
      () => handle,
    );
    expect(replies).toEqual([{ type: 'error', message: 'Could not read the file: NotReadableError: gone' }]);
  });
});
