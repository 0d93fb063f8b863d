/**
 * The ids of upgrades this console knows, for messages that do not name their method: a
 * services_reply is read as the answer to an ota_create only when its tid or bid is one this
 * console sent or saw, and an events message as ota_progress only when its bid is a known upgrade.
 * Bounded (oldest forgotten first) so a flood of invented ids cannot grow it.
 */
import type { Decoded } from './messages.ts';

export interface KnownUpgrades {
  /** tid of an ota_create this console sent or saw. */
  knowsTid(tid: string): boolean;
  /** bid of an upgrade: an ota_create sent or seen, or a reply or progress that named its method. */
  knowsBid(bid: string): boolean;
}

/** Twice the 10,000-gateway fleet the console is built for, per kind of id. */
export const UPGRADE_ID_MEMORY = 20_000;

class RecentSet {
  private readonly items = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    return this.items.has(id);
  }

  /**
   * Adds `id`; the oldest added goes when the set is full. An id already there keeps its place:
   * this runs for every progress message, and the memory holds twice the fleet's upgrades.
   */
  add(id: string): void {
    if (id === '' || this.items.has(id)) return;
    this.items.add(id);
    if (this.items.size > this.capacity) {
      const oldest = this.items.values().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
  }

  get size(): number {
    return this.items.size;
  }
}

export class UpgradeIdMemory implements KnownUpgrades {
  private readonly tids: RecentSet;
  private readonly bids: RecentSet;

  constructor(capacity: number = UPGRADE_ID_MEMORY) {
    this.tids = new RecentSet(capacity);
    this.bids = new RecentSet(capacity);
  }

  knowsTid(tid: string): boolean {
    return this.tids.has(tid);
  }

  knowsBid(bid: string): boolean {
    return this.bids.has(bid);
  }

  /** An ota_create this console is publishing (called by the broker session before the publish). */
  noteSent(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const { method, tid, bid } = message as { method?: unknown; tid?: unknown; bid?: unknown };
    if (method !== 'ota_create') return;
    if (typeof tid === 'string') this.tids.add(tid);
    if (typeof bid === 'string') this.bids.add(bid);
  }

  /** Learns from every decoded inbound message. */
  learn(message: Decoded): void {
    switch (message.kind) {
      case 'ota_create':
        if (message.meta.tid !== null) this.tids.add(message.meta.tid);
        if (message.meta.bid !== null) this.bids.add(message.meta.bid);
        return;
      case 'ota_create_reply':
      case 'ota_progress':
        if (message.meta.bid !== null) this.bids.add(message.meta.bid);
        return;
      default:
        return;
    }
  }

  get size(): { tids: number; bids: number } {
    return { tids: this.tids.size, bids: this.bids.size };
  }
}
