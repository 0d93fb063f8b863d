import type { BlobReaderHandle } from './blob-relay-chunks';
import type { BlobReaderReply, BlobReaderRequest, RelayPort } from './blob-relay-messages';
import { handleMd5Request, type Md5WorkerReply } from './md5-worker-protocol';

// The DOM lib types `self` as a Window; this is the slice of a dedicated worker scope used here.
interface WorkerScope {
  postMessage(reply: Md5WorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

/**
 * A nested worker that reads the file while this one hashes (blob-relay-messages.ts says why).
 * It ends with this worker, so the page's terminate() on cancel stops both. A browser without
 * nested workers, or a reader script that fails to load, falls back to reading here.
 */
function openReader(): BlobReaderHandle | null {
  if (typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./blob-reader.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  const port = worker as RelayPort<BlobReaderReply, BlobReaderRequest>;
  worker.onerror = (event) => {
    event.preventDefault();
    port.onmessage?.(new MessageEvent<BlobReaderReply>('message', { data: { type: 'unavailable' } }));
  };
  return { port, close: () => worker.terminate() };
}

const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  void handleMd5Request(event.data, (reply) => scope.postMessage(reply), openReader);
});
