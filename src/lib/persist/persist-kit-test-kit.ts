/** Test helpers for code built on the persistence kit: a fresh in-memory IndexedDB and hand-run timers. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { ChangeChannel, ChangeNotice } from './change-channel.ts';
import type { KitTimers } from './record-writer.ts';

/** An IndexedDB of its own for each test (fake-indexeddb, in memory). */
export function freshIndexedDb(): IDBFactory {
  return new IDBFactory();
}

/** Timers the test fires by hand: `fire()` runs what is due, in order. */
export function manualTimers() {
  let next = 0;
  const due = new Map<number, () => void>();
  /** The delay of every timer set, in order. */
  const delays: number[] = [];
  const timers: KitTimers = {
    setTimeout(fn, ms) {
      delays.push(ms);
      next += 1;
      due.set(next, fn);
      return next;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
  };
  return {
    timers,
    delays,
    get pending() {
      return due.size;
    },
    fire() {
      const all = [...due.values()];
      due.clear();
      for (const fn of all) fn();
    },
  };
}

/** Channels linked in memory, as BroadcastChannel links tabs: a post reaches every other end. */
export function linkedChannels(count: number): (ChangeChannel & { posted: ChangeNotice[][] })[] {
  const ends = Array.from({ length: count }, () => ({
    listeners: new Set<(notices: readonly ChangeNotice[]) => void>(),
    posted: [] as ChangeNotice[][],
  }));
  return ends.map((end) => ({
    posted: end.posted,
    post(notices) {
      end.posted.push([...notices]);
      for (const other of ends) if (other !== end) for (const listener of other.listeners) listener(notices);
    },
    subscribe(listener) {
      end.listeners.add(listener);
      return () => end.listeners.delete(listener);
    },
    close() {
      end.listeners.clear();
    },
  }));
}

/** Resolves once IndexedDB's queued work (fake-indexeddb runs on timers and promise turns) is done. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
