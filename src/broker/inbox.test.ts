import { describe, expect, it, vi } from 'vitest';
import { createInbox, itemsThisFrame, MIN_ITEMS_PER_FRAME, UNMEASURED_ITEMS } from './inbox.ts';
import { fakeInboxScheduler } from './inbox-test-kit.ts';

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

  describe('frame budget', () => {
    /** A clock the listener moves: each item costs `msPerItem`. */
    function budgeted(msPerItem: number, budgetMs = 8) {
      let clock = 0;
      const scheduler = fakeInboxScheduler({ frameBudget: { ms: budgetMs, now: () => clock } });
      const inbox = createInbox<number>({ scheduler });
      const batches: number[][] = [];
      inbox.subscribe((b) => {
        batches.push([...b]);
        clock += b.length * msPerItem;
      });
      return { scheduler, inbox, batches };
    }

    it('spreads a backlog over the next frames, in order, once it knows the cost per item', () => {
      const { scheduler, inbox, batches } = budgeted(0.01);
      for (let i = 0; i < 200; i += 1) inbox.push(i);
      scheduler.runFrame(); // the first batch is whole: nothing is known of the cost yet
      expect(batches).toHaveLength(1);
      const backlog = Array.from({ length: 3_000 }, (_, i) => 1_000 + i);
      inbox.pushAll(backlog);
      scheduler.runFrame();
      expect(batches[1]).toHaveLength(800); // 8 ms at 0.01 ms an item
      expect(inbox.pending).toBe(2_200);
      expect(scheduler.pendingFrames).toBe(1);
      while (scheduler.pendingFrames > 0) scheduler.runFrame();
      expect(batches.slice(1).flat()).toEqual(backlog);
      expect(batches.slice(1).map((b) => b.length)).toEqual([800, 800, 800, 600]);
      expect(scheduler.pendingTimeouts).toBe(0);
    });

    it("takes a whole frame's traffic when it fits", () => {
      const { scheduler, inbox, batches } = budgeted(0.01);
      for (let round = 0; round < 3; round += 1) {
        for (let i = 0; i < 170; i += 1) inbox.push(i);
        scheduler.runFrame();
      }
      expect(batches.map((b) => b.length)).toEqual([170, 170, 170]);
    });

    it('drains a flood that outruns the budget: a quarter of the backlog at least, never under the minimum', () => {
      expect(itemsThisFrame(30_000, 8, 0.002)).toBe(7_500);
      expect(itemsThisFrame(10_000, 8, 1)).toBe(2_500);
      expect(itemsThisFrame(10_000, 8, 0.002)).toBe(4_000); // what the budget holds is more than a quarter
      expect(itemsThisFrame(300, 8, 1)).toBe(MIN_ITEMS_PER_FRAME);
      expect(itemsThisFrame(50, 8, 1)).toBe(50);
      const { scheduler, inbox, batches } = budgeted(0.05);
      inbox.pushAll(Array.from({ length: 100 }, (_, i) => i));
      scheduler.runFrame();
      inbox.pushAll(Array.from({ length: 1_000 }, (_, i) => i));
      scheduler.runFrame();
      expect(batches[1]).toHaveLength(250);
    });

    it('takes at most UNMEASURED_ITEMS before it knows the cost per item', () => {
      expect(itemsThisFrame(5_000, 8, null)).toBe(UNMEASURED_ITEMS);
      expect(itemsThisFrame(500, 8, null)).toBe(500);
      const { scheduler, inbox, batches } = budgeted(0.01);
      inbox.pushAll(Array.from({ length: 5_000 }, (_, i) => i));
      scheduler.runFrame();
      expect(batches[0]).toHaveLength(UNMEASURED_ITEMS);
      scheduler.runFrame();
      expect(batches[1]).toHaveLength(1_000); // measured now: a quarter of 4,000
    });

    it('delivers everything on flush() and on the hidden-tab timeout, whatever the budget', () => {
      const { scheduler, inbox, batches } = budgeted(0.01);
      inbox.pushAll(Array.from({ length: 100 }, (_, i) => i));
      scheduler.runFrame();
      inbox.pushAll(Array.from({ length: 5_000 }, (_, i) => i));
      inbox.flush();
      expect(batches[1]).toHaveLength(5_000);
      scheduler.hidden = true;
      inbox.pushAll(Array.from({ length: 5_000 }, (_, i) => i));
      scheduler.runTimeouts();
      expect(batches[2]).toHaveLength(5_000);
      expect(inbox.pending).toBe(0);
    });

    it("keeps the budget when a visible page's frame is late and the timeout delivers", () => {
      const { scheduler, inbox, batches } = budgeted(0.01);
      inbox.pushAll(Array.from({ length: 100 }, (_, i) => i));
      scheduler.runFrame();
      inbox.pushAll(Array.from({ length: 5_000 }, (_, i) => i));
      scheduler.runTimeouts(); // the frame did not come within HIDDEN_FLUSH_DELAY_MS
      expect(batches[1]).toHaveLength(1_250);
      expect(inbox.pending).toBe(3_750);
      expect(scheduler.pendingFrames).toBe(1);
      expect(scheduler.pendingTimeouts).toBe(1);
    });

    it("has no budget without one in the scheduler (the worker's timer, Node)", () => {
      const scheduler = fakeInboxScheduler();
      const inbox = createInbox<number>({ scheduler });
      const batches: number[][] = [];
      inbox.subscribe((b) => batches.push([...b]));
      for (let round = 0; round < 2; round += 1) {
        inbox.pushAll(Array.from({ length: 20_000 }, (_, i) => i));
        scheduler.runFrame();
      }
      expect(batches.map((b) => b.length)).toEqual([20_000, 20_000]);
    });
  });
});
