/**
 * The persistence kit: one IndexedDB database shared by the features, one record per task, gateway
 * and campaign. A feature opens a collection (its store, how a value becomes a record and back, and
 * which keys changed); the kit writes the changed keys' current values in one transaction per
 * debounce period (and at once on pagehide), tells the other tabs which keys it wrote, and reads
 * records back for them. Nothing here runs per message: a store change only schedules the next write.
 *
 * Without a working IndexedDB (none, open refused, quota exceeded) the kit says so in `status` and
 * does nothing more: the stores keep running in memory. Reading never throws: a record that does not
 * decode is skipped and counted.
 */
import { broadcastChangeChannel, type ChangeChannel, type ChangeNotice } from './change-channel.ts';
import { browserIndexedDb, openDatabase, type DatabaseSpec, type PersistDatabase } from './persist-database.ts';
import { failureOf, RecordWriter, type KitTimers } from './record-writer.ts';
import type { CollectionSpec, PersistFailure } from './persist-types.ts';
import { replayJournals } from './journal-replay.ts';
import { JOURNAL_MARKER_STORE, pageJournalStorage, UnloadJournal, type JournalStorage } from './unload-journal.ts';

export type { CollectionSpec, PersistFailure } from './persist-types.ts';
import { pageSliceClock, type SliceClock } from '../work-slices.ts';

export type PersistStatus =
  { readonly mode: 'indexeddb' } | { readonly mode: 'memory'; readonly reason: PersistFailure; readonly detail: string };

export interface ReadResult<T> {
  readonly values: T[];
  /** Records that did not decode (another build's format, a hand edit): left out. */
  readonly skipped: number;
}

export interface IndexQuery {
  readonly range?: IDBKeyRange | string | number;
  /** String keys that start with this (instead of `range`). */
  readonly prefix?: string;
  /** 'prev': the highest keys first. */
  readonly direction?: 'next' | 'prev';
  readonly limit?: number;
}

export interface RecordCollection<T> {
  /** Marks keys (or, without keys, whatever dirtyKeys will report) to be written in the next period. */
  changed(keys?: Iterable<string>): void;
  readAll(): Promise<ReadResult<T>>;
  readKeys(keys: readonly string[]): Promise<ReadResult<T>>;
  /** Values in the order of an index (each record once, at its first entry). */
  readIndex(index: string, query?: IndexQuery): Promise<ReadResult<T>>;
  /** Distinct string keys of an index that `match` accepts, in key order, at most `limit` of them. */
  indexKeys(index: string, match: (key: string) => boolean, limit: number): Promise<string[]>;
  /** Entries of an index (or records of the store) in the range. */
  count(index?: string, range?: IDBKeyRange): Promise<number>;
  /** Deletes the records at the low end of an index until at most `keep` entries remain; how many went. */
  deleteOldest(index: string, keep: number): Promise<number>;
  /**
   * Writes these values in one transaction now, outside the periodic writes (a migration). With
   * `onlyNew`, a key that already has a record keeps it. Resolves to how many were written.
   */
  putAll(values: readonly T[], key: (value: T) => string, options?: { onlyNew?: boolean }): Promise<number>;
  /** Another tab wrote these keys (deleted ones included): read them back with readKeys. */
  onRemoteChange(listener: (keys: readonly string[]) => void): () => void;
}

export interface PersistKit {
  readonly status: PersistStatus;
  subscribeStatus(listener: (status: PersistStatus) => void): () => void;
  /** Records skipped by reads so far. */
  readonly skipped: number;
  collection<T>(spec: CollectionSpec<T>): RecordCollection<T>;
  /** Writes every pending change now (the transaction starts before this returns); resolves once committed. */
  flush(): Promise<void>;
  close(): void;
}

export interface PersistKitOptions {
  database: DatabaseSpec;
  /** The IndexedDB to use: the page's by default, null for none. */
  factory?: IDBFactory | null;
  /** How the other tabs are told; a BroadcastChannel named after the database by default. */
  channel?: ChangeChannel | null;
  debounceMs?: number;
  timers?: KitTimers;
  /** A large write is split into transactions of a few ms each, the page getting a turn between them. */
  slices?: SliceClock | null;
  /** Where pagehide is heard (the window by default). */
  pageEvents?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /**
   * Where the pagehide write is journaled (unload-journal.ts): the page's localStorage when the
   * page's events are heard (the defaults), none otherwise.
   */
  journal?: JournalStorage | null;
  openTimeoutMs?: number;
}

const realTimers: KitTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

