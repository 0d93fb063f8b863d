import type { FileDigest } from './md5-core';
import type { Md5WorkerReply, Md5WorkerRequest } from './md5-worker-protocol';

/** The slice of a Worker used here, so tests can run the worker's handler in-process. */
export interface Md5WorkerLike {
  postMessage(message: Md5WorkerRequest): void;
  onmessage: ((event: MessageEvent<Md5WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type CreateMd5Worker = () => Md5WorkerLike;

export const createMd5Worker: CreateMd5Worker = () => new Worker(new URL('./md5.worker.ts', import.meta.url), { type: 'module' });

export class HashCanceledError extends Error {
  override name = 'HashCanceledError';
  constructor() {
    super('Hashing was canceled.');
  }
}

export interface FileHashJob {
  /** Rejects with HashCanceledError after cancel(), or an Error with a readable message. */
  result: Promise<FileDigest>;
  /** Stops reading at once: the worker is terminated, not asked. */
  cancel(): void;
}

/** Hashes a file off the main thread; one worker per job, gone when the job ends. */
export function hashFileInWorker(
  file: Blob,
  onProgress: (bytes: number, total: number) => void,
  createWorker: CreateMd5Worker = createMd5Worker,
): FileHashJob {
  const worker = createWorker();
  let settle: { resolve(d: FileDigest): void; reject(e: Error): void } | null = null;
  const result = new Promise<FileDigest>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (outcome: FileDigest | Error) => {
    if (settle === null) return;
    const { resolve, reject } = settle;
    settle = null;
    worker.terminate();
    if (outcome instanceof Error) reject(outcome);
    else resolve(outcome);
  };
  worker.onmessage = (event) => {
    const reply = event.data;
    if (reply.type === 'progress') onProgress(reply.bytes, reply.total);
    else if (reply.type === 'done') finish({ md5: reply.md5, size: reply.size });
    else finish(new Error(reply.message));
  };
  worker.onerror = (event) => finish(new Error(`The hashing worker failed: ${event.message || 'unknown error'}`));
  worker.postMessage({ type: 'hash', file });
  return { result, cancel: () => finish(new HashCanceledError()) };
}
