/**
 * Long work cut into slices of a few ms with the page getting a turn between them, so no frame
 * waits for it, and paced so it takes a bounded share of the page's thread. The persistence kit
 * (persist/record-writer.ts) writes large batches of records this way.
 */

export interface SliceClock {
  now(): number;
  /**
   * Resolves once the page has had a turn (other tasks, a frame), and while the page is visible no
   * sooner than `restMs`.
   */
  pause(restMs?: number): Promise<void>;
}

/** The page is hidden (a background tab); false where there is no document (a worker, Node). */
export function documentHidden(): boolean {
  return typeof document !== 'undefined' && document.hidden;
}

/** Long enough to do real work, short enough to leave most of a 16.7 ms frame to the page. */
export const SLICE_MS = 6;

/**
 * A MessageChannel turn: unlike setTimeout(0) it is not clamped to 4 ms, nor throttled by nesting.
 * A rest is a timer, taken only while the page is visible: a hidden page draws nothing to leave
 * time for, and Chromium runs the chained timers of a page hidden for minutes once a minute, which
 * would stretch a write of hundreds of slices over hours.
 */
export function pageSliceClock(isHidden: () => boolean = documentHidden): SliceClock {
  let channel: MessageChannel | null = null;
  const waiting: (() => void)[] = [];
  // Made on the first pause, not at import: a page (or test) that never saves in slices has none.
  const open = (): MessageChannel => {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // Node's ports keep a process alive (tests run this under Node); a browser's have no unref.
    (channel.port1 as { unref?: () => void }).unref?.();
    return channel;
  };
  return {
    now: () => performance.now(),
    pause: (restMs = 0) =>
      new Promise<void>((resolve) => {
        const rest = restMs > 0 && !isHidden() ? restMs : 0;
        if (rest > 0 || typeof MessageChannel === 'undefined') {
          setTimeout(resolve, rest);
          return;
        }
        waiting.push(resolve);
        (channel ?? open()).port2.postMessage(null);
      }),
  };
}

/**
 * The share of the page's thread the periodic writes may take. At fleet scale a write touches
 * thousands of changed records every period; written every second it would take several percent of
 * the thread and a good part of what the page allocates, which the garbage collector then pays for
 * in frames.
 */
export const SAVE_SHARE = 0.02;

/**
 * However long a write takes, the next one starts within this (pagehide still writes at once, and
 * campaigns flush before every publish). Reached only at fleet scale: 10,000 upgrading gateways
 * change every task every second, and writing them all took 1.5-2 s of the page's thread.
 */
export const MAX_SAVE_DELAY_MS = 30_000;

/**
 * While a write runs, the share of the page's thread its slices take; the time between them is the
 * page's. Back to back (with only a turn between them) the slices held half the thread: at 10,000
 * docks a write 30 s after the start held 12,000 new records, 2.6 s of slices within 5 s, and the
 * traffic fell 1.5-2 s behind meanwhile.
 */
export const WRITING_SHARE = 0.15;

/** The rest after a slice that took `sliceMs`, so that slices take WRITING_SHARE of a write's time. */
export function restAfter(sliceMs: number): number {
  return (Math.max(0, sliceMs) * (1 - WRITING_SHARE)) / WRITING_SHARE;
}
