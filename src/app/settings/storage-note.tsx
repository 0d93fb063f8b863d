import { createContext, useContext, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersistStatus } from '../../lib/persist/persist-kit';

/** The persistence kit's status, as the Settings screen reads it. */
export interface PersistStatusSource {
  readonly status: PersistStatus;
  /** Stored records that could not be read (left out, never thrown). */
  readonly skipped: number;
  subscribeStatus(listener: (status: PersistStatus) => void): () => void;
}

const StorageStatusContext = createContext<PersistStatusSource | null>(null);

/** `<StorageStatusProvider value={kit}>` (a React 19 context is its own provider). */
export const StorageStatusProvider = StorageStatusContext;

export function useStorageStatusSource(): PersistStatusSource | null {
  return useContext(StorageStatusContext);
}

/** Where tasks, fleet and campaigns are kept; a visible warning when only in memory. */
export function StorageNote({ source }: { source: PersistStatusSource }) {
  const { t } = useTranslation('app');
  const status = useSyncExternalStore(
    (notify) => source.subscribeStatus(notify),
    () => source.status,
  );
  return (
    <section aria-labelledby="storage-heading" className="flex flex-col gap-2 text-sm">
      <h2 id="storage-heading" className="text-lg font-semibold">
        {t('storage.heading')}
      </h2>
      {status.mode === 'indexeddb' ? (
        <>
          <p>{t('storage.kept')}</p>
          {source.skipped > 0 ? <p className="text-amber-900">{t('storage.skipped', { count: source.skipped })}</p> : null}
        </>
      ) : (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t('storage.memoryOnly', { why: t(`storage.why.${status.reason}`) })}
        </p>
      )}
    </section>
  );
}
