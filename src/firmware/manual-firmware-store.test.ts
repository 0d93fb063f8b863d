import { describe, expect, it } from 'vitest';
import { createManualFirmwareStore, MANUAL_FIRMWARE_STORAGE_KEY, MAX_MANUAL_FIRMWARE } from './manual-firmware-store';
import type { ManualFirmwareInput } from './manual-firmware-validation';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

const input = (n: number): ManualFirmwareInput => ({
  model: '3-1-0',
  productName: 'DJI Dock',
  productVersion: `1.0.${n}`,
  fileName: `dock_${n}.bin`,
  fileUrl: `https://files.example.com/dock_${n}.bin`,
  fileSize: 1000 + n,
  md5: n.toString(16).padStart(32, '0'),
});

function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

describe('manual firmware store', () => {
  it('adds entries newest first, marked manual, and keeps them across a reload', () => {
    const storage = new MemoryStorage();
    const store = createManualFirmwareStore(storage, ids(), () => Date.UTC(2024, 0, 2));
    store.getState().manualFirmwareAdded(input(1));
    store.getState().manualFirmwareAdded(input(2));
    expect(store.getState().entries.map((e) => [e.key, e.source, e.fileName, e.releasedAt])).toEqual([
      ['manual:id-2', 'manual', 'dock_2.bin', '2024-01-02T00:00:00.000Z'],
      ['manual:id-1', 'manual', 'dock_1.bin', '2024-01-02T00:00:00.000Z'],
    ]);
    const reloaded = createManualFirmwareStore(storage, ids());
    expect(reloaded.getState().entries).toEqual(store.getState().entries);
  });

  it('replaces an entry for the same file instead of listing it twice', () => {
    const store = createManualFirmwareStore(new MemoryStorage(), ids());
    store.getState().manualFirmwareAdded(input(1));
    store.getState().manualFirmwareAdded(input(2));
    store.getState().manualFirmwareAdded({ ...input(1), fileName: 'renamed.bin' });
    expect(store.getState().entries.map((e) => e.fileName)).toEqual(['renamed.bin', 'dock_2.bin']);
  });

  it(`keeps at most ${MAX_MANUAL_FIRMWARE} entries, dropping the oldest`, () => {
    const storage = new MemoryStorage();
    const store = createManualFirmwareStore(storage, ids());
    for (let n = 1; n <= MAX_MANUAL_FIRMWARE + 5; n++) store.getState().manualFirmwareAdded(input(n));
    const entries = store.getState().entries;
    expect(entries).toHaveLength(MAX_MANUAL_FIRMWARE);
    expect(entries[0]!.fileName).toBe(`dock_${MAX_MANUAL_FIRMWARE + 5}.bin`);
    expect(entries.at(-1)!.fileName).toBe('dock_6.bin');
    expect(JSON.parse(storage.getItem(MANUAL_FIRMWARE_STORAGE_KEY)!)).toHaveLength(MAX_MANUAL_FIRMWARE);
  });

  it('removes an entry here and in storage', () => {
    const storage = new MemoryStorage();
    const store = createManualFirmwareStore(storage, ids());
    const first = store.getState().manualFirmwareAdded(input(1));
    store.getState().manualFirmwareAdded(input(2));
    store.getState().manualFirmwareRemoved(first.key);
    expect(
      createManualFirmwareStore(storage)
        .getState()
        .entries.map((e) => e.fileName),
    ).toEqual(['dock_2.bin']);
  });

  it('ignores corrupt storage and drops stored entries that fail validation', () => {
    const storage = new MemoryStorage();
    storage.setItem(MANUAL_FIRMWARE_STORAGE_KEY, '{not json');
    expect(createManualFirmwareStore(storage).getState().entries).toEqual([]);
    const good = {
      id: 'a',
      model: null,
      productName: 'Gateway',
      productVersion: '1',
      fileName: 'a.bin',
      fileUrl: 'https://x.example/a.bin',
      fileSize: 5,
      md5: 'f'.repeat(32),
      releasedAt: null,
    };
    storage.setItem(
      MANUAL_FIRMWARE_STORAGE_KEY,
      JSON.stringify([good, { ...good, id: 'b', fileUrl: 'javascript:alert(1)' }, { ...good, id: 'c', md5: 'F'.repeat(32) }, 42]),
    );
    expect(
      createManualFirmwareStore(storage)
        .getState()
        .entries.map((e) => e.key),
    ).toEqual(['manual:a']);
  });

  it('still works for this page when storage throws', () => {
    const broken = new MemoryStorage();
    broken.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    const store = createManualFirmwareStore(broken, ids());
    store.getState().manualFirmwareAdded(input(1));
    expect(store.getState().entries).toHaveLength(1);
  });
});
