import { blobChunks, DEFAULT_CHUNK_SIZE, md5OfChunks } from './md5-core';
import { reusedBufferChunks } from './reused-buffer-chunks';

/** Page -> worker: hash this file. A File is a Blob and crosses postMessage without copying. */
export interface Md5WorkerRequest {
  type: 'hash';
  file: Blob;
  /** Bytes per progress report, and per read where the file cannot be read into a reused buffer. */
  chunkSize?: number;
}

/** Worker -> page. */
export type Md5WorkerReply =
  { type: 'progress'; bytes: number; total: number } | { type: 'done'; md5: string; size: number } | { type: 'error'; message: string };

// Duck-typed rather than `instanceof Blob`: every Blob implementation with slice() will do.
function isBlobLike(x: unknown): x is Blob {
  return typeof x === 'object' && x !== null && typeof (x as Blob).slice === 'function' && typeof (x as Blob).size === 'number';
}

function isRequest(data: unknown): data is Md5WorkerRequest {
  if (typeof data !== 'object' || data === null) return false;
  const { type, file, chunkSize } = data as Record<string, unknown>;
  return (
    type === 'hash' &&
    isBlobLike(file) &&
    (chunkSize === undefined || (typeof chunkSize === 'number' && Number.isInteger(chunkSize) && chunkSize > 0))
  );
}

/** The whole worker, minus `self`: testable in Node with a Blob and a collecting `post`. */
export async function handleMd5Request(data: unknown, post: (reply: Md5WorkerReply) => void): Promise<void> {
  if (!isRequest(data)) {
    post({ type: 'error', message: 'The hashing worker received a malformed request.' });
    return;
  }
  const { file } = data;
  const total = file.size;
  const chunkSize = data.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const chunks = reusedBufferChunks(file) ?? blobChunks(file, chunkSize);
  // Chunks read into the reused buffer are at most 1 MiB: report every chunkSize bytes, not every
  // chunk, so the page re-renders a few times a second, not hundreds.
  let reported = 0;
  try {
    const digest = await md5OfChunks(chunks, {
      onProgress: (bytes) => {
        if (bytes - reported < chunkSize && bytes !== total) return;
        reported = bytes;
        post({ type: 'progress', bytes, total });
      },
    });
    post({ type: 'done', md5: digest.md5, size: digest.size });
  } catch (error) {
    // e.g. NotReadableError when the file changed or vanished on disk while being read.
    post({ type: 'error', message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` });
  }
}
