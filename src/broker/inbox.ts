/**
 * How the inbox waits for the next flush. A frame is requested only while the page is visible;
 * the timeout is always armed too, because a hidden tab (or Node) never runs frame callbacks.
 */
export interface InboxScheduler {
  requestFrame: ((callback: () => void) => () => void) | null;
  schedule(callback: () => void, delayMs: number): () => void;
  isHidden(): boolean;
}

export const HIDDEN_FLUSH_DELAY_MS = 250;

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
    isHidden: () => typeof document !== 'undefined' && document.hidden,
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
  /** Delivers what is pending now (used on close, and by tests). */
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

/** Coalesces items and hands them to the listeners as ONE batch per animation frame. */
export function createInbox<T>(options: InboxOptions = {}): Inbox<T> {
  const scheduler = options.scheduler ?? browserInboxScheduler();
  const onListenerError = options.onListenerError ?? ((error: unknown) => console.error('inbox listener failed', error));
  const listeners = new Set<BatchListener<T>>();
  let buffer: T[] = [];
  let cancels: (() => void)[] = [];
  let disposed = false;

  const cancelScheduled = () => {
    for (const cancel of cancels) cancel();
    cancels = [];
  };

  const flush = () => {
    cancelScheduled();
    if (buffer.length === 0) return;
    const batch: readonly T[] = buffer;
    buffer = [];
    for (const listener of [...listeners]) {
      try {
        listener(batch);
      } catch (error) {
        onListenerError(error);
      }
    }
  };

  const arm = () => {
    if (cancels.length > 0) return;
    if (scheduler.requestFrame && !scheduler.isHidden()) cancels.push(scheduler.requestFrame(flush));
    cancels.push(scheduler.schedule(flush, HIDDEN_FLUSH_DELAY_MS));
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
