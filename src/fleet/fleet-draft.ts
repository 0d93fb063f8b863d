import { MapDraft } from '../lib/layered-map.ts';
import type { FleetGateway, FleetState } from './fleet-model.ts';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Display order of gateways: natural order, so DOCK2 comes before DOCK10. */
export function compareSn(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Merges `added` (any order) into the already sorted `sorted`. Each added SN finds its place by
 * binary search, so a batch of k new gateways costs k log n comparisons, not n + k: the collator is
 * slow, and while a fleet of 10,000 first reports, every frame adds some.
 */
function mergeSorted(sorted: readonly string[], added: readonly string[]): string[] {
  const extra = [...added].sort(compareSn);
  const out: string[] = [];
  let from = 0;
  for (const sn of extra) {
    // The first place in sorted[from..] after every SN that sorts before or equal to sn.
    let lo = from;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareSn(sorted[mid] as string, sn) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(sorted[i] as string);
    out.push(sn);
    from = lo;
  }
  for (let i = from; i < sorted.length; i++) out.push(sorted[i] as string);
  return out;
}

/**
 * Copy-on-write view of a FleetState for one batch, and `finish` returns the original state when
 * nothing changed. Gateways set in a batch (every frame at fleet scale: last-seen moves) go to a
 * layer over the previous map (lib/layered-map.ts) instead of a copy of all 10,000; a removal,
 * which is rare, copies into a plain Map. The device index is copied at most once per batch: it
 * changes only while devices first report, and a layered one would make every later lookup visit
 * its layers.
 */
export class FleetDraft {
  readonly #base: FleetState;
  #gateways: MapDraft<string, FleetGateway> | Map<string, FleetGateway> | null = null;
  #deviceGateway: Map<string, string> | null = null;
  readonly #added = new Set<string>();
  readonly #removed = new Set<string>();

  constructor(base: FleetState) {
    this.#base = base;
  }

  gateway(sn: string): FleetGateway | undefined {
    return (this.#gateways ?? this.#base.gateways).get(sn);
  }

  gatewayOfDevice(deviceSn: string): string | undefined {
    return (this.#deviceGateway ?? this.#base.deviceGateway).get(deviceSn);
  }

  setGateway(gateway: FleetGateway): void {
    const current = this.gateway(gateway.sn);
    if (current === gateway) return;
    this.#gateways ??= new MapDraft(this.#base.gateways);
    this.#gateways.set(gateway.sn, gateway);
    if (current === undefined) {
      if (this.#removed.has(gateway.sn)) this.#removed.delete(gateway.sn);
      else this.#added.add(gateway.sn);
    }
  }

  deleteGateway(sn: string): void {
    const current = this.gateway(sn);
    if (current === undefined) return;
    if (!(this.#gateways instanceof Map)) this.#gateways = new Map(this.#gateways ?? this.#base.gateways);
    this.#gateways.delete(sn);
    for (const device of current.devices) {
      if (this.gatewayOfDevice(device.sn) === sn) this.unmapDevice(device.sn);
    }
    if (this.#added.has(sn)) this.#added.delete(sn);
    else this.#removed.add(sn);
  }

  mapDevice(deviceSn: string, gatewaySn: string): void {
    if (this.gatewayOfDevice(deviceSn) === gatewaySn) return;
    this.#deviceGateway ??= new Map(this.#base.deviceGateway);
    this.#deviceGateway.set(deviceSn, gatewaySn);
  }

  unmapDevice(deviceSn: string): void {
    if (this.gatewayOfDevice(deviceSn) === undefined) return;
    this.#deviceGateway ??= new Map(this.#base.deviceGateway);
    this.#deviceGateway.delete(deviceSn);
  }

  finish(): FleetState {
    if (this.#gateways === null && this.#deviceGateway === null) return this.#base;
    let gatewaySns = this.#base.gatewaySns;
    if (this.#removed.size > 0) gatewaySns = gatewaySns.filter((sn) => !this.#removed.has(sn));
    if (this.#added.size > 0) gatewaySns = mergeSorted(gatewaySns, [...this.#added]);
    const gateways = this.#gateways instanceof MapDraft ? this.#gateways.freeze() : (this.#gateways ?? this.#base.gateways);
    return { gateways, gatewaySns, deviceGateway: this.#deviceGateway ?? this.#base.deviceGateway };
  }
}

/** Runs `edit` on a draft of `state`; the pure-reducer form of every fleet change. */
export function produceFleet(state: FleetState, edit: (draft: FleetDraft) => void): FleetState {
  const draft = new FleetDraft(state);
  edit(draft);
  return draft.finish();
}
