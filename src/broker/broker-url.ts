/** The parts of `window.location` a relative broker path is resolved against. */
export interface PageLocation {
  protocol: string;
  host: string;
}

function pageLocation(): PageLocation | null {
  const loc = (globalThis as { location?: PageLocation }).location;
  return loc && typeof loc.host === 'string' && loc.host !== '' ? loc : null;
}

/**
 * `ws://` and `wss://` URLs are used as given, and `mqtt://`/`mqtts://` too (Node, e.g. the headless
 * runner: a browser cannot open them, which the app's own configuration check says first); a path
 * such as `/mqtt` means the page's own host, with wss when the page came over https (a browser
 * refuses ws from an https page).
 */
export function resolveBrokerUrl(url: string, location: PageLocation | null = pageLocation()): string {
  const trimmed = url.trim();
  if (/^(wss?|mqtts?):\/\//i.test(trimmed)) return new URL(trimmed).toString();
  if (trimmed.startsWith('/')) {
    if (!location) throw new Error(`Broker URL "${trimmed}" is a path, but there is no page location to resolve it against`);
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return new URL(trimmed, `${scheme}://${location.host}`).toString();
  }
  throw new Error(`Broker URL must start with ws://, wss://, mqtt://, mqtts:// or / (got "${trimmed}")`);
}

/** The URL without user:password, for showing and logging. */
export function redactBrokerUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
