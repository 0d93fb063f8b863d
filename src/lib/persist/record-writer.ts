/**
 * Writes changed records. Keys are gathered (marked by the feature, or asked of it once per period)
 * and written with the value they have at write time, so a task that changed sixty times in a
 * second is encoded and written once. One readwrite transaction per debounce period; a large batch
 * (a fleet's worth of gateways) is split into transactions of about SLICE_MS each, with the page
 * getting the time between them (WRITING_SHARE), and the next period waits longer when writing
 * took more than SAVE_SHARE of the time. IndexedDB runs readwrite transactions on one store in the
 * order they were made, so a later write never lands under an earlier one.
 */
import { unwrap, type IDBPTransaction } from 'idb';
import type { ChangeNotice } from './change-channel.ts';
import type { PersistDatabase } from './persist-database.ts';
import type { CollectionSpec, PersistFailure } from './persist-types.ts';
import { JOURNAL_MARKER_STORE, writeEntry, type JournalEntry, type UnloadJournal } from './unload-journal.ts';
import { MAX_SAVE_DELAY_MS, restAfter, SAVE_SHARE, SLICE_MS, type SliceClock } from '../work-slices.ts';

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
  /** Where the write made as the page goes is kept as well (unload-journal.ts); null: nowhere. */
  journal: UnloadJournal | null;
}

