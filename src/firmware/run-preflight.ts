import { isAbortError, type FetchLike } from './fetch-like';
import { md5OfChunks, streamChunks } from './md5-core';
import type { PreflightMode, PreflightResult } from './preflight-result';

export interface PreflightTarget {
  fileUrl: string;
  fileSize: number;
  md5: string;
}

export interface PreflightDeps {
  fetch: FetchLike;
  signal?: AbortSignal;
  /** Download progress (md5 mode): bytes received, bytes expected. */
  onProgress?: (bytes: number, total: number) => void;
  now?: () => number;
}

const NOT_FROM_BROWSER =
  'the server could not be reached from this browser, or it does not allow this page to read the file (CORS). The dock downloads it from its own network and checks the MD5 itself';

type Verdict = Omit<PreflightResult, 'mode' | 'checkedAt'>;

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;

/** Abort is the operator's cancel: it propagates; anything else fetch throws is "unverifiable". */
async function request(url: string, init: RequestInit, deps: PreflightDeps): Promise<Response | Verdict> {
  let response: Response;
  try {
    response = await deps.fetch(url, { ...init, cache: 'no-store', signal: deps.signal });
  } catch (error) {
    if (isAbortError(error) || deps.signal?.aborted) throw error;
    return { outcome: 'unverifiable', detail: `Could not verify: ${NOT_FROM_BROWSER}.` };
  }
  // Only a no-cors request yields these, and it hides status and headers: nothing to compare.
  if (response.type === 'opaque' || response.type === 'opaqueredirect') {
    return { outcome: 'unverifiable', detail: `Could not verify: ${NOT_FROM_BROWSER}.` };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return {
      outcome: 'unverifiable',
      detail: `Could not verify: the server answered ${init.method ?? 'GET'} with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    };
  }
  return response;
}

/** Content-Length as a byte count, or a reason it cannot be compared with the file size. */
function declaredLength(response: Response): number | string {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return `the server compresses the file (${encoding}), so its length is not the file size`;
  const raw = response.headers.get('content-length');
  if (raw === null) return 'the server does not say the file size (no Content-Length)';
  if (!/^\s*\d+\s*$/.test(raw)) return `the server sent an unreadable Content-Length (${raw})`;
  return Number(raw);
}

async function checkSize(target: PreflightTarget, deps: PreflightDeps): Promise<Verdict> {
  const response = await request(target.fileUrl, { method: 'HEAD' }, deps);
  if (!(response instanceof Response)) return response;
  const length = declaredLength(response);
  if (typeof length === 'string') return { outcome: 'unverifiable', detail: `Could not verify the size: ${length}.` };
  if (length !== target.fileSize) {
    return { outcome: 'size-mismatch', detail: `The server has ${bytes(length)}, the firmware entry says ${bytes(target.fileSize)}.` };
  }
  return { outcome: 'ok', detail: `The server has ${bytes(length)}, as expected. MD5 not checked (download to check it).` };
}

async function checkMd5(target: PreflightTarget, deps: PreflightDeps): Promise<Verdict> {
  const response = await request(target.fileUrl, { method: 'GET' }, deps);
  if (!(response instanceof Response)) return response;
  const length = declaredLength(response);
  // Wrong before the first byte: no need to download hundreds of megabytes to say so.
  if (typeof length === 'number' && length !== target.fileSize) {
    await response.body?.cancel().catch(() => undefined);
    return { outcome: 'size-mismatch', detail: `The server has ${bytes(length)}, the firmware entry says ${bytes(target.fileSize)}.` };
  }
  if (response.body === null) return { outcome: 'unverifiable', detail: 'Could not verify: the server sent no file content.' };

  let received = 0;
  let oversized = false;
  const body = response.body;
  async function* upToExpected(): AsyncGenerator<Uint8Array> {
    for await (const chunk of streamChunks(body)) {
      received += chunk.byteLength;
      if (received > target.fileSize) {
        oversized = true;
        return; // cancels the download
      }
      yield chunk;
    }
  }
  let md5: string;
  try {
    ({ md5 } = await md5OfChunks(upToExpected(), { signal: deps.signal, onProgress: (done) => deps.onProgress?.(done, target.fileSize) }));
  } catch (error) {
    if (isAbortError(error) || deps.signal?.aborted) throw error;
    return { outcome: 'unverifiable', detail: `Could not verify: the download broke off after ${bytes(received)} (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (oversized) return { outcome: 'size-mismatch', detail: `The server sent more than the ${bytes(target.fileSize)} the firmware entry says.` };
  if (received !== target.fileSize) {
    return { outcome: 'size-mismatch', detail: `The server sent ${bytes(received)}, the firmware entry says ${bytes(target.fileSize)}.` };
  }
  if (md5 !== target.md5.toLowerCase()) {
    return { outcome: 'md5-mismatch', detail: `The downloaded file's MD5 is ${md5}, the firmware entry says ${target.md5.toLowerCase()}.` };
  }
  return { outcome: 'ok', detail: `Downloaded ${bytes(received)}; size and MD5 match.` };
}

/**
 * Checks a firmware file from this browser before it is sent to docks. Never reports a mismatch
 * for something it could not see: CORS and network failures are 'unverifiable'. Rejects only
 * when `signal` aborts (the operator canceled).
 */
export async function runPreflight(target: PreflightTarget, mode: PreflightMode, deps: PreflightDeps): Promise<PreflightResult> {
  const verdict = mode === 'size' ? await checkSize(target, deps) : await checkMd5(target, deps);
  return { ...verdict, mode, checkedAt: (deps.now ?? Date.now)() };
}
