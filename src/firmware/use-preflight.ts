import { skipToken, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { browserFetch, type FetchLike } from './fetch-like';
import { firmwareKeys } from './firmware-keys';
import type { PreflightMode, PreflightResult } from './preflight-result';
import { runPreflight, type PreflightTarget } from './run-preflight';

export interface PreflightProgress {
  bytes: number;
  total: number;
}

export interface PreflightState {
  /** The latest completed check of this file (from this screen or another), or null. */
  result: PreflightResult | null;
  running: boolean;
  /** Download progress of a running md5 check started here. */
  progress: PreflightProgress | null;
  /** 'size' (HEAD) by default; 'md5' downloads the whole file. */
  check(mode?: PreflightMode): void;
  cancel(): void;
}

// Results outlive the screen that ran them: the upgrade screen reads what the firmware screen checked.
const RESULT_GC_TIME = 60 * 60_000;

function runCheck(
  client: QueryClient,
  target: PreflightTarget,
  mode: PreflightMode,
  fetchImpl: FetchLike,
  onProgress: (bytes: number, total: number) => void,
) {
  return client.fetchQuery({
    queryKey: firmwareKeys.preflight(target),
    queryFn: ({ signal }) => runPreflight(target, mode, { fetch: fetchImpl, signal, onProgress }),
    staleTime: 0,
    gcTime: RESULT_GC_TIME,
    retry: false,
  });
}

/**
 * Pre-flight check of one firmware file, shared through the query cache by file URL, size and MD5.
 * Cancel aborts the request; the previous result (if any) stays.
 */
export function usePreflight(firmware: PreflightTarget | null, fetchImpl: FetchLike = browserFetch): PreflightState {
  const client = useQueryClient();
  const target = firmware ? { fileUrl: firmware.fileUrl, fileSize: firmware.fileSize, md5: firmware.md5 } : null;
  const query = useQuery<PreflightResult>({
    queryKey: target ? firmwareKeys.preflight(target) : firmwareKeys.preflights(),
    queryFn: skipToken,
    gcTime: RESULT_GC_TIME,
  });
  const [progress, setProgress] = useState<PreflightProgress | null>(null);
  // Thousands of network chunks per download: re-render only when the shown per-mille changes.
  const shown = useRef(-1);

  const fileUrl = target?.fileUrl;
  const fileSize = target?.fileSize;
  const md5 = target?.md5;
  const check = useCallback(
    (mode: PreflightMode = 'size') => {
      if (fileUrl === undefined || fileSize === undefined || md5 === undefined) return;
      shown.current = -1;
      setProgress(mode === 'md5' ? { bytes: 0, total: fileSize } : null);
      const onProgress = (bytes: number, total: number) => {
        const perMille = total > 0 ? Math.floor((bytes * 1000) / total) : 0;
        if (perMille === shown.current) return;
        shown.current = perMille;
        setProgress({ bytes, total });
      };
      runCheck(client, { fileUrl, fileSize, md5 }, mode, fetchImpl, onProgress)
        // A canceled check rejects; its outcome is "no new result", which the cache already shows.
        .catch(() => undefined)
        .finally(() => setProgress(null));
    },
    [client, fileUrl, fileSize, md5, fetchImpl],
  );
  const cancel = useCallback(() => {
    if (fileUrl === undefined || fileSize === undefined || md5 === undefined) return;
    void client.cancelQueries({ queryKey: firmwareKeys.preflight({ fileUrl, fileSize, md5 }) });
  }, [client, fileUrl, fileSize, md5]);

  return {
    result: target ? (query.data ?? null) : null,
    running: target !== null && query.fetchStatus === 'fetching',
    progress,
    check,
    cancel,
  };
}
