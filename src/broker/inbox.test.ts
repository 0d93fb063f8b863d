import { describe, expect, it, vi } from 'vitest';
import { createInbox } from './inbox.ts';
import { fakeInboxScheduler } from './testing/fake-inbox-scheduler.ts';

describe('inbox', () => {
  it('hands N messages to its listeners as one batch on the next frame', () => {
    const scheduler = fakeInboxScheduler();
    const inbox = createInbox<number>({ scheduler });
    const batches: number[][] = [];
    inbox.subscribe((b) => batches.push([...b]));
    for (let i = 0; i < 500; i += 1) inbox.push(i);
    expect(batches).toEqual([]);
    expect(scheduler.pendingFrames).toBe(1);
    scheduler.runFrame();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual(Array.from({ length: 500 }, (_, i) => i));
    // The fallback timeout of that flush was cancelled: it cannot deliver a second, empty batch.
    expect(scheduler.pendingTimeouts).toBe(0);
  });

  it('starts a new batch after a flush', () => {
    const scheduler = fakeInboxScheduler();
    const inbox = createInbox<string>({ scheduler });
    const batches: string[][] = [];
    inbox.subscribe((b) => batches.push([...b]));
    inbox.push('a');
    scheduler.runFrame();
    inbox.push('b');
    inbox.push('c');
    scheduler.runFrame();
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('flushes on a timeout while the tab is hidden (no frames run then)', () => {
    const scheduler = fakeInboxScheduler();
    scheduler.hidden = true;
    const inbox = createInbox<number>({ scheduler });
    const batches: number[][] = [];
    inbox.subscribe((b) => batches.push([...b]));
    inbox.push(1);
    inbox.push(2);
    expect(scheduler.pendingFrames).toBe(0);
    scheduler.runTimeouts();
    expect(batches).toEqual([[1, 2]]);
  });

  it('still flushes when the tab was hidden after the frame was requested', () => {
    const scheduler = fakeInboxScheduler();
    const inbox = createInbox<number>({ scheduler });
    const batches: number[][] = [];
    inbox.subscribe((b) => batches.push([...b]));
    inbox.push(1);
    scheduler.hidden = true; // the requested frame never comes
    scheduler.runTimeouts();
    expect(batches).toEqual([[1]]);
  });

  it('works without requestAnimationFrame (Node)', () => {
    const scheduler = fakeInboxScheduler({ withFrames: false });
    const inbox = createInbox<number>({ scheduler });
    const seen: number[] = [];
    inbox.subscribe((b) => seen.push(...b));
    inbox.push(3);
    scheduler.runTimeouts();
    expect(seen).toEqual([3]);
  });

  it('a throwing listener breaks neither the other listeners nor later batches', () => {
    const scheduler = fakeInboxScheduler();
    const errors: unknown[] = [];
    const inbox = createInbox<number>({ scheduler, onListenerError: (e) => errors.push(e) });
    const seen: number[][] = [];
    inbox.subscribe(() => {
      throw new Error('boom');
    });
    inbox.subscribe((b) => seen.push([...b]));
    inbox.push(1);
    scheduler.runFrame();
    inbox.push(2);
    scheduler.runFrame();
    expect(seen).toEqual([[1], [2]]);
    expect(errors).toHaveLength(2);
  });

  it('stops delivering to an unsubscribed listener, and nothing after dispose', () => {
    const scheduler = fakeInboxScheduler();
    const inbox = createInbox<number>({ scheduler });
    const listener = vi.fn();
    const off = inbox.subscribe(listener);
    inbox.push(1);
    off();
    scheduler.runFrame();
    expect(listener).not.toHaveBeenCalled();
    const other = vi.fn();
    inbox.subscribe(other);
    inbox.push(2);
    inbox.dispose();
    inbox.push(3);
    scheduler.runFrame();
    scheduler.runTimeouts();
    expect(other).not.toHaveBeenCalled();
    expect(inbox.pending).toBe(0);
  });
});
