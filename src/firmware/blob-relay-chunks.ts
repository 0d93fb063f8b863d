import type { BlobReaderReply, BlobReaderRequest, RelayPort } from './blob-relay-messages';

/** The hasher's end of a reader worker; `close` ends it (terminate). */
export interface BlobReaderHandle {
  port: RelayPort<BlobReaderReply, BlobReaderRequest>;
  close(): void;
}

/**
 * The chunks of `file` as read by a reader worker (blob-relay-reader.ts), in order. A chunk is
 * acknowledged when the consumer asks for the next one, i.e. once it is hashed, so the reader holds
 * back after `maxInFlight` bytes. If the reader could not start, `fallback` reads in this thread.
 */
export async function* relayedChunks(
  handle: BlobReaderHandle,
  file: Blob,
  maxInFlight: number,
  fallback: () => AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const queue: BlobReaderReply[] = [];
  let wake: (() => void) | null = null;
  handle.port.onmessage = (event) => {
    queue.push(event.data);
    wake?.();
    wake = null;
  };
  let received = 0;
  try {
    handle.port.postMessage({ type: 'read', file, maxInFlight });
    for (;;) {
      let reply = queue.shift();
      while (reply === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        reply = queue.shift();
      }
      if (reply.type === 'end') return;
      if (reply.type === 'error') throw new Error(reply.message);
      if (reply.type === 'unavailable') {
        if (received > 0) throw new Error('The file reader stopped.');
        yield* fallback();
        return;
      }
      received += reply.bytes.byteLength;
      yield reply.bytes;
      handle.port.postMessage({ type: 'ack', bytes: reply.bytes.byteLength });
    }
  } finally {
    handle.port.onmessage = null;
    handle.close();
  }
}
