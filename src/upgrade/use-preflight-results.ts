import { queryOptions, skipToken, useQueries } from '@tanstack/react-query';
import type { Firmware } from '../firmware/firmware.ts';
import { firmwareKeys } from '../firmware/firmware-keys.ts';
import type { PreflightResult } from '../firmware/preflight-result.ts';

/**
 * The latest pre-flight result of each firmware (same order), read from the query cache that the
 * Check buttons (here or on the Firmware screen) fill; null where no check has finished.
 */
export function usePreflightResults(firmware: readonly Firmware[]): (PreflightResult | null)[] {
  return useQueries({
    queries: firmware.map((f) =>
      queryOptions<PreflightResult>({
        queryKey: firmwareKeys.preflight(f),
        queryFn: skipToken,
        // As long as the firmware feature keeps them: a result checked there still counts here.
        gcTime: 60 * 60_000,
      }),
    ),
    combine: (results) => results.map((r) => r.data ?? null),
  });
}
