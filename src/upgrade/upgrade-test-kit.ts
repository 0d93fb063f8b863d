/** Fixtures for the upgrade screen tests: firmware entries and a fleet built by the real reducers. */
import type { Firmware } from '../firmware/firmware.ts';
import { createFleetStore, type FleetStore } from '../fleet/fleet-store.ts';
import { osd, state, topo } from '../fleet/fleet-test-kit.ts';
import type { StateInput } from '../protocol/device-builders.ts';
import type { Decoded } from '../protocol/messages.ts';

export const DOCK2 = '3-2-0';
export const M3D = '0-91-0';
export const M30 = '0-67-0';

export function firmware(id: string, model: string | null, version: string, extra: Partial<Firmware> = {}): Firmware {
  return {
    key: `catalog:${id}`,
    id,
    source: 'catalog',
    model,
    productName: model === DOCK2 ? 'DJI Dock 2' : model === M3D ? 'Mavic 3D' : model === M30 ? 'Matrice 30' : 'Dock firmware',
    productVersion: version,
    fileName: `${id}-${version}.bin`,
    fileUrl: `http://files.test/${id}-${version}.bin`,
    fileSize: 4096,
    md5: '0123456789abcdef0123456789abcdef',
    releaseNotes: '',
    releasedAt: null,
    ...extra,
  };
}

export interface DockSpec {
  sn: string;
  model?: string;
  aircraft?: { sn: string; model?: string } | null;
  dockState?: Omit<StateInput, 'gateway'>;
  aircraftState?: Omit<StateInput, 'gateway'>;
  dockModeCode?: number;
}

/** A fleet store holding the docks as they would look after update_topo and state at `now`. */
export function fleetOf(docks: readonly DockSpec[], now: number): FleetStore {
  const store = createFleetStore();
  const batch = docks.flatMap((d) => {
    const aircraft = d.aircraft ?? null;
    const messages: Decoded[] = [topo(d.sn, d.model ?? DOCK2, aircraft ? [{ sn: aircraft.sn, model: aircraft.model ?? M3D }] : [])];
    if (d.dockState) messages.push(state(d.sn, d.dockState, d.sn));
    if (aircraft && d.aircraftState) messages.push(state(aircraft.sn, d.aircraftState, d.sn));
    if (d.dockModeCode !== undefined) messages.push(osd(d.sn, d.dockModeCode));
    return messages;
  });
  store.getState().batchReceived(batch, now);
  return store;
}
