import { describe, expect, it } from 'vitest';
import { createProtocolVersionMemory, PROTOCOL_MEMORY_KEY, PROTOCOL_MEMORY_LIMIT, protocolStart } from './protocol-version-memory.ts';

/** A Storage in memory (Node has no localStorage); `failing` throws on every call, as blocked site data does. */
function memoryStorage(failing = false): Storage {
  const items = new Map<string, string>();
  const check = () => {
    if (failing) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => {
      check();
      return items.get(key) ?? null;
    },
    setItem: (key, value) => {
      check();
      items.set(key, value);
    },
    removeItem: (key) => {
      check();
      items.delete(key);
    },
  };
}

describe('protocolStart', () => {
  it('starts auto with the remembered version, else 5, and lets it switch', () => {
    expect(protocolStart('auto', null)).toEqual({ version: 5, fallback: true });
    expect(protocolStart('auto', 4)).toEqual({ version: 4, fallback: true });
    expect(protocolStart('auto', 5)).toEqual({ version: 5, fallback: true });
  });

  it('keeps a chosen version, whatever was remembered', () => {
    expect(protocolStart('5', 4)).toEqual({ version: 5, fallback: false });
    expect(protocolStart('3.1.1', 5)).toEqual({ version: 4, fallback: false });
    expect(protocolStart('3.1.1', null)).toEqual({ version: 4, fallback: false });
  });
});

describe('createProtocolVersionMemory', () => {
  it('remembers the version per broker URL, across memories on the same storage (a reload)', () => {
    const storage = memoryStorage();
    const memory = createProtocolVersionMemory(storage);
    expect(memory.recall('ws://rabbit:15675/ws')).toBeNull();
    memory.remember('ws://rabbit:15675/ws', 4);
    memory.remember('wss://emqx.example/mqtt', 5);
    const reloaded = createProtocolVersionMemory(storage);
    expect(reloaded.recall('ws://rabbit:15675/ws')).toBe(4);
    expect(reloaded.recall('wss://emqx.example/mqtt')).toBe(5);
    expect(reloaded.recall('/mqtt')).toBeNull();
    reloaded.remember('ws://rabbit:15675/ws', 5);
    expect(createProtocolVersionMemory(storage).recall('ws://rabbit:15675/ws')).toBe(5);
  });

  it(`keeps the ${PROTOCOL_MEMORY_LIMIT} URLs confirmed last`, () => {
    const storage = memoryStorage();
    const memory = createProtocolVersionMemory(storage);
    for (let i = 0; i < PROTOCOL_MEMORY_LIMIT + 5; i++) memory.remember(`ws://b${i}/mqtt`, 4);
    memory.remember('ws://b3/mqtt', 4); // gone already: comes back as the newest
    memory.remember('ws://b6/mqtt', 5); // confirmed again: kept
    const stored = JSON.parse(storage.getItem(PROTOCOL_MEMORY_KEY) ?? '{}') as Record<string, number>;
    expect(Object.keys(stored)).toHaveLength(PROTOCOL_MEMORY_LIMIT);
    expect(memory.recall('ws://b6/mqtt')).toBe(5);
    expect(memory.recall('ws://b3/mqtt')).toBe(4);
    expect(memory.recall('ws://b5/mqtt')).toBeNull(); // the oldest, pushed out by b3
    expect(memory.recall('ws://b7/mqtt')).toBe(4);
    expect(memory.recall(`ws://b${PROTOCOL_MEMORY_LIMIT + 4}/mqtt`)).toBe(4);
  });

  it('reads a corrupt entry as nothing remembered, and replaces it', () => {
    const storage = memoryStorage();
    for (const junk of ['{not json', '[4]', '{"ws://a/mqtt": 3}', '"5"']) {
      storage.setItem(PROTOCOL_MEMORY_KEY, junk);
      const memory = createProtocolVersionMemory(storage);
      expect(memory.recall('ws://a/mqtt')).toBeNull();
      memory.remember('ws://a/mqtt', 4);
      expect(memory.recall('ws://a/mqtt')).toBe(4);
    }
    expect(createProtocolVersionMemory(storage).recall('__proto__')).toBeNull();
  });

  it('works without storage, and with storage that throws, remembering nothing', () => {
    for (const storage of [null, memoryStorage(true)]) {
      const memory = createProtocolVersionMemory(storage);
      expect(() => memory.remember('ws://a/mqtt', 4)).not.toThrow();
      expect(memory.recall('ws://a/mqtt')).toBeNull();
    }
  });
});