/** Names this page's journals apart from other tabs' (and from its own earlier pagehides). */
function pageId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${String(Date.now())}-${String(Math.random()).slice(2)}`;
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
  /** Armed by #askAgainLater. */
  #wake: unknown = null;
  #slicing = false;
  /** A change came while slices were being written: another period follows them. */
  #changedWhileSlicing = false;
  #stopped = false;
  /** Main-thread time the last write took (encoding and handing records to IndexedDB). */
  #lastWorkMs = 0;
  /**
   * Every transaction not yet settled, so flushNow can wait for them all, with what it writes when
   * there is a journal: a pagehide write writes those again, since the page may go before they land.
   */
  readonly #inFlight = new Map<Promise<void>, readonly JournalEntry[]>();
  readonly #pageId = pageId();
  #journals = 0;

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
    if (this.#wake !== null) this.#deps.timers.clearTimeout(this.#wake);
    this.#timer = null;
    this.#wake = null;
  }

  #schedule(): void {
    if (this.#slicing) this.#changedWhileSlicing = true;
    if (this.#timer !== null || this.#slicing || this.#stopped) return;
    const delay = Math.min(MAX_SAVE_DELAY_MS, Math.max(this.#deps.debounceMs, this.#lastWorkMs / SAVE_SHARE));
    this.#timer = this.#deps.timers.setTimeout(() => {
      this.#timer = null;
      if (this.#deps.slices === null) this.#writeAt(false, false);
      else void this.#writeInSlices(this.#deps.slices);
    }, delay);
  }

  /**
   * After a periodic write: a collection holding minor changes back gets asked again when they are
   * due, even if its store stays quiet (a finished fleet, a lost connection).
   */
  #askAgainLater(): void {
    if (this.#stopped || this.#timer !== null || this.#wake !== null) return;
    let wait: number | null = null;
    for (const spec of this.#specs.values()) {
      const ms = spec.askAgainIn?.() ?? null;
      if (ms !== null) wait = wait === null ? ms : Math.min(wait, ms);
    }
    if (wait === null) return;
    if (wait === 0) {
      this.#schedule();
      return;
    }
    this.#wake = this.#deps.timers.setTimeout(() => {
      this.#wake = null;
      this.#schedule();
    }, wait);
  }

  /** Asks every collection for its changed keys; `full`: every change, none held back. */
  #gather(full: boolean): void {
    for (const [store, spec] of this.#specs) {
      const keys = spec.dirtyKeys?.(full);
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
  #writeSome(until: () => boolean, journalId: string | null = null): void {
    const unsettled = journalId === null ? [] : [...this.#inFlight.values()].flat();
    const stores = [...this.#pending].filter(([, keys]) => keys.size > 0).map(([store]) => store);
    const scope = [...new Set([...stores, ...unsettled.map((entry) => entry.store)])];
    if (scope.length === 0) return;
    const entries: JournalEntry[] | null = this.#deps.journal === null ? null : [];
    let tx: IDBPTransaction<unknown, string[], 'readwrite'>;
    try {
      tx = this.#deps.db.transaction(journalId === null ? scope : [...scope, JOURNAL_MARKER_STORE], 'readwrite');
    } catch (error) {
      const failure = failureOf(error);
      this.#deps.failed(failure.reason, failure.detail);
      this.stop();
      return;
    }
    const notices: ChangeNotice[] = [];
    try {
      for (const entry of unsettled) writeEntry(unwrap(tx.objectStore(entry.store)), entry.key, entry.record);
      this.#putPending(tx, stores, notices, until, entries);
      if (entries !== null && journalId !== null) this.#journal(tx, journalId, [...unsettled, ...entries]);
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
    // Commit now instead of when the page's task ends: a transaction still open when the page goes is
    // aborted. (Even a committed one can be lost then, hence the journal of the pagehide write.)
    try {
      tx.commit();
    } catch {
      // Already committing (no requests were made), or a browser without commit(): it auto-commits.
    }
    const done = tx.done.then(
      () => {
        this.#deps.written(notices.filter((n) => n.keys.length > 0));
        // The page outlived its pagehide (back/forward cache, a hidden tab): the journal is not needed.
        if (journalId !== null) this.#journalLanded(journalId);
      },
      (error: unknown) => {
        const failure = failureOf(tx.error ?? error);
        this.#deps.failed(failure.reason, failure.detail);
        this.stop();
      },
    );
    this.#inFlight.set(done, entries ?? []);
    void done.finally(() => this.#inFlight.delete(done));
  }

  /** Puts (or deletes) pending keys into `tx`, noting each key taken, until `until()` says stop. */
  #putPending(
    tx: IDBPTransaction<unknown, string[], 'readwrite'>,
    stores: readonly string[],
    notices: ChangeNotice[],
    until: () => boolean,
    entries: JournalEntry[] | null,
  ): void {
    for (const store of stores) {
      const spec = this.#specs.get(store);
      const pending = this.#pending.get(store);
      if (spec === undefined || pending === undefined) continue;
      // The browser's own store, not idb's wrapper: a promise and two listeners per request cost a
      // third of the writes' time at fleet scale, and a request's error reaches tx.done anyway.
      const objectStore = unwrap(tx.objectStore(store));
      const keys: string[] = [];
      notices.push({ store, keys });
      for (const key of pending) {
        pending.delete(key);
        keys.push(key);
        const value = spec.current(key);
        if (value === null) continue;
        const record = value === undefined ? null : spec.encode(value);
        writeEntry(objectStore, key, record);
        entries?.push({ store, key, record });
        if (until()) return;
      }
    }
  }

  /**
   * The journal of a pagehide write, and its marker in the same transaction: the next start writes
   * the journal's records only when the marker is missing, that is when this transaction was lost.
   */
  #journal(tx: IDBPTransaction<unknown, string[], 'readwrite'>, id: string, entries: readonly JournalEntry[]): void {
    if (entries.length === 0 || this.#deps.journal?.write(id, entries) !== true) return;
    tx.objectStore(JOURNAL_MARKER_STORE)
      .put({ at: Date.now() }, id)
      .catch(() => undefined);
  }

  #journalLanded(id: string): void {
    this.#deps.journal?.remove(id);
    this.#deps.db.delete(JOURNAL_MARKER_STORE, id).catch(() => undefined);
  }

  /**
   * Everything pending, in one transaction made now (pagehide, tests, the campaign write-ahead step).
   * `unloading`: the page is going away; the write is journaled too (unload-journal.ts).
   */
  flushNow(unloading = false): Promise<void> {
    this.#writeAt(true, unloading);
    return Promise.all(this.#inFlight.keys()).then(() => undefined);
  }

  /** One transaction made now; `full`: nothing held back (a flush), else a periodic write. */
  #writeAt(full: boolean, unloading: boolean): void {
    if (this.#timer !== null) this.#deps.timers.clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#stopped) return;
    const started = performance.now();
    this.#gather(full);
    // A flush with nothing to write leaves the pacing of the periodic writes as it was.
    const journaled = unloading && this.#deps.journal !== null;
    if (this.#hasPending() || (journaled && this.#inFlight.size > 0)) {
      this.#writeSome(() => false, journaled ? `${this.#pageId}:${String((this.#journals += 1))}` : null);
      if (!this.#slicing) this.#lastWorkMs = performance.now() - started;
    }
    if (!full) this.#askAgainLater();
  }

  async #writeInSlices(clock: SliceClock): Promise<void> {
    this.#slicing = true;
    this.#changedWhileSlicing = false;
    let spent = 0;
    try {
      const started = clock.now();
      this.#gather(false);
      const gatherMs = clock.now() - started;
      spent += gatherMs;
      // At fleet scale finding the changed records is a slice's worth of work by itself: the first
      // slice of writes gets a task of its own (the two together were 50-120 ms long tasks).
      if (this.#hasPending()) await clock.pause(restAfter(gatherMs));
      while (this.#hasPending() && !this.#stopped) {
        const sliceStart = clock.now();
        const sliceEnds = sliceStart + SLICE_MS;
        this.#writeSome(() => clock.now() >= sliceEnds);
        const sliceMs = clock.now() - sliceStart;
        spent += sliceMs;
        if (this.#hasPending()) await clock.pause(restAfter(sliceMs));
      }
    } finally {
      this.#slicing = false;
      this.#lastWorkMs = spent;
    }
    // Changes that came in while the slices ran.
    if (this.#changedWhileSlicing || this.#hasPending()) this.#schedule();
    else this.#askAgainLater();
  }
}
