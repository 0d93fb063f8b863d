/**
 * Writes changed records. Keys are gathered (marked by the feature, or asked of it once per period)
 * and written with the value they have at write time, so a task that changed sixty times in a
 * second is encoded and written once. One readwrite transaction per debounce period; a large batch
 * (a fleet's worth of gateways) is split into transactions of about SLICE_MS each with the page
 * getting a turn between them, and the next period waits longer when writing took more than
 * SAVE_SHARE of the time. IndexedDB runs readwrite transactions on one store in the order they were
 * made, so a later write never lands under an earlier one.
 */
import type { IDBPTransaction } from 'idb';
import type { ChangeNotice } from './change-channel.ts';
import type { PersistDatabase } from './persist-database.ts';
import type { CollectionSpec, PersistFailure } from './persist-types.ts';
import { MAX_SAVE_DELAY_MS, SAVE_SHARE, SLICE_MS, type SliceClock } from '../work-slices.ts';

export interface KitTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface WriterDeps {
  db: PersistDatabase;
  debounceMs: number;
  timers: KitTimers;
  /** null: every write is one transaction made at once. */
  slices: SliceClock | null;
  /** A transaction committed: these keys were written. */
  written(notices: readonly ChangeNotice[]): void;
  failed(reason: PersistFailure, detail: string): void;
}

type AnySpec = CollectionSpec<unknown>;

/** A browser error as the kit's reason to stop writing. */
export function failureOf(error: unknown): { reason: PersistFailure; detail: string } {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof DOMException || error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { reason: name === 'QuotaExceededError' ? 'quota' : 'write-failed', detail };
}

export class RecordWriter {
  readonly #deps: WriterDeps;
  readonly #specs = new Map<string, AnySpec>();
  /** Keys waiting to be written, per store. */
  readonly #pending = new Map<string, Set<string>>();
  #timer: unknown = null;
  #slicing = false;
  /** A change came while slices were being written: another period follows them. */
  #changedWhileSlicing = false;
  #stopped = false;
  /** Main-thread time the last write took (encoding and handing records to IndexedDB). */
  #lastWorkMs = 0;
  /** Every transaction not yet settled, so flushNow can wait for them all. */
  readonly #inFlight = new Set<Promise<void>>();

  constructor(deps: WriterDeps) {
    this.#deps = deps;
  }

  register<T>(spec: CollectionSpec<T>): void {
    this.#specs.set(spec.store, spec as AnySpec);
    this.#pending.set(spec.store, new Set());
  }

