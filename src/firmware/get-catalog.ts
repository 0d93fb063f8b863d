import { queryOptions, useQuery } from '@tanstack/react-query';
import { browserFetch, isAbortError, type FetchLike } from './fetch-like';
import { firmwareKeys } from './firmware-keys';
import { CatalogFormatError, parseCatalog, type ParsedCatalog } from './parse-catalog';
import { currentPageUrl, resolveCatalogUrl } from './resolve-catalog-url';

/** A catalog that could not be loaded; `transient` ones are worth retrying automatically. */
export class CatalogLoadError extends Error {
  override name = 'CatalogLoadError';
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

/** Fetches and validates the catalog at an absolute URL. Throws CatalogLoadError or CatalogFormatError. */
export async function fetchCatalog(catalogUrl: string, fetchImpl: FetchLike = browserFetch, signal?: AbortSignal): Promise<ParsedCatalog> {
  let response: Response;
  try {
    // no-cache: a newly published catalog must show on the next Retry, not after a cache expiry.
    response = await fetchImpl(catalogUrl, { cache: 'no-cache', headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new CatalogLoadError(`Could not reach the catalog at ${catalogUrl} (network error, or the server does not allow this page to read it: CORS).`, true);
  }
  if (!response.ok) {
    throw new CatalogLoadError(`The catalog server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${catalogUrl}.`, response.status >= 500 || response.status === 429);
  }
  const text = await response.text().catch(() => {
    throw new CatalogLoadError(`The catalog download from ${catalogUrl} was interrupted.`, true);
  });
  // A static host with an SPA fallback answers a missing file with index.html and status 200.
  if (/^\s*</.test(text)) throw new CatalogFormatError(`${catalogUrl} answered with a web page, not a JSON catalog.`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CatalogFormatError(`The catalog at ${catalogUrl} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseCatalog(document, catalogUrl);
}

/** `catalogUrl` as configured (may be relative); `pageUrl` is what it is relative to. */
export function catalogQueryOptions(catalogUrl: string, pageUrl: string, fetchImpl: FetchLike = browserFetch) {
  const absolute = resolveCatalogUrl(catalogUrl, pageUrl);
  return queryOptions({
    queryKey: firmwareKeys.catalog(absolute ?? catalogUrl),
    queryFn: ({ signal }) => {
      if (absolute === null) throw new CatalogFormatError(`The catalog URL "${catalogUrl}" is not a valid http(s) URL.`);
      return fetchCatalog(absolute, fetchImpl, signal);
    },
    // One quick retry for a flaky network; a wrong document stays wrong until someone fixes it.
    retry: (failureCount, error) => error instanceof CatalogLoadError && error.transient && failureCount < 1,
    staleTime: 5 * 60_000,
  });
}

/**
 * The firmware catalog for the configured `catalogUrl` (relative to the page). Pass undefined
 * while the runtime configuration is still loading.
 */
export function useFirmwareCatalog(catalogUrl: string | undefined) {
  return useQuery({ ...catalogQueryOptions(catalogUrl ?? '', currentPageUrl()), enabled: catalogUrl !== undefined });
}
