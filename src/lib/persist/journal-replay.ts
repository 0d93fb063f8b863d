/**
 * The start-up half of the unload journal (unload-journal.ts): the records of every journal whose
 * pagehide transaction was lost (its marker is missing) are written, then journals and markers are
 * dropped. A journal this cannot write (quota, a closing database) stays for the next start.
 */
import { unwrap } from 'idb';
import type { ChangeNotice } from './change-channel.ts';
import type { PersistDatabase } from './persist-database.ts';
import { JOURNAL_MARKER_STORE, markerSchema, ORPHAN_MARKER_MS, writeEntry, type UnloadJournal } from './unload-journal.ts';

export interface ReplayOutcome {
  /** Journals that did not parse (removed). */
  readonly skipped: number;
  /** The keys written back, for the other tabs to read. */
  readonly notices: ChangeNotice[];
}

export async function replayJournals(db: PersistDatabase, journal: UnloadJournal): Promise<ReplayOutcome> {
  const { journals, skipped } = journal.readAll();
  const known = new Set(db.objectStoreNames);
  const replayed = new Map<string, Set<string>>();
  for (const { id, entries } of journals) {
    const kept = entries.filter((entry) => known.has(entry.store));
    try {
      const tx = db.transaction([...new Set([JOURNAL_MARKER_STORE, ...kept.map((entry) => entry.store)])], 'readwrite');
      const markers = tx.objectStore(JOURNAL_MARKER_STORE);
      if ((await markers.getKey(id)) === undefined) {
        for (const { store, key, record } of kept) {
          writeEntry(unwrap(tx.objectStore(store)), key, record);
          const keys = replayed.get(store) ?? new Set<string>();
          keys.add(key);
          replayed.set(store, keys);
        }
      } else {
        void markers.delete(id).catch(() => undefined);
      }
      await tx.done;
      journal.remove(id);
    } catch {
      // Left for the next start.
    }
  }
  await dropOrphanMarkers(db, new Set(journals.map((j) => j.id)));
  return { skipped, notices: [...replayed].map(([store, keys]) => ({ store, keys: [...keys] })) };
}

/** Markers whose journal is gone: their page lived to remove the journal but not the marker. */
async function dropOrphanMarkers(db: PersistDatabase, journaled: ReadonlySet<string>): Promise<void> {
  try {
    const tx = db.transaction(JOURNAL_MARKER_STORE, 'readwrite');
    const cutoff = Date.now() - ORPHAN_MARKER_MS;
    for (let cursor = await tx.store.openCursor(); cursor !== null; cursor = await cursor.continue()) {
      const marker = markerSchema.safeParse(cursor.value);
      const orphan = typeof cursor.key === 'string' && !journaled.has(cursor.key);
      if (!marker.success || (orphan && marker.data.at < cutoff)) await cursor.delete();
    }
    await tx.done;
  } catch {
    // Markers are small; the next start tries again.
  }
}
