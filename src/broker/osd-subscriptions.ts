/**
 * osd of the devices the console watches, one filter per device (`thing/product/{sn}/osd`),
 * instead of every device's: a dock sends a few KB of telemetry every 2 s and the console reads
 * one field of it (mode_code) for the gateways it upgrades or is about to. The wanted set is kept
 * across reconnects; only the difference to what the broker holds is sent, in SUBSCRIBE and
 * UNSUBSCRIBE packets of at most FILTERS_PER_PACKET filters.
 */
import { isValidSn } from '../protocol/sn.ts';
import { ALL_OSD_FILTER, osdTopic } from '../protocol/topics.ts';

/** What the session's MQTT client does for this: resolve with the SUBACK codes / on UNSUBACK. */
export interface OsdClient {
  subscribe(filters: string[]): Promise<readonly number[]>;
  unsubscribe(filters: string[]): Promise<void>;
}

export interface OsdSubscriptions {
  /** The devices whose osd is wanted from now on (any other device's is dropped). */
  watch(deviceSns: Iterable<string>): void;
  /** A connection is up (its SUBACK for the session's filters came): bring the broker in line. */
  connected(client: OsdClient): void;
  disconnected(): void;
  /** Device SNs wanted now, for tests and diagnostics. */
  readonly wanted: ReadonlySet<string>;
}

/** Keeps each packet small (a broker may limit packet size) while 10,000 devices take 20 packets. */
export const FILTERS_PER_PACKET = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `refused`: filters the broker refused (SUBACK >= 0x80), for the connection's error line. */
export function createOsdSubscriptions(refused: (filters: string[]) => void): OsdSubscriptions {
  let wanted = new Set<string>();
  /** Filters this session subscribed on the broker and did not unsubscribe yet (a persistent session keeps them). */
  const held = new Set<string>();
  let client: OsdClient | null = null;
  /** The wildcard of an older build may still sit in a persistent session: dropped once per connection. */
  let wildcardDropped = false;

  function sync(): void {
    const current = client;
    if (current === null) return;
    const add: string[] = [];
    for (const sn of wanted) if (!held.has(sn)) add.push(sn);
    const drop: string[] = [];
    for (const sn of held) if (!wanted.has(sn)) drop.push(sn);
    for (const sn of add) held.add(sn);
    for (const sn of drop) held.delete(sn);
    if (!wildcardDropped) {
      wildcardDropped = true;
      current.unsubscribe([ALL_OSD_FILTER]).catch(() => undefined);
    }
    for (const part of chunks(drop, FILTERS_PER_PACKET)) {
      // Not confirmed (the connection dropped): still held on the broker, dropped on the next connect.
      current.unsubscribe(part.map(osdTopic)).catch(() => part.forEach((sn) => held.add(sn)));
    }
    for (const part of chunks(add, FILTERS_PER_PACKET)) {
      current.subscribe(part.map(osdTopic)).then(
        (granted) => {
          const no = part.filter((_, i) => (granted[i] ?? 0x80) >= 0x80);
          if (no.length === 0) return;
          for (const sn of no) held.delete(sn);
          refused(no.map(osdTopic));
        },
        // No SUBACK: the connection dropped, and the next one subscribes again.
        () => part.forEach((sn) => held.delete(sn)),
      );
    }
  }

  return {
    watch(deviceSns) {
      const next = new Set<string>();
      for (const sn of deviceSns) if (isValidSn(sn)) next.add(sn);
      wanted = next;
      sync();
    },
    connected(next) {
      client = next;
      wildcardDropped = false;
      // Subscribing again is harmless (the broker replaces the subscription) and proves it exists.
      const resubscribe = [...held].filter((sn) => wanted.has(sn));
      for (const sn of resubscribe) held.delete(sn);
      sync();
    },
    disconnected() {
      client = null;
    },
    get wanted() {
      return wanted;
    },
  };
}
