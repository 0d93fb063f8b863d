import type { FrameBudget, InboxScheduler } from './inbox.ts';

/** A scheduler the test steps by hand: frames and timeouts run only when asked. */
export interface FakeInboxScheduler extends InboxScheduler {
  hidden: boolean;
  readonly pendingFrames: number;
  readonly pendingTimeouts: number;
  runFrame(): void;
  runTimeouts(): void;
}

/** `frameBudget`: frames measure the listeners on it (its clock is the test's, e.g. advanced by a listener). */
export function fakeInboxScheduler(options: { withFrames?: boolean; frameBudget?: FrameBudget } = {}): FakeInboxScheduler {
  let frames: (() => void)[] = [];
  let timeouts: (() => void)[] = [];
  const take = (list: (() => void)[], callback: () => void) => {
    list.push(callback);
    return () => {
      const i = list.indexOf(callback);
      if (i >= 0) list.splice(i, 1);
    };
  };
  const scheduler: FakeInboxScheduler = {
    hidden: false,
    requestFrame: options.withFrames === false ? null : (callback) => take(frames, callback),
    schedule: (callback) => take(timeouts, callback),
    isHidden: () => scheduler.hidden,
    ...(options.frameBudget ? { frameBudget: options.frameBudget } : {}),
    get pendingFrames() {
      return frames.length;
    },
    get pendingTimeouts() {
      return timeouts.length;
    },
    runFrame() {
      const due = frames;
      frames = [];
      for (const f of due) f();
    },
    runTimeouts() {
      const due = timeouts;
      timeouts = [];
      for (const f of due) f();
    },
  };
  return scheduler;
}
