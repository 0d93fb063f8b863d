export type ClientRole = 'operator' | 'kiosk';

export interface AcquiredClientId {
  clientId: string;
  /** True when this tab owns the role's stable id (persistent session); false for a second tab. */
  persistent: boolean;
  /** Gives the id up before the page ends (role switch); resolves once another tab could take it. */
  release(): Promise<void>;
}

/** The parts of the Web Locks API used here (navigator.locks). */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface ClientIdEnvironment {
  storage: StorageLike | null;
  locks: LockManagerLike | null;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** MQTT 3.1.1 only promises 1-23 chars; letters, digits and '-' are accepted by every broker in use. */
export const MAX_CLIENT_ID_LENGTH = 23;
const PREFIX: Readonly<Record<ClientRole, string>> = { operator: 'ota-operator-', kiosk: 'ota-kiosk-' };
const ID_PATTERN = /^[a-z0-9-]{1,23}$/;

function randomSuffix(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export function newClientId(role: ClientRole): string {
  const prefix = PREFIX[role];
  return prefix + randomSuffix(MAX_CLIENT_ID_LENGTH - prefix.length);
}

function browserEnvironment(): ClientIdEnvironment {
  let storage: StorageLike | null;
  try {
    // Reading localStorage throws in some sandboxed or privacy modes.
    storage = typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    storage = null;
  }
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? (navigator.locks as LockManagerLike) : null;
  return { storage, locks };
}

function storedId(role: ClientRole, storage: StorageLike | null): string {
  const key = `ota-console.client-id.${role}`;
  try {
    const existing = storage?.getItem(key);
    if (existing && ID_PATTERN.test(existing) && existing.startsWith(PREFIX[role])) return existing;
    const fresh = newClientId(role);
    storage?.setItem(key, fresh);
    return fresh;
  } catch {
    return newClientId(role);
  }
}

/**
 * The stable client id of this browser install and role, if this tab can own it. A Web Lock held
 * for the page's life decides the owner: a second tab of the same role gets a throwaway id and a
 * clean session, so it never takes the first tab's session over (which would kick it off).
 */
export async function acquireClientId(role: ClientRole, env: ClientIdEnvironment = browserEnvironment()): Promise<AcquiredClientId> {
  const stable = storedId(role, env.storage);
  if (!env.locks) return { clientId: stable, persistent: true, release: () => Promise.resolve() };
  const locks = env.locks;
  return new Promise<AcquiredClientId>((resolve) => {
    let settled: Promise<unknown> = Promise.resolve();
    settled = locks
      .request(`ota-console.client-id.${role}`, { ifAvailable: true }, async (lock) => {
        if (lock === null) {
          resolve({ clientId: newClientId(role), persistent: false, release: () => Promise.resolve() });
          return;
        }
        await new Promise<void>((unlock) =>
          resolve({
            clientId: stable,
            persistent: true,
            release: () => {
              unlock();
              return settled.then(() => undefined);
            },
          }),
        );
      })
      .catch((error: unknown) => {
        // A failing lock manager (e.g. an opaque origin) must not stop the console from connecting.
        console.warn('Web Lock unavailable, using the stable client id', error);
        resolve({ clientId: stable, persistent: true, release: () => Promise.resolve() });
      });
  });
}
