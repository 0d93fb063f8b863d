/**
 * The write made as the page goes away, kept in localStorage as well. Chromium does not always run
 * an IndexedDB transaction made in pagehide: when the document is torn down before the database has
 * taken the transaction's requests, it is aborted, commit() or not, and a reload comes back without
 * the last second of changes. A localStorage write made in pagehide does survive. So the pagehide
 * write goes to both, with a marker record in the same IndexedDB transaction; the next start finds
 * the journal and, when the marker is missing (the transaction was lost, all of it), writes the
 * journal's records itself.
 */
import { z } from 'zod';

/** One record of the journal: null deletes the key. */
export interface JournalEntry {
  readonly store: string;
  readonly key: string;
  readonly record: object | null;
}

/**
 * Writes one entry through the browser's own object store (not idb's wrapper: no promise and
 * listeners per request; a request's error aborts the transaction and reaches its done promise).
 */
export function writeEntry(objectStore: IDBObjectStore, key: string, record: object | null): void {
  if (record === null) objectStore.delete(key);
  else objectStore.put(record, key);
}

export interface Journal {
  readonly id: string;
  readonly entries: readonly JournalEntry[];
}

/** The store holding one marker per journal whose transaction committed. */
export const JOURNAL_MARKER_STORE = 'kit-unload-markers';

/** A journal larger than this (characters of JSON) is not kept: localStorage holds about 5 MB an origin. */
export const MAX_JOURNAL_CHARS = 2_000_000;

/** A marker older than this without its journal is left over from a transaction that did commit. */
export const ORPHAN_MARKER_MS = 60_000;

const journalSchema = z.object({
  v: z.literal(1),
  entries: z.array(z.object({ store: z.string(), key: z.string(), record: z.union([z.record(z.string(), z.unknown()), z.null()]) })),
});

export const markerSchema = z.object({ at: z.number() });

export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface JournalRead {
  readonly journals: Journal[];
  /** Journals that did not parse: removed, counted. */
  readonly skipped: number;
}

/** The journals of one database in one localStorage, each under `<database>:unload:<id>`. */
export class UnloadJournal {
  readonly #storage: JournalStorage;
  readonly #prefix: string;

  constructor(storage: JournalStorage, database: string) {
    this.#storage = storage;
    this.#prefix = `${database}:unload:`;
  }

  /** Keeps the entries under `id`; false when they are too large or the storage refused them. */
  write(id: string, entries: readonly JournalEntry[]): boolean {
    let text: string;
    try {
      text = JSON.stringify({ v: 1, entries });
    } catch {
      return false;
    }
    if (text.length > MAX_JOURNAL_CHARS) return false;
    try {
      this.#storage.setItem(this.#prefix + id, text);
      return true;
    } catch {
      return false;
    }
  }

  remove(id: string): void {
    try {
      this.#storage.removeItem(this.#prefix + id);
    } catch {
      // Storage gone (private mode torn down): nothing left to remove.
    }
  }

  /** Every journal of this database; one that does not parse is removed and counted. */
  readAll(): JournalRead {
    const journals: Journal[] = [];
    let skipped = 0;
    let keys: string[];
    try {
      keys = Array.from({ length: this.#storage.length }, (_, i) => this.#storage.key(i)).filter(
        (key): key is string => key?.startsWith(this.#prefix) === true,
      );
    } catch {
      return { journals, skipped };
    }
    for (const key of keys) {
      const id = key.slice(this.#prefix.length);
      let parsed: z.infer<typeof journalSchema> | null = null;
      try {
        const result = journalSchema.safeParse(JSON.parse(this.#storage.getItem(key) ?? 'null'));
        if (result.success) parsed = result.data;
      } catch {
        parsed = null;
      }
      if (parsed === null) {
        skipped += 1;
        this.remove(id);
      } else {
        journals.push({ id, entries: parsed.entries });
      }
    }
    return { journals, skipped };
  }
}

/** The page's localStorage, or null where there is none or touching it throws. */
export function pageJournalStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
