/**
 * At most one event per interval, without losing a phase: a new phase (status, sub_status, step)
 * is appended, and later snapshots of the same phase replace each other behind the phase's first
 * one. So the console sees every sub_status a device passes through, each starting where it
 * started (percent 0 of a new step), then the latest percent, but never a burst.
 */
export interface PacedItem {
  /** Items with equal keys are snapshots of the same phase; the newer replaces the older. */
  key: string;
}

export class EventPacer<T extends PacedItem> {
  private readonly queue: { item: T; opensPhase: boolean }[] = [];
  private lastSentAt = Number.NEGATIVE_INFINITY;
  /** Key of the newest item pushed, even when it was already taken. */
  private lastKey: string | null = null;
  private readonly intervalMs: number;

  constructor(intervalMs: number) {
    this.intervalMs = intervalMs;
  }

  push(item: T): void {
    const last = this.queue.at(-1);
    if (last && last.item.key === item.key && !last.opensPhase) last.item = item;
    else this.queue.push({ item, opensPhase: this.lastKey !== item.key });
    this.lastKey = item.key;
  }

  /** The next item if one is due at `now`, else null. */
  take(now: number): T | null {
    if (this.queue.length === 0 || now - this.lastSentAt < this.intervalMs) return null;
    this.lastSentAt = now;
    return this.queue.shift()?.item ?? null;
  }

  get pending(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue.length = 0;
    this.lastKey = null;
  }
}
