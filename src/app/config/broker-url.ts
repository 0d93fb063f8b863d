/**
 * A broker URL is a WebSocket URL or an absolute path on the page's own host ('/mqtt').
 * Anything else (http://, mqtt://, a bare host name) cannot be opened by a browser MQTT client,
 * so it is refused with a message the user can act on instead of failing at connect time.
 */
export function brokerUrlProblem(value: string): string | null {
  const url = value.trim();
  if (url === '') return 'Enter a broker URL.';
  if (url.startsWith('/')) {
    return url.startsWith('//') ? 'A path must start with a single "/", e.g. /mqtt.' : null;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'ws' && scheme !== 'wss') {
    return 'Use a ws:// or wss:// URL, or a path on this host such as /mqtt.';
  }
  try {
    const parsed = new URL(url);
    if (parsed.hostname === '') return 'The URL has no host name.';
  } catch {
    return 'This is not a valid URL.';
  }
  return null;
}
