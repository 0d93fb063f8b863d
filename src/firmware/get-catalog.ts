import { queryOptions, useQuery } from '@tanstack/react-query';
import { browserFetch, isAbortError, type FetchLike } from './fetch-like';
import { englishText } from '../ui/i18n/message';
import { message, type FirmwareMessage } from './firmware-message';
import { firmwareKeys } from './firmware-keys';
import { CatalogFormatError, parseCatalog, type ParsedCatalog } from './parse-catalog';
import { currentPageUrl, resolveCatalogUrl } from './resolve-catalog-url';

/** A catalog that could not be loaded; `transient` ones are worth retrying automatically. */
export class CatalogLoadError extends Error {
  override name = 'CatalogLoadError';
  constructor(
    /** What the screen says, translated at render; `message` is the English sentence. */
    readonly text: FirmwareMessage,
    readonly transient: boolean,
  ) {
    super(englishText(text));
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
    throw new CatalogLoadError(message('catalog.errors.unreachable', { url: catalogUrl }), true);
  }
  if (!response.ok) {
    // The status is a code, not a quantity: text, so no language groups its digits.
    const values = { status: String(response.status), statusText: response.statusText, url: catalogUrl };
    throw new CatalogLoadError(
      message(response.statusText ? 'catalog.errors.httpWithText' : 'catalog.errors.http', values),
      response.status >= 500 || response.status === 429,
    );
  }
  const text = await response.text().catch(() => {
    throw new CatalogLoadError(message('catalog.errors.interrupted', { url: catalogUrl }), true);
  });
  // A static host with an SPA fallback answers a missing file with index.html and status 200.
  if (/^\s*</.test(text)) throw new CatalogFormatError(message('catalog.errors.webPage', { url: catalogUrl }));
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CatalogFormatError(
      message('catalog.errors.notJson', { url: catalogUrl, error: error instanceof Error ? error.message : String(error) }),
    );
  }
  return parseCatalog(document, catalogUrl);
}

/** `catalogUrl` as configured (may be relative); `pageUrl` is what it is relative to. */
export function catalogQueryOptions(catalogUrl: string, pageUrl: string, fetchImpl: FetchLike = browserFetch) {
  const absolute = resolveCatalogUrl(catalogUrl, pageUrl);
  return queryOptions({
    queryKey: firmwareKeys.catalog(absolute ?? catalogUrl),
    queryFn: ({ signal }) => {
      if (absolute === null) throw new CatalogFormatError(message('catalog.errors.badUrl', { url: catalogUrl }));
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
