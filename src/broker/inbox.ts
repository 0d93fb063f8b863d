import { documentHidden } from '../lib/work-slices.ts';

/**
 * How the inbox waits for the next flush. A frame is requested only while the page is visible;
 * the timeout is always armed too, because a hidden tab (or Node) never runs frame callbacks.
 */
export interface InboxScheduler {
  requestFrame: ((callback: () => void) => () => void) | null;
  schedule(callback: () => void, delayMs: number): () => void;
  isHidden(): boolean;
  /**
   * What the listeners may spend in one frame, with the clock it is measured on; absent where
   * nothing is drawn (a worker, Node). See FrameBudget below.
   */
  frameBudget?: FrameBudget;
}

export interface FrameBudget {
  ms: number;
  now(): number;
}

export const HIDDEN_FLUSH_DELAY_MS = 250;

/**
 * The listeners' share of a 16.7 ms frame. At fleet scale a frame normally carries ~170
 * messages (~2 ms to apply); after the page was held up (a GC, the OS giving the cores to the
 * broker) it can carry thousands, and applying them all at once was a 40-80 ms long task. Such a
 * backlog is spread over the next few frames instead (see itemsThisFrame).
 */
export const FRAME_BUDGET_MS = 8;

/** Items always taken by a frame, whatever the estimate says: the budget spreads, never starves. */
export const MIN_ITEMS_PER_FRAME = 100;

/** A backlog drains at least this fast: 1/4 of it per frame, so it is gone in a few frames. */
const MIN_BACKLOG_SHARE = 4;

/** A frame before the cost per message is known takes at most this many (the rest wait a frame). */
export const UNMEASURED_ITEMS = 1_000;

export function browserInboxScheduler(): InboxScheduler {
  const raf = typeof globalThis.requestAnimationFrame === 'function' ? globalThis.requestAnimationFrame.bind(globalThis) : null;
  const caf = typeof globalThis.cancelAnimationFrame === 'function' ? globalThis.cancelAnimationFrame.bind(globalThis) : null;
  return {
    requestFrame: raf
      ? (callback) => {
          const id = raf(() => callback());
          return () => caf?.(id);
        }
      : null,
    schedule(callback, delayMs) {
      const handle = setTimeout(callback, delayMs);
      return () => clearTimeout(handle);
    },
    isHidden: documentHidden,
    frameBudget: { ms: FRAME_BUDGET_MS, now: () => performance.now() },
  };
}

/**
 * For a worker, which draws nothing: flushes every `periodMs`, so a batch leaves within one
 * period of its first item and the page gets a few dozen posts a second, not one per message.
 */
export function timerInboxScheduler(periodMs: number): InboxScheduler {
  const schedule = (callback: () => void, delayMs: number) => {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  };
  return { requestFrame: (callback) => schedule(callback, periodMs), schedule, isHidden: () => false };
}

export type BatchListener<T> = (batch: readonly T[]) => void;

export interface Inbox<T> {
  push(item: T): void;
  /** Adds every item of a batch that arrived already formed (from a worker). */
  pushAll(items: readonly T[]): void;
  /** Delivers everything pending now, whatever the frame budget (used on close, and by tests). */
  flush(): void;
  subscribe(listener: BatchListener<T>): () => void;
  /** Pending items are dropped and nothing is scheduled any more. */
  dispose(): void;
  readonly pending: number;
}

export interface InboxOptions {
  scheduler?: InboxScheduler;
  /** Where a throwing listener's error goes; the other listeners still get the batch. */
  onListenerError?: (error: unknown) => void;
}

/**
 * How many pending items a frame takes: what the budget holds at the listeners' recent cost per
 * item, but at least MIN_ITEMS_PER_FRAME and a quarter of the backlog, so a flood that outruns
 * the budget still drains in a few (longer) frames instead of growing.
 */
export function itemsThisFrame(pending: number, budgetMs: number, msPerItem: number | null): number {
  if (msPerItem === null || msPerItem <= 0) return Math.min(pending, Math.max(UNMEASURED_ITEMS, MIN_ITEMS_PER_FRAME));
  const fits = Math.floor(budgetMs / msPerItem);
  return Math.min(pending, Math.max(fits, MIN_ITEMS_PER_FRAME, Math.ceil(pending / MIN_BACKLOG_SHARE)));
}

/** Batches smaller than this say little about the cost per item (fixed costs dominate them). */
const MIN_MEASURED_BATCH = 50;

/**
 * Coalesces items and hands them to the listeners as ONE batch per animation frame; a frame
 * with a budget takes what fits it (itemsThisFrame) and leaves the rest, in order, to the next.
 */
export function createInbox<T>(options: InboxOptions = {}): Inbox<T> {
  const scheduler = options.scheduler ?? browserInboxScheduler();
  const budget = scheduler.frameBudget ?? null;
  const onListenerError = options.onListenerError ?? ((error: unknown) => console.error('inbox listener failed', error));
  const listeners = new Set<BatchListener<T>>();
  let buffer: T[] = [];
  let cancels: (() => void)[] = [];
  let disposed = false;
  /** Recent listener time per item (ms), a moving average over measured batches. */
  let msPerItem: number | null = null;

  const cancelScheduled = () => {
    for (const cancel of cancels) cancel();
    cancels = [];
  };

  const deliver = (batch: readonly T[]) => {
    const started = budget?.now() ?? 0;
    for (const listener of [...listeners]) {
      try {
        listener(batch);
      } catch (error) {
        onListenerError(error);
      }
    }
    if (budget === null || batch.length < MIN_MEASURED_BATCH) return;
    const perItem = (budget.now() - started) / batch.length;
    msPerItem = msPerItem === null ? perItem : msPerItem * 0.7 + perItem * 0.3;
  };

  const flush = () => {
    cancelScheduled();
    if (buffer.length === 0) return;
    const batch: readonly T[] = buffer;
    buffer = [];
    deliver(batch);
  };

  const flushFrame = () => {
    const take = budget === null ? buffer.length : itemsThisFrame(buffer.length, budget.ms, msPerItem);
    if (take >= buffer.length) {
      flush();
      return;
    }
    cancelScheduled();
    const batch = buffer.slice(0, take);
    buffer = buffer.slice(take);
    deliver(batch);
    if (!disposed && buffer.length > 0) arm();
  };

  // A visible page whose frame is late (its thread starved) still takes one frame's share: all of
  // a backlog at once is the long task the budget is there to avoid. A hidden page draws nothing.
  const flushLate = () => {
    if (scheduler.isHidden()) flush();
    else flushFrame();
  };

  const arm = () => {
    if (cancels.length > 0) return;
    if (scheduler.requestFrame && !scheduler.isHidden()) cancels.push(scheduler.requestFrame(flushFrame));
    cancels.push(scheduler.schedule(flushLate, HIDDEN_FLUSH_DELAY_MS));
  };

  return {
    push(item) {
      if (disposed) return;
      buffer.push(item);
      arm();
    },
    pushAll(items) {
      if (disposed || items.length === 0) return;
      for (const item of items) buffer.push(item);
      arm();
    },
    flush,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      disposed = true;
      cancelScheduled();
      buffer = [];
      listeners.clear();
    },
    get pending() {
      return buffer.length;
    },
  };
}
