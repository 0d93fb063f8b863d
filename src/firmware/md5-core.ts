import { createMD5 } from 'hash-wasm';

export interface FileDigest {
  /** Lowercase hex. */
  md5: string;
  /** Bytes hashed. */
  size: number;
}

export interface HashOptions {
  /** Called after every chunk with the bytes hashed so far. */
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
}

/**
 * MD5 and length of a stream of chunks, hashed incrementally so only one chunk is in memory at a
 * time (a 600 MB firmware never sits whole in a tab). The source decides where chunks come from:
 * a File (reused-buffer-chunks.ts, or blobChunks where it has no byte stream) or a download (streamChunks).
 */
export async function md5OfChunks(chunks: AsyncIterable<Uint8Array>, options: HashOptions = {}): Promise<FileDigest> {
  const hasher = await createMD5();
  hasher.init();
  let size = 0;
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    hasher.update(chunk);
    size += chunk.byteLength;
    options.onProgress?.(size);
  }
  options.signal?.throwIfAborted();
  return { md5: hasher.digest('hex'), size };
}

/**
 * 16 MiB: with one chunk read ahead, at most two chunks (32 MiB) are held; larger chunks mean fewer
 * reads and hash calls per file, which matters at 512 MB and more.
 */
export const DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;

/**
 * Reads a Blob (a File) slice by slice, one slice ahead: the next read runs while the consumer
 * hashes the current chunk (reading and hashing took turns before, at about half md5sum's speed).
 * Never more than one read ahead, so memory stays bounded by two chunks whatever the file size.
 */
export async function* blobChunks(blob: Blob, chunkSize = DEFAULT_CHUNK_SIZE): AsyncGenerator<Uint8Array> {
  if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new RangeError('chunkSize must be a positive integer');
  const read = (offset: number): Promise<ArrayBuffer> => blob.slice(offset, offset + chunkSize).arrayBuffer();
  let next: Promise<ArrayBuffer> | null = blob.size > 0 ? read(0) : null;
  try {
    for (let offset = chunkSize; next !== null; offset += chunkSize) {
      const current = await next;
      next = offset < blob.size ? read(offset) : null;
      yield new Uint8Array(current);
    }
  } finally {
    // Stopped early (canceled, or hashing failed): nobody awaits the read ahead, so its failure is not an error.
    next?.catch(() => undefined);
  }
}

/** Reads a response body; stopping early (break/return) cancels the download. */
export async function* streamChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
