import { isAbortError, type FetchLike } from './fetch-like';
import { englishText } from '../ui/i18n/message';
import { message } from './firmware-message';
import type { en } from './locales/en';
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

type Verdict = Omit<PreflightResult, 'mode' | 'checkedAt'>;

type DetailKey = keyof (typeof en)['preflight']['detail'];

function verdict(outcome: PreflightResult['outcome'], key: DetailKey, values?: Record<string, string | number>): Verdict {
  const msg = message(`preflight.detail.${key}`, values);
  return { outcome, message: msg, detail: englishText(msg) };
}

type SizeProblem = { key: 'compressed'; encoding: string } | { key: 'noLength' } | { key: 'badLength'; raw: string };

/** Abort is the operator's cancel: it propagates; anything else fetch throws is "unverifiable". */
async function request(url: string, init: RequestInit, deps: PreflightDeps): Promise<Response | Verdict> {
  let response: Response;
  try {
    response = await deps.fetch(url, { ...init, cache: 'no-store', signal: deps.signal });
  } catch (error) {
    if (isAbortError(error) || deps.signal?.aborted) throw error;
    return verdict('unverifiable', 'unreachable');
  }
  // Only a no-cors request yields these, and it hides status and headers: nothing to compare.
  if (response.type === 'opaque' || response.type === 'opaqueredirect') {
    return verdict('unverifiable', 'unreachable');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const method = init.method ?? 'GET';
    // The status is a code, not a quantity: passed as text so no language groups its digits.
    const status = String(response.status);
    return response.statusText
      ? verdict('unverifiable', 'httpWithText', { method, status, statusText: response.statusText })
      : verdict('unverifiable', 'http', { method, status });
  }
  return response;
}

/** Content-Length as a byte count, or a reason it cannot be compared with the file size. */
function declaredLength(response: Response): number | SizeProblem {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.trim().toLowerCase() !== 'identity') return { key: 'compressed', encoding };
  const raw = response.headers.get('content-length');
  if (raw === null) return { key: 'noLength' };
  if (!/^\s*\d+\s*$/.test(raw)) return { key: 'badLength', raw };
  return Number(raw);
}

async function checkSize(target: PreflightTarget, deps: PreflightDeps): Promise<Verdict> {
  const response = await request(target.fileUrl, { method: 'HEAD' }, deps);
  if (!(response instanceof Response)) return response;
  const length = declaredLength(response);
  if (typeof length !== 'number') {
    const { key, ...values } = length;
    return verdict('unverifiable', key, values);
  }
  if (length !== target.fileSize) return verdict('size-mismatch', 'sizeMismatch', { actual: length, expected: target.fileSize });
  return verdict('ok', 'sizeOk', { actual: length });
}

async function checkMd5(target: PreflightTarget, deps: PreflightDeps): Promise<Verdict> {
  const response = await request(target.fileUrl, { method: 'GET' }, deps);
  if (!(response instanceof Response)) return response;
  const length = declaredLength(response);
  // Wrong before the first byte: no need to download hundreds of megabytes to say so.
  if (typeof length === 'number' && length !== target.fileSize) {
    await response.body?.cancel().catch(() => undefined);
    return verdict('size-mismatch', 'sizeMismatch', { actual: length, expected: target.fileSize });
  }
  if (response.body === null) return verdict('unverifiable', 'noBody');

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
    return verdict('unverifiable', 'brokeOff', { received, error: error instanceof Error ? error.message : String(error) });
  }
  if (oversized) return verdict('size-mismatch', 'oversized', { expected: target.fileSize });
  if (received !== target.fileSize) return verdict('size-mismatch', 'receivedMismatch', { received, expected: target.fileSize });
  if (md5 !== target.md5.toLowerCase()) return verdict('md5-mismatch', 'md5Mismatch', { actual: md5, expected: target.md5.toLowerCase() });
  return verdict('ok', 'md5Ok', { received });
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
