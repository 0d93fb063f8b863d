import { wrap, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { broadcastChangeChannel } from './change-channel.ts';
import { openPersistKit, type CollectionSpec, type PersistKit } from './persist-kit.ts';
import { freshIndexedDb, linkedChannels, manualTimers, settle } from './persist-kit-test-kit.ts';
import type { DatabaseSpec } from './persist-database.ts';
import { steppingClock } from '../work-slices-test-kit.ts';
import { MAX_SAVE_DELAY_MS, restAfter, SAVE_SHARE, SLICE_MS } from '../work-slices.ts';

interface Note {
  id: string;
  text: string;
  done?: number;
}

const DB: DatabaseSpec = { name: 'kit-test', version: 1, stores: [{ name: 'notes', indexes: [{ name: 'done', keyPath: 'done' }] }] };

/** A feature's side: values in a Map, records with a version and the indexed field. */
function notes(values = new Map<string, Note>()): { values: Map<string, Note>; spec: CollectionSpec<Note> } {
  return {
    values,
    spec: {
      store: 'notes',
      encode: (note) => ({ v: 1, note, ...(note.done === undefined ? {} : { done: note.done }) }),
      decode: (record) => {
        const r = record as { v?: unknown; note?: Note };
        return r.v === 1 && typeof r.note?.id === 'string' && typeof r.note.text === 'string' ? r.note : null;
      },
      current: (key) => values.get(key),
    },
  };
}

const kits: PersistKit[] = [];
async function kit(options: Partial<Parameters<typeof openPersistKit>[0]> = {}): Promise<PersistKit> {
  const made = await openPersistKit({ database: DB, channel: null, slices: null, pageEvents: null, ...options });
  kits.push(made);
  return made;
}

afterEach(() => {
  for (const k of kits.splice(0)) k.close();
  vi.restoreAllMocks();
});

describe('persist kit', () => {
  it('writes the changed keys with the values they have at write time, once per debounce period', async () => {
    const factory = freshIndexedDb();
    const time = manualTimers();
    const [channel] = linkedChannels(1);
    const k = await kit({ factory, timers: time.timers, channel });
    const side = notes();
    const collection = k.collection(side.spec);
    side.values.set('a', { id: 'a', text: 'one' });
    collection.changed(['a']);
    side.values.set('b', { id: 'b', text: 'two' });
    collection.changed(['b']);
    side.values.set('a', { id: 'a', text: 'one, edited' });
    collection.changed(['a']);
    expect(time.pending).toBe(1);
    expect((await collection.readAll()).values).toEqual([]);

    time.fire();
    await k.flush();
    const read = await collection.readAll();
    expect(read.values).toEqual([
      { id: 'a', text: 'one, edited' },
      { id: 'b', text: 'two' },
    ]);
    // One transaction, both keys.
    expect(channel?.posted).toEqual([[{ store: 'notes', keys: ['a', 'b'] }]]);
  });

  it('asks the feature for its changed keys at write time and deletes keys whose value is gone', async () => {
    const factory = freshIndexedDb();
    const time = manualTimers();
    const k = await kit({ factory, timers: time.timers });
    const side = notes(
      new Map([
        ['x', { id: 'x', text: 'x' }],
        ['y', { id: 'y', text: 'y' }],
      ]),
    );
    let dirty: string[] = ['x', 'y'];
    const collection = k.collection({ ...side.spec, dirtyKeys: () => dirty.splice(0) });
    collection.changed();
    time.fire();
    await k.flush();
    expect((await collection.readAll()).values.map((n) => n.id)).toEqual(['x', 'y']);

    side.values.delete('x');
    dirty = ['x'];
    await k.flush();
    expect((await collection.readAll()).values.map((n) => n.id)).toEqual(['y']);
  });

  it('flushes at once on pagehide, without waiting for the period', async () => {
    const factory = freshIndexedDb();
    const time = manualTimers();
    const page = new EventTarget();
    const k = await kit({ factory, timers: time.timers, pageEvents: page });
    const side = notes();
    const collection = k.collection(side.spec);
    side.values.set('a', { id: 'a', text: 'kept' });
    collection.changed(['a']);
    page.dispatchEvent(new Event('pagehide'));
    expect(time.pending).toBe(0);
    await settle();
    expect((await collection.readAll()).values).toEqual([{ id: 'a', text: 'kept' }]);
  });

  it('splits a large write into transactions of a slice each with rests between, and every key is written', async () => {
    const factory = freshIndexedDb();
    const time = manualTimers();
    const stepping = steppingClock();
    const [channel] = linkedChannels(1);
    const k = await kit({ factory, timers: time.timers, slices: stepping.clock, channel });
    const side = notes();
    const collection = k.collection(side.spec);
    const keys = Array.from({ length: 20 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    for (const key of keys) side.values.set(key, { id: key, text: key });
    collection.changed(keys);
    time.fire();
    while (stepping.paused > 0) await stepping.release();
    await k.flush();
    expect((await collection.readAll()).values).toHaveLength(20);
    expect(channel?.posted.length).toBeGreaterThan(1);
    expect(channel?.posted.flatMap((n) => n.flatMap((x) => x.keys))).toEqual(keys);
    // Finding the changed records gets a turn of its own: a rest after it, then one after each
    // slice but the last. Each slice reads
    // the stepping clock SLICE_MS times or more: its rest is at least the share's.
    expect(stepping.rests).toHaveLength(channel?.posted.length ?? 0);
    for (const rest of stepping.rests.slice(1)) expect(rest).toBeGreaterThanOrEqual(restAfter(SLICE_MS));
  });

  it('spaces the next write out so writing takes at most SAVE_SHARE of the time, up to MAX_SAVE_DELAY_MS', async () => {
    const factory = freshIndexedDb();
    const time = manualTimers();
    const stepping = steppingClock();
    const k = await kit({ factory, timers: time.timers, slices: stepping.clock, debounceMs: 1_000 });
    const side = notes();
    const collection = k.collection(side.spec);
    const write = async (count: number) => {
      const keys = Array.from({ length: count }, (_, i) => `k${String(i)}`);
      for (const key of keys) side.values.set(key, { id: key, text: String(Math.random()) });
      collection.changed(keys);
      time.fire();
      while (stepping.paused > 0) await stepping.release();
      await k.flush();
    };
    // The stepping clock makes each record cost about a millisecond.
    await write(5);
    await write(30);
    await write(300);
    await write(900);
    collection.changed(['k0']);
    expect(time.delays[0]).toBe(1_000);
    expect(time.delays[1]).toBe(1_000); // 5 records: cheap, the base delay
    expect(time.delays[2]).toBeGreaterThanOrEqual(30 / SAVE_SHARE); // about 30 ms of work
    expect(time.delays[3]).toBeGreaterThanOrEqual(300 / SAVE_SHARE); // about 300 ms: 15 s
    expect(time.delays[3]).toBeLessThan(MAX_SAVE_DELAY_MS);
    expect(time.delays[4]).toBe(MAX_SAVE_DELAY_MS); // 900 ms of work would ask for 45 s
  });

  it('tells another kit on the same database which keys it wrote; that kit reads them back', async () => {
    const factory = freshIndexedDb();
    const name = `kit-test-${String(Math.random())}`;
    const a = await kit({ factory, channel: broadcastChangeChannel(name) });
    const b = await kit({ factory, channel: broadcastChangeChannel(name) });
    const sideA = notes();
    const inA = a.collection(sideA.spec);
    const inB = b.collection(notes().spec);
    const heard = new Promise<readonly string[]>((resolve) => inB.onRemoteChange(resolve));
    sideA.values.set('shared', { id: 'shared', text: 'from a' });
    inA.changed(['shared']);
    await a.flush();
    const keys = await heard;
    expect(keys).toEqual(['shared']);
    expect((await inB.readKeys(keys)).values).toEqual([{ id: 'shared', text: 'from a' }]);
  });

  it('ignores a malformed channel message', async () => {
    const name = `kit-test-${String(Math.random())}`;
    const channel = broadcastChangeChannel(name);
    const heard: unknown[] = [];
    channel?.subscribe((n) => heard.push(n));
    const other = new BroadcastChannel(name);
    other.postMessage({ notices: 'nonsense' });
    other.postMessage({ notices: [{ store: 'notes', keys: ['k'] }] });
    await settle();
    other.close();
    channel?.close();
    expect(heard).toEqual([[{ store: 'notes', keys: ['k'] }]]);
  });

  it('skips and counts records that do not decode', async () => {
    const factory = freshIndexedDb();
    const k = await kit({ factory });
    const collection = k.collection(notes().spec);
    const raw = (await wrap(factory.open(DB.name, DB.version))) as IDBPDatabase;
    await raw.put('notes', { v: 1, note: { id: 'good', text: 'ok' } }, 'good');
    await raw.put('notes', { v: 99, something: 'else' }, 'newer');
    await raw.put('notes', 'garbage', 'garbage');
    raw.close();
    const read = await collection.readAll();
    expect(read.values).toEqual([{ id: 'good', text: 'ok' }]);
    expect(read.skipped).toBe(2);
    expect(k.skipped).toBe(2);
  });

  it('reads an index newest first with a limit, counts, and deletes the oldest entries beyond a cap', async () => {
    const factory = freshIndexedDb();
    const k = await kit({ factory });
    const side = notes();
    const collection = k.collection(side.spec);
    for (let i = 1; i <= 6; i++) side.values.set(`n${String(i)}`, { id: `n${String(i)}`, text: '', ...(i === 6 ? {} : { done: i * 10 }) });
    collection.changed(side.values.keys());
    await k.flush();
    expect((await collection.readIndex('done', { direction: 'prev', limit: 2 })).values.map((n) => n.id)).toEqual(['n5', 'n4']);
    expect(await collection.count('done')).toBe(5);
    expect(await collection.deleteOldest('done', 3)).toBe(2);
    // The record without the indexed field (n6) is not in the index, so never pruned.
    expect((await collection.readAll()).values.map((n) => n.id).sort()).toEqual(['n3', 'n4', 'n5', 'n6']);
  });

  it('without IndexedDB runs as a memory kit and says why', async () => {
    const k = await kit({ factory: null });
    expect(k.status).toEqual({ mode: 'memory', reason: 'unsupported', detail: expect.any(String) });
    const side = notes(new Map([['a', { id: 'a', text: 'a' }]]));
    const collection = k.collection(side.spec);
    collection.changed(['a']);
    await k.flush();
    expect(await collection.readAll()).toEqual({ values: [], skipped: 0 });
  });

  it('an open that fails (private mode) gives a memory kit', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The user denied permission', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const k = await kit({ factory: refusing });
    expect(k.status).toMatchObject({ mode: 'memory', reason: 'open-failed' });
    expect(k.status.mode === 'memory' && k.status.detail).toContain('InvalidStateError');
  });

  it('turns to memory on a quota error, tells its listeners, and writes nothing more', async () => {
    const factory = freshIndexedDb();
    const time = manualTimers();
    const k = await kit({ factory, timers: time.timers });
    const side = notes();
    const collection = k.collection(side.spec);
    const statuses: unknown[] = [];
    k.subscribeStatus((s) => statuses.push(s));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    side.values.set('a', { id: 'a', text: 'too much' });
    collection.changed(['a']);
    await k.flush();
    expect(k.status).toMatchObject({ mode: 'memory', reason: 'quota' });
    expect(statuses).toHaveLength(1);
    put.mockRestore();
    collection.changed(['a']);
    expect(time.pending).toBe(0);
    await k.flush();
    expect(await collection.readAll()).toEqual({ values: [], skipped: 0 });
  });
});
