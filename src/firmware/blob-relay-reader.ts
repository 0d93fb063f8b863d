import type { BlobReaderReply, BlobReaderRequest, RelayPort } from './blob-relay-messages';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The reader worker: reads the file in large slices (`Blob.slice().arrayBuffer()`, each one
 * ArrayBuffer made in this thread and transferred whole) and hands each to the hasher, never more
 * than `maxInFlight` bytes it has not acknowledged, so memory stays bounded however fast reading
 * runs ahead of hashing. Large slices, not `Blob.stream()`'s pipe-sized chunks (about 2 MiB in
 * Chromium): eight times fewer hand-offs between the threads, each of which waits for a thread to
 * be scheduled when the machine is busy.
 */
export function serveBlobReads(port: RelayPort<BlobReaderRequest, BlobReaderReply>): void {
  let file: Blob | null = null;
  let offset = 0;
  let chunkSize = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let pumping = false;
  let finished = false;

  const pump = async () => {
    if (pumping || finished || file === null) return;
    pumping = true;
    try {
      while (inFlight < maxInFlight) {
        if (offset >= file.size) {
          finished = true;
          port.postMessage({ type: 'end' });
          return;
        }
        const end = Math.min(file.size, offset + chunkSize);
        const buffer = await file.slice(offset, end).arrayBuffer();
        offset = end;
        const bytes = new Uint8Array(buffer);
        inFlight += bytes.byteLength;
        port.postMessage({ type: 'chunk', bytes }, [buffer]);
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
    if (request.type === 'read' && file === null) {
      maxInFlight = request.maxInFlight;
      chunkSize = Math.max(1, Math.floor(request.chunkSize));
      file = request.file;
    } else if (request.type === 'ack') {
      inFlight -= request.bytes;
    }
    void pump();
  };
}
