import { afterEach, describe, expect, it } from 'vitest';
import { openPersistKit, type CollectionSpec, type PersistKit } from './persist-kit.ts';
import { freshIndexedDb, linkedChannels, manualTimers, settle } from './persist-kit-test-kit.ts';
import type { DatabaseSpec } from './persist-database.ts';
import { JOURNAL_MARKER_STORE, MAX_JOURNAL_CHARS, UnloadJournal } from './unload-journal.ts';
import { MemoryStorage } from '../work-slices-test-kit.ts';

const DB: DatabaseSpec = { name: 'journal-test', version: 1, stores: [{ name: 'notes' }] };
const PREFIX = 'journal-test:unload:';

function notes(values = new Map<string, string>()): { values: Map<string, string>; spec: CollectionSpec<string> } {
  return {
    values,
    spec: {
      store: 'notes',
      encode: (text) => ({ v: 1, text }),
      decode: (record) => {
        const r = record as { v?: unknown; text?: unknown };
        return r.v === 1 && typeof r.text === 'string' ? r.text : null;
      },
      current: (key) => values.get(key),
    },
  };
}

const kits: PersistKit[] = [];
afterEach(() => {
  for (const k of kits.splice(0)) k.close();
});

async function kit(factory: IDBFactory, storage: MemoryStorage, page: EventTarget | null = null, channel = linkedChannels(1)[0]) {
  const made = await openPersistKit({
    database: DB,
    factory,
    channel,
    slices: null,
    pageEvents: page,
    journal: storage,
    timers: manualTimers().timers,
  });
  kits.push(made);
  return made;
}

function journalKeys(storage: MemoryStorage): string[] {
  return [...storage.items.keys()].filter((key) => key.startsWith(PREFIX));
}

async function markers(factory: IDBFactory): Promise<IDBValidKey[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(DB.name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error('open failed'));
  });
  const keys = await new Promise<IDBValidKey[]>((resolve) => {
    const request = db.transaction(JOURNAL_MARKER_STORE).objectStore(JOURNAL_MARKER_STORE).getAllKeys();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return keys;
}

describe('unload journal', () => {
  it('keeps the pagehide write in localStorage until its transaction lands, then drops journal and marker', async () => {
    const factory = freshIndexedDb();
    const storage = new MemoryStorage();
    const page = new EventTarget();
    const k = await kit(factory, storage, page);
    const side = notes();
    const collection = k.collection(side.spec);
    side.values.set('a', 'last second');
    collection.changed(['a']);
    page.dispatchEvent(new Event('pagehide'));

    const [key] = journalKeys(storage);
    expect(key).toBeDefined();
    expect(JSON.parse(storage.getItem(key ?? '') ?? '')).toEqual({
      v: 1,
      entries: [{ store: 'notes', key: 'a', record: { v: 1, text: 'last second' } }],
    });
    await k.flush();
    await settle();
    expect(journalKeys(storage)).toEqual([]);
    expect(await markers(factory)).toEqual([]);
    expect((await collection.readAll()).values).toEqual(['last second']);
  });

  it('a journal whose transaction was lost is written by the next start, and the other tabs are told', async () => {
    const factory = freshIndexedDb();
    const storage = new MemoryStorage();
    new UnloadJournal(storage, DB.name).write('gone-page:1', [
      { store: 'notes', key: 'a', record: { v: 1, text: 'from the journal' } },
      { store: 'not-a-store', key: 'x', record: { v: 1, text: 'ignored' } },
    ]);
    const [channel] = linkedChannels(1);
    const k = await kit(factory, storage, null, channel);
    expect((await k.collection(notes().spec).readAll()).values).toEqual(['from the journal']);
    expect(journalKeys(storage)).toEqual([]);
    expect(channel?.posted).toEqual([[{ store: 'notes', keys: ['a'] }]]);
  });

  it('a journal whose transaction landed (its marker is there) is not written again over newer records', async () => {
    const factory = freshIndexedDb();
    const storage = new MemoryStorage();
    const first = await kit(factory, storage);
    const side = notes(new Map([['a', 'newer, written by another tab']]));
    first.collection(side.spec).changed(['a']);
    await first.flush();
    first.close();
    await settle();
    // A journal as a page leaves it when the page went before it could drop it, marker and all.
    new UnloadJournal(storage, DB.name).write('page:1', [{ store: 'notes', key: 'a', record: { v: 1, text: 'older' } }]);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open(DB.name);
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction(JOURNAL_MARKER_STORE, 'readwrite');
      tx.objectStore(JOURNAL_MARKER_STORE).put({ at: Date.now() }, 'page:1');
      tx.oncomplete = () => resolve();
    });
    db.close();

    const k = await kit(factory, storage);
    expect((await k.collection(notes().spec).readAll()).values).toEqual(['newer, written by another tab']);
    expect(journalKeys(storage)).toEqual([]);
    expect(await markers(factory)).toEqual([]);
  });

  it('a journal that does not parse is removed and counted; the rest loads', async () => {
    const factory = freshIndexedDb();
    const storage = new MemoryStorage();
    storage.setItem(`${PREFIX}bad`, '{"v":1,"entries":[{"store":5}]');
    storage.setItem(`${PREFIX}wrong`, JSON.stringify({ v: 9, entries: [] }));
    new UnloadJournal(storage, DB.name).write('good', [{ store: 'notes', key: 'b', record: { v: 1, text: 'kept' } }]);
    storage.setItem('other-app:unload:x', 'not ours');
    const k = await kit(factory, storage);
    expect(k.skipped).toBe(2);
    expect((await k.collection(notes().spec).readAll()).values).toEqual(['kept']);
    expect([...storage.items.keys()]).toEqual(['other-app:unload:x']);
  });

  it('writes again, and journals, what a periodic write still has in flight when the page goes', async () => {
    const factory = freshIndexedDb();
    const storage = new MemoryStorage();
    const page = new EventTarget();
    const time = manualTimers();
    const k = await openPersistKit({
      database: DB,
      factory,
      channel: null,
      slices: null,
      pageEvents: page,
      journal: storage,
      timers: time.timers,
    });
    kits.push(k);
    const side = notes();
    const collection = k.collection(side.spec);
    side.values.set('a', 'periodic');
    collection.changed(['a']);
    time.fire();
    side.values.set('b', 'pending');
    collection.changed(['b']);
    page.dispatchEvent(new Event('pagehide'));
    const [key] = journalKeys(storage);
    const journal = JSON.parse(storage.getItem(key ?? '') ?? '{}') as { entries: { key: string }[] };
    expect(journal.entries.map((entry) => entry.key)).toEqual(['a', 'b']);
    await k.flush();
    expect((await collection.readAll()).values).toEqual(['periodic', 'pending']);
  });

  it('a write too large for localStorage is not journaled (and gets no marker) but still written', async () => {
    const factory = freshIndexedDb();
    const storage = new MemoryStorage();
    const page = new EventTarget();
    const k = await kit(factory, storage, page);
    const side = notes(new Map([['big', 'x'.repeat(MAX_JOURNAL_CHARS)]]));
    const collection = k.collection(side.spec);
    collection.changed(['big']);
    page.dispatchEvent(new Event('pagehide'));
    expect(journalKeys(storage)).toEqual([]);
    await k.flush();
    expect(await markers(factory)).toEqual([]);
    expect((await collection.readAll()).values).toHaveLength(1);
  });
});
