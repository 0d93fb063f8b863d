import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PersistStatus } from '../../lib/persist/persist-kit';
import { StorageNote, type PersistStatusSource } from './storage-note';

function statusSource(initial: PersistStatus) {
  const listeners = new Set<(status: PersistStatus) => void>();
  const source = {
    status: initial,
    skipped: 0,
    subscribeStatus(listener: (status: PersistStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(next: PersistStatus) {
      source.status = next;
      for (const listener of listeners) listener(next);
    },
  };
  return source satisfies PersistStatusSource;
}

describe('StorageNote on Settings', () => {
  it('says the data is kept in the browser while IndexedDB works', () => {
    render(<StorageNote source={statusSource({ mode: 'indexeddb' })} />);
    expect(screen.getByRole('heading', { name: 'Browser storage' })).toBeInTheDocument();
    expect(screen.getByText(/kept in this browser \(IndexedDB\)/)).toBeInTheDocument();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('says how many stored records could not be read', () => {
    render(<StorageNote source={{ ...statusSource({ mode: 'indexeddb' }), skipped: 3 }} />);
    expect(screen.getByText('3 stored records could not be read and were left out.')).toBeInTheDocument();
  });

  it('warns, visibly and with the reason, when the console runs in memory only', () => {
    render(<StorageNote source={statusSource({ mode: 'memory', reason: 'unsupported', detail: 'no IndexedDB' })} />);
    expect(screen.getByRole('note')).toHaveTextContent(/in memory only.*lost when this page closes/);
    expect(screen.getByRole('note')).toHaveTextContent(/private windows/);
  });

  it('turns into the warning when a write hits the quota during the session', () => {
    const source = statusSource({ mode: 'indexeddb' });
    render(<StorageNote source={source} />);
    act(() => source.change({ mode: 'memory', reason: 'quota', detail: 'QuotaExceededError' }));
    expect(screen.getByRole('note')).toHaveTextContent(/storage quota is used up/);
  });
});
