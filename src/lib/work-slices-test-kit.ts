/** Test helpers for code that works in slices (the persistence kit) and reads localStorage (the move from it). */
import type { SliceClock } from './work-slices.ts';

/** localStorage in memory, counting writes; refuses values longer than `quota` as a full one does. */
export class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'> {
  readonly items = new Map<string, string>();
  writes = 0;
  constructor(private readonly quota = Infinity) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.writes++;
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  get length(): number {
    return this.items.size;
  }
}

/**
 * A slice clock where every now() is 1 ms later and each pause waits until the test releases it;
 * `rests` lists the rest each pause asked for.
 */
export function steppingClock() {
  let t = 0;
  const waiting: (() => void)[] = [];
  const rests: number[] = [];
  const clock: SliceClock = {
    now: () => t++,
    pause: (restMs = 0) => {
      rests.push(restMs);
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
  return {
    clock,
    rests,
    get paused() {
      return waiting.length;
    },
    /** Lets the oldest pause go and the slice after it run. */
    async release() {
      waiting.shift()?.();
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}
