/**
 * Long work (serializing megabytes for localStorage) written as a generator that yields between
 * small steps, run either to its end at once or in slices of a few ms with the page getting a turn
 * between them, so no frame waits for it. Used by the task and fleet persistence.
 */

/** Runs resumable work to its end now. */
export function runNow<T>(work: Generator<void, T>): T {
  for (;;) {
    const next = work.next();
    if (next.done) return next.value;
  }
}

export interface SliceClock {
  now(): number;
  /** Resolves once the page has had a turn (other tasks, a frame). */
  pause(): Promise<void>;
}

/** Long enough to do real work, short enough to leave most of a 16.7 ms frame to the page. */
export const SLICE_MS = 6;

/** A MessageChannel turn: unlike setTimeout(0) it is not clamped to 4 ms, nor throttled by nesting. */
export function pageSliceClock(): SliceClock {
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
    pause: () =>
      new Promise<void>((resolve) => {
        if (typeof MessageChannel === 'undefined') {
          setTimeout(resolve, 0);
          return;
        }
        waiting.push(resolve);
        (channel ?? open()).port2.postMessage(null);
      }),
  };
}

/**
 * Runs the work in slices of about `sliceMs`, giving the page a turn between them. `cancelled`
 * is asked before each slice: once it says yes the work is dropped where it stands (its last
 * slice finished; nothing half-written), and the result is null.
 */
export async function runInSlices<T>(work: Generator<void, T>, clock: SliceClock, cancelled: () => boolean, sliceMs = SLICE_MS): Promise<T | null> {
  for (;;) {
    if (cancelled()) return null;
    const sliceEnds = clock.now() + sliceMs;
    do {
      const next = work.next();
      if (next.done) return next.value;
    } while (clock.now() < sliceEnds);
    await clock.pause();
  }
}

/**
 * The share of the page's thread the periodic saves may take. At fleet scale a save is megabytes
 * of JSON built from ~10,000 changed records; written every second or two it took 3-4% of the
 * thread and a third of what the page allocated, which the garbage collector then paid for in frames.
 */
export const SAVE_SHARE = 0.02;

/** However long a save takes, the next one starts within this (pagehide still writes at once). */
export const MAX_SAVE_DELAY_MS = 10_000;

export interface SlicedBuilds {
  /** A build started and neither finished nor dropped. */
  readonly busy: boolean;
  /**
   * How long to wait before the next save: `baseMs`, or longer when the last finished build's work
   * (its slices' time) would otherwise take more than SAVE_SHARE of the time, up to MAX_SAVE_DELAY_MS.
   */
  nextDelay(baseMs: number): number;
  /** Starts `work` in slices; `done` runs in the slice that finishes it (not a promise turn later). */
  start<T>(work: Generator<void, T>, done?: (result: T) => void): void;
  /** Stops the build in flight before its next slice; true when there was one. */
  drop(): boolean;
}

/**
 * One build at a time, for a save that is built in slices and may be overtaken (a pagehide that
 * writes whole, another tab's write). Being done is noted in the finishing slice, so a change that
 * arrives right after is never taken for one arriving mid-build.
 */
export function slicedBuilds(clock: SliceClock): SlicedBuilds {
  let current: { dropped: boolean } | null = null;
  let lastWorkMs = 0;
  return {
    get busy() {
      return current !== null;
    },
    nextDelay(baseMs) {
      return Math.min(MAX_SAVE_DELAY_MS, Math.max(baseMs, lastWorkMs / SAVE_SHARE));
    },
    start(work, done) {
      const job = { dropped: false };
      current = job;
      function* noted(): Generator<void, void> {
        let spent = 0;
        for (;;) {
          const started = clock.now();
          const step = work.next();
          spent += clock.now() - started;
          if (step.done) {
            if (current === job) current = null;
            lastWorkMs = spent;
            done?.(step.value);
            return;
          }
          yield;
        }
      }
      void runInSlices(noted(), clock, () => job.dropped);
    },
    drop() {
      if (current === null) return false;
      current.dropped = true;
      current = null;
      return true;
    },
  };
}
