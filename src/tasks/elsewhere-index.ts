/**
 * gateway -> positions in a table's order of its open tasks seen elsewhere. Superseding and
 * matching re-published ota_create copies (task-supersede.ts, task-republish.ts) need it for every
 * task that starts; built per draft, it scanned the whole table in every batch that started one,
 * and while a fleet of 10,000 first reports, that is every batch. So each table version keeps its
 * index (immutable), and a draft builds the next one over it: a layer of the gateways it changed,
 * after a scan of only the bids appended since.
 *
 * Positions stay valid from one version to the next because a draft only appends to the order.
 * A table built another way (pruned, restored, merged) has no index, and its first draft scans.
 */
import { MapDraft } from '../lib/layered-map.ts';
import type { UpgradeTask } from './task-types.ts';

export interface ElsewhereIndex {
  /** How many bids of the order have been looked at. */
  readonly scanned: number;
  readonly open: ReadonlyMap<string, readonly number[]>;
}

export function isOpenElsewhere(task: UpgradeTask): boolean {
  return task.origin === 'elsewhere' && !task.terminal;
}

/** byBid map of a table version -> its index. */
const byVersion = new WeakMap<ReadonlyMap<string, UpgradeTask>, ElsewhereIndex>();

export function indexOfVersion(byBid: ReadonlyMap<string, UpgradeTask>): ElsewhereIndex | undefined {
  return byVersion.get(byBid);
}

export function keepIndexFor(byBid: ReadonlyMap<string, UpgradeTask>, index: ElsewhereIndex): void {
  byVersion.set(byBid, index);
}

/** The index of a draft: its table's, with the draft's own changes in a layer over it. */
export class ElsewhereIndexDraft {
  #scanned: number;
  readonly #open: MapDraft<string, readonly number[]>;

  constructor(base: ElsewhereIndex | undefined) {
    this.#scanned = base?.scanned ?? 0;
    this.#open = new MapDraft(base?.open ?? new Map<string, readonly number[]>());
  }

  /** Looks at the bids appended to `order` since the last scan. */
  catchUp(byBid: ReadonlyMap<string, UpgradeTask>, order: readonly string[]): void {
    for (; this.#scanned < order.length; this.#scanned++) {
      const task = byBid.get(order[this.#scanned] ?? '');
      if (task === undefined || !isOpenElsewhere(task)) continue;
      this.#open.set(task.gateway, [...(this.#open.get(task.gateway) ?? []), this.#scanned]);
    }
  }

  /** Positions of open tasks seen elsewhere on `gateway`, possibly with some since ended. */
  positions(gateway: string): readonly number[] | undefined {
    return this.#open.get(gateway);
  }

  set(gateway: string, positions: readonly number[]): void {
    this.#open.set(gateway, positions);
  }

  freeze(): ElsewhereIndex {
    return { scanned: this.#scanned, open: this.#open.freeze() };
  }
}
