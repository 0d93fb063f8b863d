/**
 * The console's IndexedDB database, opened through idb: the object stores and indexes the features
 * declare, created by a versioned upgrade. Opening never throws at the caller: a browser without
 * IndexedDB (some private modes), a refused or blocked open all come back as a reason, and the
 * console then keeps its data in memory (persist-kit.ts).
 */
import { wrap, type IDBPDatabase } from 'idb';

export interface IndexSpec {
  readonly name: string;
  /** A field of the stored record. */
  readonly keyPath: string;
  /** One index entry per element when the field holds an array (a task's SNs). */
  readonly multiEntry?: boolean;
}

/** An object store with out-of-line string keys (the record's id: bid, gateway SN, campaign id). */
export interface StoreSpec {
  readonly name: string;
  readonly indexes?: readonly IndexSpec[];
}

export interface DatabaseSpec {
  readonly name: string;
  /** Raised whenever a store or an index is added; the upgrade adds what is missing. */
  readonly version: number;
  readonly stores: readonly StoreSpec[];
}

export type PersistDatabase = IDBPDatabase;

export type OpenOutcome = { ok: true; db: PersistDatabase } | { ok: false; reason: 'unsupported' | 'open-failed'; detail: string };

/** The page's IndexedDB, or null where there is none or touching it throws (sandboxed frames). */
export function browserIndexedDb(): IDBFactory | null {
  try {
    return typeof indexedDB === 'undefined' ? null : indexedDB;
  } catch {
    return null;
  }
}

function upgrade(db: IDBDatabase, transaction: IDBTransaction, spec: DatabaseSpec): void {
  for (const store of spec.stores) {
    const objectStore = db.objectStoreNames.contains(store.name) ? transaction.objectStore(store.name) : db.createObjectStore(store.name);
    for (const index of store.indexes ?? []) {
      if (!objectStore.indexNames.contains(index.name))
        objectStore.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry ?? false });
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Opens (creating or upgrading) the database. An open that another tab blocks with an older version
 * for longer than `timeoutMs` counts as failed rather than holding the console's start-up.
 */
export async function openDatabase(spec: DatabaseSpec, factory: IDBFactory | null, timeoutMs = 5_000): Promise<OpenOutcome> {
  if (factory === null) return { ok: false, reason: 'unsupported', detail: 'IndexedDB is not available in this browser context' };
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(spec.name, spec.version);
  } catch (error) {
    return { ok: false, reason: 'open-failed', detail: describe(error) };
  }
  request.addEventListener('upgradeneeded', () => {
    if (request.transaction !== null) upgrade(request.result, request.transaction, spec);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<OpenOutcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: 'open-failed', detail: `IndexedDB did not open within ${String(timeoutMs)} ms` }),
      timeoutMs,
    );
  });
  const opened = (wrap(request) as Promise<PersistDatabase>).then(
    (db): OpenOutcome => {
      // A newer build in another tab wants to upgrade: let it (this tab then writes nothing more).
      db.addEventListener('versionchange', () => db.close());
      return { ok: true, db };
    },
    (error: unknown): OpenOutcome => ({ ok: false, reason: 'open-failed', detail: describe(error) }),
  );
  try {
    const outcome = await Promise.race([opened, timeout]);
    // An open that finished after the timeout is closed again, so it blocks no later upgrade.
    if (!outcome.ok) void opened.then((late) => (late.ok ? late.db.close() : undefined));
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}
