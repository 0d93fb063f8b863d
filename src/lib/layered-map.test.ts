import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredMap, MapDraft, MAX_LAYERS, MERGE_SHARE } from './layered-map.ts';

const KEYS = Array.from({ length: 40 }, (_, i) => `k${i}`);

function contents(map: ReadonlyMap<string, number>) {
  const forEach: [string, number][] = [];
  map.forEach((value, key) => forEach.push([key, value]));
  return { entries: [...map], keys: [...map.keys()], values: [...map.values()], forEach, size: map.size };
}

describe('layered maps', () => {
  it('every version reads, iterates and counts like a Map given the same sets, and never changes afterwards', () => {
    const draftArb = fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 1, max: 1_000 })), { maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(draftArb, { maxLength: 30 }),
        fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.integer({ min: 1 })), { maxLength: 20 }),
        (drafts, start) => {
          let current: ReadonlyMap<string, number> = new Map(start);
          const model = new Map(start);
          const versions: { map: ReadonlyMap<string, number>; seen: ReturnType<typeof contents> }[] = [];
          for (const sets of drafts) {
            const draft = new MapDraft(current);
            for (const [key, value] of sets) {
              draft.set(key, value);
              model.set(key, value);
              expect(draft.get(key)).toBe(value);
            }
            expect(contents(draft)).toEqual(contents(model));
            expect([...draft.touched].sort()).toEqual([...new Set(sets.map(([key]) => key))].sort());
            current = draft.freeze();
            expect(contents(current)).toEqual(contents(model));
            for (const key of [...KEYS, 'missing']) {
              expect(current.get(key)).toBe(model.get(key));
              expect(current.has(key)).toBe(model.has(key));
            }
            versions.push({ map: current, seen: contents(current) });
          }
          for (const version of versions) expect(contents(version.map)).toEqual(version.seen);
        },
      ),
    );
  });

  it('a draft that set nothing gives back the very Map it started from', () => {
    const base = new Map([['a', 1]]);
    expect(new MapDraft(base).freeze()).toBe(base);
  });

  it('adds a layer per change, merges the layers past MAX_LAYERS, and merges them into the base past MERGE_SHARE', () => {
    const base = new Map(Array.from({ length: 800 }, (_, i) => [`k${i}`, i + 1] as const));
    const change = (from: ReadonlyMap<string, number>, keys: string[], value: number) => {
      const draft = new MapDraft(from);
      for (const key of keys) draft.set(key, value);
      return draft.freeze();
    };
    const layersOf = (map: ReadonlyMap<string, number>) => (map instanceof LayeredMap ? map.parts().layers.length : 0);

    let current = change(base, ['k0', 'k1'], -1);
    expect(current).toBeInstanceOf(LayeredMap);
    expect(base.get('k0')).toBe(1);
    const first = current;
    for (let n = 2; n <= MAX_LAYERS; n++) {
      current = change(current, [`k${n}`], -n);
      expect(layersOf(current)).toBe(n);
    }
    // One more: the layers become one, of 10 entries, still far under MERGE_SHARE of 800.
    current = change(current, ['new0'], 7);
    expect(layersOf(current)).toBe(1);
    expect(current.size).toBe(801);
    expect(current.get('k0')).toBe(-1);
    expect(current.get(`k${MAX_LAYERS}`)).toBe(-MAX_LAYERS);
    expect([...current.keys()].at(-1)).toBe('new0');

    // Layers holding more than MERGE_SHARE of the base go into a new plain Map.
    const many = Array.from({ length: 800 * MERGE_SHARE + 1 }, (_, i) => `k${i}`);
    for (let n = 1; n < MAX_LAYERS; n++) current = change(current, many, 5);
    expect(layersOf(current)).toBe(MAX_LAYERS);
    const flat = change(current, ['new1'], 9);
    expect(flat).toBeInstanceOf(Map);
    expect(flat.size).toBe(802);
    expect([...flat.keys()].slice(-2)).toEqual(['new0', 'new1']);
    expect(flat.get('k0')).toBe(5);
    expect(flat.get('k799')).toBe(800);

    // Earlier versions read as they did.
    expect(first.get('k0')).toBe(-1);
    expect(first.has('new0')).toBe(false);
    expect(first.size).toBe(800);
  });
});
