import { englishText } from '../../ui/i18n/message';
import { message, type AppMessage } from '../app-message';
import { parseConfigObject } from './parse-config-object';
import type { ConfigIssue, ConfigLayer } from './config-schema';

/** What happened when config.json was fetched; every outcome leaves the page usable. */
export type ConfigFileResult =
  | { kind: 'loaded'; layer: ConfigLayer; issues: ConfigIssue[]; unknownKeys: string[] }
  | { kind: 'missing'; status: number }
  | { kind: 'not-json'; contentType: string | null }
  | { kind: 'malformed'; message: string }
  | { kind: 'unreachable'; message: string };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Fetches and classifies config.json. Never throws: the file is optional, and a static host that
 * answers every path with index.html (SPA fallback) must read as "no config", not as an error.
 */
export async function loadConfigFile(fetchImpl: FetchLike, url: string): Promise<ConfigFileResult> {
  let response: Response;
  try {
    // no-cache: an operator who edits config.json expects the next reload to see it.
    response = await fetchImpl(url, { cache: 'no-cache', headers: { Accept: 'application/json' } });
  } catch (error) {
    return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) return { kind: 'missing', status: response.status };

  const contentType = response.headers.get('content-type');
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { kind: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
  if (contentType?.includes('text/html') || /^\s*</.test(text)) {
    return { kind: 'not-json', contentType };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // Served as JSON but broken: the operator wrote a config and needs to hear it did not apply.
    if (contentType?.includes('json')) {
      return { kind: 'malformed', message: error instanceof Error ? error.message : String(error) };
    }
    return { kind: 'not-json', contentType };
  }
  return { kind: 'loaded', ...parseConfigObject(raw) };
}

/** One sentence for Settings: where the file-level configuration came from. */
export function configFileMessage(result: ConfigFileResult): AppMessage {
  switch (result.kind) {
    case 'loaded':
      return message('configFile.loaded');
    case 'missing':
      return message('configFile.missing', { status: String(result.status) });
    case 'not-json':
      return message('configFile.notJson');
    case 'malformed':
      return message('configFile.malformed', { message: result.message });
    case 'unreachable':
      return message('configFile.unreachable', { message: result.message });
  }
}

/** The same sentence in English (logs, tests). */
export function describeConfigFile(result: ConfigFileResult): string {
  return englishText(configFileMessage(result));
}
