/**
 * The configured catalog URL made absolute against the page (`firmware/catalog.json` by default,
 * beside index.html). Null when it cannot be a URL at all or is not http(s).
 */
export function resolveCatalogUrl(catalogUrl: string, pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(catalogUrl.trim(), pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // The hash is the page's route, never part of a file request.
  url.hash = '';
  return url.href;
}

/** The page's own URL (document.baseURI honours a <base> element); a placeholder outside a browser. */
export function currentPageUrl(): string {
  return typeof document === 'undefined' ? 'http://localhost/' : document.baseURI;
}
