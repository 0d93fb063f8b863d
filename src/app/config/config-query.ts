import { queryOptions } from '@tanstack/react-query';
import { loadConfigFile, type FetchLike } from './load-config-file';

/** Relative on purpose: config.json sits beside index.html, wherever the app is hosted. */
export const CONFIG_FILE_URL = 'config.json';

export const configQueries = {
  all: ['runtime-config'] as const,
  file: (fetchImpl: FetchLike = (input, init) => fetch(input, init)) =>
    queryOptions({
      queryKey: [...configQueries.all, 'file', CONFIG_FILE_URL] as const,
      queryFn: () => loadConfigFile(fetchImpl, CONFIG_FILE_URL),
      // Read once per page load: changing the broker under a running session is Settings' job.
      staleTime: Infinity,
      gcTime: Infinity,
      retry: false,
    }),
};
