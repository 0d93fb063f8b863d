/**
 * Immutable maps that are cheap to change a little, often (the task table and the fleet's
 * gateways, both changed on every animation frame at fleet scale). The task table used to copy its whole
 * Map on every animation frame: at 10,000 tasks that is a ~400 KB hash table sixty times a second,
 * allocated straight into the old generation, and V8's major-GC marking steps then ran inside the
 * frames as 50-100 ms long tasks. Here a new version shares the previous one's base Map and copies
 * only a small top layer of the entries set since; the layers are merged into a new base once the
 * top passes an eighth of it, so reads stay two lookups at most and copying is a fraction of before.
 *
 * Values must not be undefined (a get() of undefined means "not here"). A draft cannot delete: code
 * that drops entries (pruning, removing a gateway: rare) copies into a plain Map instead.
 */

/** Read access shared by the frozen map and the draft: the top layer wins over the base. */
abstract class TwoLayers<K, V> implements ReadonlyMap<K, V> {
  protected abstract readonly base: ReadonlyMap<K, V>;
  protected abstract readonly top: ReadonlyMap<K, V>;
  abstract readonly size: number;

  get(key: K): V | undefined {
    const value = this.top.get(key);
    return value !== undefined ? value : this.base.get(key);
  }

  has(key: K): boolean {
    return this.top.has(key) || this.base.has(key);
  }

  /** Map order: base keys where they were (with their newest value), then keys added on top. */
  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      const newer = this.top.get(key);
      yield [key, newer !== undefined ? newer : value];
    }
    for (const entry of this.top) if (!this.base.has(entry[0])) yield entry;
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}

/** One version of a layered map; never changes. Start a change with `new MapDraft(map)`. */
export class LayeredMap<K, V> extends TwoLayers<K, V> {
  protected readonly base: ReadonlyMap<K, V>;
  protected readonly top: ReadonlyMap<K, V>;
  readonly size: number;

  constructor(base: ReadonlyMap<K, V>, top: ReadonlyMap<K, V>, size: number) {
    super();
    this.base = base;
    this.top = top;
    this.size = size;
  }

  /** For MapDraft only: the layers to build the next version on. */
  layers(): { base: ReadonlyMap<K, V>; top: ReadonlyMap<K, V> } {
    return { base: this.base, top: this.top };
  }
}

/**
 * A copy through forEach: `new Map(map)` goes through the iterator, one [key, value] array per
 * entry (at fleet scale a third of what the page allocated went to copying these maps).
 */
function copyOf<K, V>(map: ReadonlyMap<K, V>): Map<K, V> {
  const copy = new Map<K, V>();
  map.forEach((value, key) => copy.set(key, value));
  return copy;
}

/** The top layer is merged into a new base once it holds more than this share of the base. */
const MERGE_WHEN_TOP_EXCEEDS = 1 / 8;

/**
 * A change in progress over any ReadonlyMap (a plain Map or a LayeredMap): reads see the draft's
 * own writes, `touched` lists every key set, and `freeze()` gives the next immutable version. The
 * map it started from is never modified.
 */
export class MapDraft<K, V> extends TwoLayers<K, V> {
  protected readonly base: ReadonlyMap<K, V>;
  protected readonly top: Map<K, V>;
  readonly touched = new Set<K>();
  #size: number;

  constructor(from: ReadonlyMap<K, V>) {
    super();
    if (from instanceof LayeredMap) {
      const { base, top } = (from as LayeredMap<K, V>).layers();
      this.base = base;
      this.top = copyOf(top);
    } else {
      this.base = from;
      this.top = new Map();
    }
    this.#size = from.size;
  }

  get size(): number {
    return this.#size;
  }

  set(key: K, value: V): this {
    if (!this.top.has(key) && !this.base.has(key)) this.#size += 1;
    this.top.set(key, value);
    this.touched.add(key);
    return this;
  }

  /** The next version: the base itself when nothing was set, else layered or merged. */
  freeze(): ReadonlyMap<K, V> {
    if (this.top.size === 0) return this.base;
    if (this.top.size <= this.base.size * MERGE_WHEN_TOP_EXCEEDS) return new LayeredMap(this.base, this.top, this.#size);
    const merged = copyOf(this.base);
    this.top.forEach((value, key) => merged.set(key, value));
    return merged;
  }
}