class StatusCell {
  #status: PersistStatus;
  readonly #listeners = new Set<(status: PersistStatus) => void>();
  constructor(initial: PersistStatus) {
    this.#status = initial;
  }
  get value(): PersistStatus {
    return this.#status;
  }
  set(next: PersistStatus): void {
    this.#status = next;
    for (const listener of this.#listeners) listener(next);
  }
  subscribe(listener: (status: PersistStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const EMPTY_READ: ReadResult<never> = Object.freeze({ values: [], skipped: 0 });

/** A kit that keeps nothing: reads are empty, writes go nowhere, `status` says why. */
export function memoryPersistKit(reason: PersistFailure, detail: string): PersistKit {
  const status = new StatusCell({ mode: 'memory', reason, detail });
  return {
    get status() {
      return status.value;
    },
    subscribeStatus: (listener) => status.subscribe(listener),
    skipped: 0,
    collection: () => ({
      changed: () => undefined,
      readAll: () => Promise.resolve(EMPTY_READ),
      readKeys: () => Promise.resolve(EMPTY_READ),
      readIndex: () => Promise.resolve(EMPTY_READ),
      indexKeys: () => Promise.resolve([]),
      count: () => Promise.resolve(0),
      deleteOldest: () => Promise.resolve(0),
      putAll: () => Promise.resolve(0),
      onRemoteChange: () => () => undefined,
    }),
    flush: () => Promise.resolve(),
    close: () => undefined,
  };
}

function pageTarget(): PersistKitOptions['pageEvents'] {
  return typeof window === 'undefined' ? null : window;
}

/** Opens the database and returns a kit on it, or a memory kit saying why it could not. */
export async function openPersistKit(options: PersistKitOptions): Promise<PersistKit> {
  const factory = options.factory === undefined ? browserIndexedDb() : options.factory;
  const database = { ...options.database, stores: [...options.database.stores, { name: JOURNAL_MARKER_STORE }] };
  const opened = await openDatabase(database, factory, options.openTimeoutMs);
  if (!opened.ok) return memoryPersistKit(opened.reason, opened.detail);
  const channel = options.channel === undefined ? broadcastChangeChannel(`${options.database.name}:changes`) : options.channel;
  const journalStorage = options.journal === undefined ? (options.pageEvents === undefined ? pageJournalStorage() : null) : options.journal;
  // A database made by a build without the marker store (its version not raised since) gets no journal.
  const journal =
    journalStorage !== null && opened.db.objectStoreNames.contains(JOURNAL_MARKER_STORE)
      ? new UnloadJournal(journalStorage, options.database.name)
      : null;
  // Before any feature reads: the records of a pagehide write that was lost come back first.
  const replay = journal === null ? { skipped: 0, notices: [] } : await replayJournals(opened.db, journal);
  if (replay.notices.length > 0) channel?.post(replay.notices);
  return new IndexedDbKit(opened.db, {
    channel,
    skipped: replay.skipped,
    debounceMs: options.debounceMs ?? 1_000,
    timers: options.timers ?? realTimers,
    slices: options.slices === undefined ? pageSliceClock() : options.slices,
    pageEvents: options.pageEvents === undefined ? pageTarget() : options.pageEvents,
    journal,
  });
}

interface KitParts {
  channel: ChangeChannel | null;
  debounceMs: number;
  timers: KitTimers;
  slices: SliceClock | null;
  pageEvents: PersistKitOptions['pageEvents'];
  journal: UnloadJournal | null;
  /** Records (journals) already skipped while opening. */
  skipped: number;
}

class IndexedDbKit implements PersistKit {
  readonly #db: PersistDatabase;
  readonly #status = new StatusCell({ mode: 'indexeddb' });
  readonly #writer: RecordWriter;
  readonly #remote = new Map<string, Set<(keys: readonly string[]) => void>>();
  readonly #parts: KitParts;
  readonly #unsubscribeChannel: () => void;
  readonly #onHide = (): void => void this.#writer.flushNow(true);
  #skipped: number;

  constructor(db: PersistDatabase, parts: KitParts) {
    this.#db = db;
    this.#parts = parts;
    this.#skipped = parts.skipped;
    this.#writer = new RecordWriter({
      db,
      debounceMs: parts.debounceMs,
      timers: parts.timers,
      slices: parts.slices,
      journal: parts.journal,
      written: (notices) => parts.channel?.post(notices),
      failed: (reason, detail) => {
        if (this.#status.value.mode === 'indexeddb') this.#status.set({ mode: 'memory', reason, detail });
      },
    });
    // Once writing failed the kit writes nothing more (the features keep their data in memory).
    this.#status.subscribe((status) => {
      if (status.mode === 'memory') this.#writer.stop();
    });
    this.#unsubscribeChannel = parts.channel?.subscribe((notices) => this.#heard(notices)) ?? (() => undefined);
    parts.pageEvents?.addEventListener('pagehide', this.#onHide);
  }

  get status(): PersistStatus {
    return this.#status.value;
  }

  get skipped(): number {
    return this.#skipped;
  }

  subscribeStatus(listener: (status: PersistStatus) => void): () => void {
    return this.#status.subscribe(listener);
  }

  flush(): Promise<void> {
    return this.#writer.flushNow();
  }

  close(): void {
    this.#parts.pageEvents?.removeEventListener('pagehide', this.#onHide);
    this.#unsubscribeChannel();
    this.#parts.channel?.close();
    void this.#writer.flushNow().finally(() => this.#db.close());
    this.#writer.stop();
  }

  #heard(notices: readonly ChangeNotice[]): void {
    if (this.#status.value.mode !== 'indexeddb') return;
    for (const notice of notices) for (const listener of this.#remote.get(notice.store) ?? []) listener(notice.keys);
  }

  #decodeAll<T>(spec: CollectionSpec<T>, records: readonly unknown[]): ReadResult<T> {
    const values: T[] = [];
    let skipped = 0;
    for (const record of records) {
      let value: T | null;
      try {
        value = spec.decode(record);
      } catch {
        value = null;
      }
      if (value === null) skipped += 1;
      else values.push(value);
    }
    this.#skipped += skipped;
    return { values, skipped };
  }

  /** A read that fails (the database closed under us, a browser error) reads as nothing. */
  async #read<R>(read: () => Promise<R>, fallback: R): Promise<R> {
    if (this.#status.value.mode !== 'indexeddb') return fallback;
    try {
      return await read();
    } catch {
      return fallback;
    }
  }

  collection<T>(spec: CollectionSpec<T>): RecordCollection<T> {
    const db = this.#db;
    this.#writer.register(spec);
    const listeners = new Set<(keys: readonly string[]) => void>();
    this.#remote.set(spec.store, listeners);
    const decode = (records: readonly unknown[]): ReadResult<T> => this.#decodeAll(spec, records);
    return {
      changed: (keys) => {
        if (this.#status.value.mode === 'indexeddb') this.#writer.changed(spec.store, keys);
      },
      readAll: () => this.#read(async () => decode(await db.getAll(spec.store)), EMPTY_READ),
      readKeys: (keys) =>
        this.#read(async () => {
          const tx = db.transaction(spec.store, 'readonly');
          const records = await Promise.all(keys.map((key) => tx.store.get(key)));
          return decode(records.filter((r) => r !== undefined));
        }, EMPTY_READ),
      readIndex: (index, query = {}) =>
        this.#read(async () => {
          const source = db.transaction(spec.store, 'readonly').store.index(index);
          const limit = query.limit ?? Number.POSITIVE_INFINITY;
          const range = query.prefix === undefined ? (query.range ?? null) : IDBKeyRange.bound(query.prefix, `${query.prefix}\uffff`);
          if ((query.direction ?? 'next') === 'next') {
            return decode(await source.getAll(range, Number.isFinite(limit) ? limit : undefined));
          }
          const records: unknown[] = [];
          for (
            let cursor = await source.openCursor(range, 'prev');
            cursor !== null && records.length < limit;
            cursor = await cursor.continue()
          ) {
            records.push(cursor.value);
          }
          return decode(records);
        }, EMPTY_READ),
      indexKeys: (index, match, limit) =>
        this.#read(async () => {
          const source = db.transaction(spec.store, 'readonly').store.index(index);
          const keys: string[] = [];
          // Keys only, each distinct key once: a multiEntry index of SNs has a key per SN, not per record.
          for (
            let cursor = await source.openKeyCursor(null, 'nextunique');
            cursor !== null && keys.length < limit;
            cursor = await cursor.continue()
          ) {
            if (typeof cursor.key === 'string' && match(cursor.key)) keys.push(cursor.key);
          }
          return keys;
        }, []),
      count: (index, range) =>
        this.#read(() => {
          const store = db.transaction(spec.store, 'readonly').store;
          return index === undefined ? store.count(range ?? null) : store.index(index).count(range ?? null);
        }, 0),
      deleteOldest: (index, keep) =>
        this.#read(async () => {
          const tx = db.transaction(spec.store, 'readwrite');
          const source = tx.store.index(index);
          let excess = (await source.count()) - keep;
          let deleted = 0;
          const seen = new Set<IDBValidKey>();
          for (let cursor = await source.openCursor(); cursor !== null && excess > 0; cursor = await cursor.continue()) {
            excess -= 1;
            if (seen.has(cursor.primaryKey)) continue;
            seen.add(cursor.primaryKey);
            await cursor.delete();
            deleted += 1;
          }
          await tx.done;
          return deleted;
        }, 0),
      putAll: async (values, key, options = {}) => {
        if (this.#status.value.mode !== 'indexeddb') return 0;
        try {
          const tx = db.transaction(spec.store, 'readwrite');
          let written = 0;
          for (const value of values) {
            const id = key(value);
            if (options.onlyNew === true && (await tx.store.getKey(id)) !== undefined) continue;
            await tx.store.put(spec.encode(value), id);
            written += 1;
          }
          await tx.done;
          return written;
        } catch (error) {
          const failure = failureOf(error);
          if (this.#status.value.mode === 'indexeddb') this.#status.set({ mode: 'memory', ...failure });
          return 0;
        }
      },
      onRemoteChange: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }
}