  changed(store: string, keys?: Iterable<string>): void {
    if (this.#stopped) return;
    if (keys !== undefined) {
      const pending = this.#pending.get(store);
      for (const key of keys) pending?.add(key);
    }
    this.#schedule();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== null) this.#deps.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(): void {
    if (this.#slicing) this.#changedWhileSlicing = true;
    if (this.#timer !== null || this.#slicing || this.#stopped) return;
    const delay = Math.min(MAX_SAVE_DELAY_MS, Math.max(this.#deps.debounceMs, this.#lastWorkMs / SAVE_SHARE));
    this.#timer = this.#deps.timers.setTimeout(() => {
      this.#timer = null;
      if (this.#deps.slices === null) void this.flushNow();
      else void this.#writeInSlices(this.#deps.slices);
    }, delay);
  }

  /** Asks every collection for its changed keys. */
  #gather(): void {
    for (const [store, spec] of this.#specs) {
      const keys = spec.dirtyKeys?.();
      if (keys === undefined) continue;
      const pending = this.#pending.get(store);
      for (const key of keys) pending?.add(key);
    }
  }

  #hasPending(): boolean {
    for (const keys of this.#pending.values()) if (keys.size > 0) return true;
    return false;
  }

  /**
   * One transaction over the stores with pending keys, writing until `until()` says stop; the keys
   * it took leave the pending sets. The puts are issued before this returns.
   */
  #writeSome(until: () => boolean): void {
    const stores = [...this.#pending].filter(([, keys]) => keys.size > 0).map(([store]) => store);
    if (stores.length === 0) return;
    let tx: IDBPTransaction<unknown, string[], 'readwrite'>;
    try {
      tx = this.#deps.db.transaction(stores, 'readwrite');
    } catch (error) {
      const failure = failureOf(error);
      this.#deps.failed(failure.reason, failure.detail);
      this.stop();
      return;
    }
    const notices: ChangeNotice[] = [];
    try {
      this.#putPending(tx, stores, notices, until);
    } catch (error) {
      // A record the browser refused at once (quota, a value it cannot clone): nothing of this
      // transaction is written.
      try {
        tx.abort();
      } catch {
        // already finished
      }
      tx.done.catch(() => undefined);
      const failure = failureOf(error);
      this.#deps.failed(failure.reason, failure.detail);
      this.stop();
      return;
    }
    // Commit now instead of when the page's task ends: a write made in pagehide must reach the
    // database even though the page goes away right after (an open transaction would be aborted).
    try {
      tx.commit();
    } catch {
      // Already committing (no requests were made), or a browser without commit(): it auto-commits.
    }
    const done = tx.done.then(
      () => this.#deps.written(notices.filter((n) => n.keys.length > 0)),
      (error: unknown) => {
        const failure = failureOf(tx.error ?? error);
        this.#deps.failed(failure.reason, failure.detail);
        this.stop();
      },
    );
    this.#inFlight.add(done);
    void done.finally(() => this.#inFlight.delete(done));
  }

  /** Puts (or deletes) pending keys into `tx`, noting each key taken, until `until()` says stop. */
  #putPending(
    tx: IDBPTransaction<unknown, string[], 'readwrite'>,
    stores: readonly string[],
    notices: ChangeNotice[],
    until: () => boolean,
  ): void {
    for (const store of stores) {
      const spec = this.#specs.get(store);
      const pending = this.#pending.get(store);
      if (spec === undefined || pending === undefined) continue;
      const objectStore = tx.objectStore(store);
      const keys: string[] = [];
      notices.push({ store, keys });
      for (const key of pending) {
        pending.delete(key);
        keys.push(key);
        const value = spec.current(key);
        if (value === null) continue;
        // Request errors surface through tx.done; an unhandled request promise would only be noise.
        if (value === undefined) objectStore.delete(key).catch(() => undefined);
        else objectStore.put(spec.encode(value), key).catch(() => undefined);
        if (until()) return;
      }
    }
  }

  /** Everything pending, in one transaction made now (pagehide, tests, the campaign write-ahead step). */
  flushNow(): Promise<void> {
    if (this.#timer !== null) this.#deps.timers.clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#stopped) {
      const started = performance.now();
      this.#gather();
      // A flush with nothing to write leaves the pacing of the periodic writes as it was.
      if (this.#hasPending()) {
        this.#writeSome(() => false);
        if (!this.#slicing) this.#lastWorkMs = performance.now() - started;
      }
    }
    return Promise.all(this.#inFlight).then(() => undefined);
  }

  async #writeInSlices(clock: SliceClock): Promise<void> {
    this.#slicing = true;
    this.#changedWhileSlicing = false;
    let spent = 0;
    try {
      const started = clock.now();
      this.#gather();
      spent += clock.now() - started;
      while (this.#hasPending() && !this.#stopped) {
        const sliceStart = clock.now();
        const sliceEnds = sliceStart + SLICE_MS;
        this.#writeSome(() => clock.now() >= sliceEnds);
        spent += clock.now() - sliceStart;
        if (this.#hasPending()) await clock.pause();
      }
    } finally {
      this.#slicing = false;
      this.#lastWorkMs = spent;
    }
    // Changes that came in while the slices ran.
    if (this.#changedWhileSlicing || this.#hasPending()) this.#schedule();
  }
}
