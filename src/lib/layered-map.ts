/**
 * Immutable maps that are cheap to change a little, often (the task table and the fleet's
 * gateways, both changed on every animation frame at fleet scale). Copying a 10,000-entry Map on
 * every frame allocated a ~400 KB hash table sixty times a second, and V8's major-GC marking steps
 * then ran inside the frames as 50-100 ms long tasks. Here a version is a shared base Map under a
 * few layers of the entries set since, newest last: a draft's own writes become a new layer and
 * nothing older is copied. Past MAX_LAYERS the layers are merged into one, and once that one passes
 * MERGE_SHARE of the base everything is merged into a new base. At 10,000 tasks changing once a
 * second that copies about a third of what one merged top layer did (copied on every frame, and
 * merged into the base every few frames), for reads of up to MAX_LAYERS + 1 lookups.
 *
 * Values must not be undefined (a get() of undefined means "not here"). A draft cannot delete: code
 * that drops entries (pruning, removing a gateway: rare) copies into a plain Map instead.
 */

/** Read access shared by the frozen map and the draft: the newest layer with the key wins. */
abstract class Layered<K, V> implements ReadonlyMap<K, V> {
  protected abstract readonly base: ReadonlyMap<K, V>;
  /** Over the base, oldest first. */
  protected abstract readonly layers: readonly ReadonlyMap<K, V>[];
  abstract readonly size: number;

  get(key: K): V | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const value = this.layers[i]?.get(key);
      if (value !== undefined) return value;
    }
    return this.base.get(key);
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** Layer i first set `key` (no older layer and not the base has it). */
  #firstSetIn(i: number, key: K): boolean {
    if (this.base.has(key)) return false;
    for (let j = 0; j < i; j++) if (this.layers[j]?.has(key) === true) return false;
    return true;
  }

  /** Map order: base keys where they were, then new keys in the order they were first set. */
  *keys(): MapIterator<K> {
    yield* this.base.keys();
    for (let i = 0; i < this.layers.length; i++) {
      for (const key of this.layers[i]?.keys() ?? []) if (this.#firstSetIn(i, key)) yield key;
    }
  }

  // Through keys() and get(): iterating a Map's entries makes a [key, value] array per entry.
  *values(): MapIterator<V> {
    for (const key of this.keys()) yield this.get(key) as V;
  }

  *entries(): MapIterator<[K, V]> {
    for (const key of this.keys()) yield [key, this.get(key) as V];
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const key of this.keys()) callback.call(thisArg, this.get(key) as V, key, this);
  }
}

/** One version of a layered map; never changes. Start a change with `new MapDraft(map)`. */
export class LayeredMap<K, V> extends Layered<K, V> {
  protected readonly base: ReadonlyMap<K, V>;
  protected readonly layers: readonly ReadonlyMap<K, V>[];
  readonly size: number;

  constructor(base: ReadonlyMap<K, V>, layers: readonly ReadonlyMap<K, V>[], size: number) {
    super();
    this.base = base;
    this.layers = layers;
    this.size = size;
  }

  /** For MapDraft only: what the next version is built on. */
  parts(): { base: ReadonlyMap<K, V>; layers: readonly ReadonlyMap<K, V>[] } {
    return { base: this.base, layers: this.layers };
  }
}

/** `maps` merged into one new Map, later ones winning; keys keep the place they were first set. */
function merged<K, V>(maps: readonly ReadonlyMap<K, V>[]): Map<K, V> {
  const into = new Map<K, V>();
  // forEach: `new Map(map)` and for-of go through the iterator, one [key, value] array per entry.
  for (const map of maps) map.forEach((value, key) => into.set(key, value));
  return into;
}

/** Layers kept before they are merged into one. */
export const MAX_LAYERS = 8;

/** The merged layers go into a new base once they hold more entries than this share of it. */
export const MERGE_SHARE = 1 / 2;

/**
 * A change in progress over any ReadonlyMap (a plain Map or a LayeredMap): reads see the draft's
 * own writes, `touched` lists every key set, and `freeze()` gives the next immutable version. The
 * map it started from is never modified.
 */
export class MapDraft<K, V> extends Layered<K, V> {
  protected readonly base: ReadonlyMap<K, V>;
  /** The layers of the map it started from, then its own writes. */
  protected readonly layers: readonly ReadonlyMap<K, V>[];
  readonly touched = new Set<K>();
  readonly #from: ReadonlyMap<K, V>;
  readonly #own = new Map<K, V>();
  #size: number;

  constructor(from: ReadonlyMap<K, V>) {
    super();
    this.#from = from;
    if (from instanceof LayeredMap) {
      const { base, layers } = (from as LayeredMap<K, V>).parts();
      this.base = base;
      this.layers = [...layers, this.#own];
    } else {
      this.base = from;
      this.layers = [this.#own];
    }
    this.#size = from.size;
  }

  get size(): number {
    return this.#size;
  }

  set(key: K, value: V): this {
    if (!this.has(key)) this.#size += 1;
    this.#own.set(key, value);
    this.touched.add(key);
    return this;
  }

  /** The next version: the map it started from when nothing was set, else layered or merged. */
  freeze(): ReadonlyMap<K, V> {
    if (this.#own.size === 0) return this.#from;
    if (this.layers.length <= MAX_LAYERS) return new LayeredMap(this.base, this.layers, this.#size);
    const layer = merged(this.layers);
    if (layer.size <= this.base.size * MERGE_SHARE) return new LayeredMap(this.base, [layer], this.#size);
    return merged([this.base, layer]);
  }
}
