/**
 * Messages between the hashing worker and its reader worker (blob-reader.worker.ts). Reading a
 * File costs the reading thread about as much CPU as MD5 itself (copying out of the browser's data
 * pipe into fresh buffers), so the hashing worker hands that to a second thread and only hashes.
 */

/** Hasher -> reader: start streaming this file; or: the hasher is done with `bytes` more bytes. */
export type BlobReaderRequest = { type: 'read'; file: Blob; maxInFlight: number } | { type: 'ack'; bytes: number };

/** Reader -> hasher. `unavailable`: the reader worker could not start (no chunk was sent). */
export type BlobReaderReply =
  { type: 'chunk'; bytes: Uint8Array<ArrayBuffer> } | { type: 'end' } | { type: 'error'; message: string } | { type: 'unavailable' };

/** The slice of a Worker, a worker scope or a MessagePort used on either side: testable with plain objects. */
export interface RelayPort<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<In>) => void) | null;
}
