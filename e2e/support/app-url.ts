export type AppParams = Record<string, string | number | boolean | null | undefined>;

// Keep URLs readable in traces (`?broker=ws://127.0.0.1:1234/mqtt`); both forms decode the same.
const encode = (value: string) => encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/');

/**
 * The app's URL relative to the served build: `/?broker=ws://...&readonly#/fleet`.
 * `true` gives a bare flag (`?kiosk`), `false` gives `key=0` (overrides a config.json `true`),
 * null/undefined leave the key out.
 * `route` is the hash route, e.g. '/fleet'.
 */
export function appUrl(params: AppParams = {}, route?: string): string {
  const query = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => {
      if (value === true) return encode(key);
      if (value === false) return `${encode(key)}=0`;
      return `${encode(key)}=${encode(String(value))}`;
    })
    .join('&');
  return `/${query ? `?${query}` : ''}${route ? `#${route.startsWith('/') ? route : `/${route}`}` : ''}`;
}
