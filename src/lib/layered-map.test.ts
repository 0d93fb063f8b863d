import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredMap, MapDraft } from './layered-map.ts';

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

  it('keeps a small change as a layer over the shared base, and merges a large one into a plain Map', () => {
    const base = new Map(Array.from({ length: 800 }, (_, i) => [`k${i}`, i + 1] as const));
    const small = new MapDraft<string, number>(base);
    for (let i = 0; i < 50; i++) small.set(`k${i}`, -1);
    const layered = small.freeze();
    expect(layered).toBeInstanceOf(LayeredMap);
    expect(base.get('k0')).toBe(1);

    const large = new MapDraft(layered);
    for (let i = 0; i < 100; i++) large.set(`new${i}`, 7);
    const merged = large.freeze();
    expect(merged).toBeInstanceOf(Map);
    expect(merged.size).toBe(900);
    expect(merged.get('k0')).toBe(-1);
    expect(layered.size).toBe(800);
    expect(layered.has('new0')).toBe(false);
  });
});
