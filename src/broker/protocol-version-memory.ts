/**
 * Which MQTT version to offer first. "auto" starts with the version that last worked for the broker
 * URL (remembered in localStorage), else MQTT 5, and steps to the other version when the broker
 * refuses it or hangs up on the CONNECT; "5" and "3.1.1" keep to that version. Without the memory a
 * 3.1.1-only broker (RabbitMQ 3.10) got an MQTT 5 CONNECT on every page load, dropped it, and
 * logged a crash report each time.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION_SETTINGS = ['auto', '5', '3.1.1'] as const;
export type ProtocolVersionSetting = (typeof PROTOCOL_VERSION_SETTINGS)[number];

/** What the session is told: the first version (4 = 3.1.1) and whether it may try the other. */
export interface ProtocolStart {
  version: 4 | 5;
  fallback: boolean;
}

export function protocolStart(setting: ProtocolVersionSetting, remembered: 4 | 5 | null): ProtocolStart {
  if (setting === '5') return { version: 5, fallback: false };
  if (setting === '3.1.1') return { version: 4, fallback: false };
  return { version: remembered ?? 5, fallback: true };
}

export interface ProtocolVersionMemory {
  /** The version that last worked for this broker URL, or null. */
  recall(url: string): 4 | 5 | null;
  remember(url: string, version: 4 | 5): void;
}

export const PROTOCOL_MEMORY_KEY = 'ota-console:mqtt-versions';
/** Enough for every broker a console is pointed at; the least recently confirmed go first. */
export const PROTOCOL_MEMORY_LIMIT = 20;

// Oldest first: a JSON object keeps its string keys in insertion order.
const storedSchema = z.record(z.string(), z.union([z.literal(4), z.literal(5)]));
type Stored = z.infer<typeof storedSchema>;

/**
 * The memory on a Storage (the page's localStorage; null where there is none). Storage can throw
 * (quota, blocked site data) and a stored entry can be corrupt: either reads as "nothing
 * remembered", and the session then starts with MQTT 5 as before.
 */
export function createProtocolVersionMemory(storage: Storage | null): ProtocolVersionMemory {
  const read = (): Stored => {
    try {
      const text = storage?.getItem(PROTOCOL_MEMORY_KEY) ?? null;
      if (text === null) return {};
      const parsed = storedSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  return {
    recall(url) {
      const stored = read();
      return Object.hasOwn(stored, url) ? (stored[url] ?? null) : null;
    },
    remember(url, version) {
      const stored = read();
      if (stored[url] === version && Object.keys(stored).at(-1) === url) return;
      const entries = Object.entries(stored).filter(([key]) => key !== url);
      entries.push([url, version]);
      try {
        storage?.setItem(PROTOCOL_MEMORY_KEY, JSON.stringify(Object.fromEntries(entries.slice(-PROTOCOL_MEMORY_LIMIT))));
      } catch {
        // A convenience: without it the next load just starts with MQTT 5 again.
      }
    },
  };
}
