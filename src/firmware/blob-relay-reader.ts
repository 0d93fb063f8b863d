import type { BlobReaderReply, BlobReaderRequest, RelayPort } from './blob-relay-messages';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A chunk the reader may transfer: its own whole ArrayBuffer (else copied, so nothing else is detached). */
function ownBuffer(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  if (chunk.buffer instanceof ArrayBuffer && chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength) {
    return chunk as Uint8Array<ArrayBuffer>;
  }
  return chunk.slice();
}

/**
 * The reader worker: streams the file (one sequential read, cheaper for the browser than a slice
 * per chunk) and transfers each chunk to the hasher, never more than `maxInFlight` bytes it has not
 * acknowledged, so memory stays bounded however fast reading runs ahead of hashing.
 */
export function serveBlobReads(port: RelayPort<BlobReaderRequest, BlobReaderReply>): void {
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  let inFlight = 0;
  let maxInFlight = 0;
  let pumping = false;
  let finished = false;

  const pump = async () => {
    if (pumping || finished || reader === null) return;
    pumping = true;
    try {
      while (inFlight < maxInFlight) {
        const next = await reader.read();
        if (next.done) {
          finished = true;
          port.postMessage({ type: 'end' });
          return;
        }
        const bytes = ownBuffer(next.value);
        inFlight += bytes.byteLength;
        port.postMessage({ type: 'chunk', bytes }, [bytes.buffer]);
      }
    } catch (error) {
      // e.g. NotReadableError: the file changed or vanished on disk while being read.
      finished = true;
      port.postMessage({ type: 'error', message: errorText(error) });
    } finally {
      pumping = false;
    }
  };

  port.onmessage = (event) => {
    const request = event.data;
    if (request.type === 'read' && reader === null) {
      maxInFlight = request.maxInFlight;
      reader = request.file.stream().getReader();
    } else if (request.type === 'ack') {
      inFlight -= request.bytes;
    }
    void pump();
  };
}
