import { describe, expect, it } from 'vitest';
import { acquireClientId, MAX_CLIENT_ID_LENGTH, type LockManagerLike, type StorageLike } from './client-id.ts';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/** Web Locks with `ifAvailable`: one holder per name; others get null at once. */
function memoryLocks(): LockManagerLike {
  const held = new Set<string>();
  return {
    async request(name, _options, callback) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

const SAFE = /^[a-z0-9-]+$/;

describe('acquireClientId', () => {
  it('gives the first tab a stable id, the same after a reload', async () => {
    const storage = memoryStorage();
    const locks = memoryLocks();
    const first = await acquireClientId('operator', { storage, locks });
    expect(first.persistent).toBe(true);
    expect(first.clientId.length).toBeLessThanOrEqual(MAX_CLIENT_ID_LENGTH);
    expect(first.clientId).toMatch(SAFE);
    expect(first.clientId.startsWith('ota-operator-')).toBe(true);
    await first.release(); // the page is gone
    const reloaded = await acquireClientId('operator', { storage, locks });
    expect(reloaded).toMatchObject({ clientId: first.clientId, persistent: true });
  });

  it('gives a second tab of the same role a fresh id and a clean session', async () => {
    const storage = memoryStorage();
    const locks = memoryLocks();
    const first = await acquireClientId('operator', { storage, locks });
    const second = await acquireClientId('operator', { storage, locks });
    expect(second.persistent).toBe(false);
    expect(second.clientId).not.toBe(first.clientId);
    expect(second.clientId.length).toBeLessThanOrEqual(MAX_CLIENT_ID_LENGTH);
    expect(second.clientId).toMatch(SAFE);
  });

  it('keeps roles apart: a kiosk tab does not compete with an operator tab', async () => {
    const storage = memoryStorage();
    const locks = memoryLocks();
    const operator = await acquireClientId('operator', { storage, locks });
    const kiosk = await acquireClientId('kiosk', { storage, locks });
    expect(kiosk.persistent).toBe(true);
    expect(kiosk.clientId).not.toBe(operator.clientId);
    expect(kiosk.clientId.startsWith('ota-kiosk-')).toBe(true);
  });

  it('owns the stable id where Web Locks are missing', async () => {
    const storage = memoryStorage();
    const a = await acquireClientId('kiosk', { storage, locks: null });
    const b = await acquireClientId('kiosk', { storage, locks: null });
    expect(a.persistent).toBe(true);
    expect(b.clientId).toBe(a.clientId);
  });

  it('still connects where localStorage is missing or throws', async () => {
    const noStorage = await acquireClientId('operator', { storage: null, locks: memoryLocks() });
    expect(noStorage.persistent).toBe(true);
    expect(noStorage.clientId).toMatch(SAFE);
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
    };
    const blocked = await acquireClientId('operator', { storage: throwing, locks: null });
    expect(blocked.clientId.startsWith('ota-operator-')).toBe(true);
  });

  it('replaces a stored id that is not one of ours', async () => {
    const storage = memoryStorage();
    storage.data.set('ota-console.client-id.operator', 'x/+#not-safe');
    const got = await acquireClientId('operator', { storage, locks: null });
    expect(got.clientId).toMatch(SAFE);
    expect(storage.data.get('ota-console.client-id.operator')).toBe(got.clientId);
  });
});
