/**
 * What the docks last said about themselves in osd (mode_code), for the idle gate: fed with every
 * batch the console receives, read by the orchestrator and again by the sender just before a
 * publish. An osd older than OSD_FRESH_MS counts as none: a dock reports it every two seconds, so
 * one silent for a minute (gone offline, or no longer subscribed to) says nothing about now.
 */
import type { Decoded } from '../protocol/messages.ts';
import { aircraftActivity, dockActivity } from '../protocol/mode-codes.ts';
import type { DockReading } from './campaign-types.ts';

export const OSD_FRESH_MS = 60_000;

export interface DockReader {
  read(gateway: string, now: number): DockReading;
}

export interface DockActivityTracker extends DockReader {
  /** Takes the osd messages of a batch (received at `now`); everything else is ignored. */
  observe(batch: readonly Decoded[], now: number): void;
}

interface DeviceOsd {
  gateway: string;
  modeCode: number;
  at: number;
}

export function createDockActivity(freshMs = OSD_FRESH_MS): DockActivityTracker {
  const byDevice = new Map<string, DeviceOsd>();
  const devicesOf = new Map<string, Set<string>>();

  function remember(device: string, osd: DeviceOsd): void {
    const previous = byDevice.get(device);
    if (previous !== undefined && previous.gateway !== osd.gateway) devicesOf.get(previous.gateway)?.delete(device);
    byDevice.set(device, osd);
    let set = devicesOf.get(osd.gateway);
    if (set === undefined) devicesOf.set(osd.gateway, (set = new Set()));
    set.add(device);
  }

  return {
    observe(batch, now) {
      for (const message of batch) {
        if (message.kind !== 'osd' || message.modeCode === null) continue;
        remember(message.deviceSn, { gateway: message.meta.gateway, modeCode: message.modeCode, at: now });
      }
    },
    read(gateway, now) {
      const fresh = (osd: DeviceOsd | undefined): osd is DeviceOsd => osd !== undefined && now - osd.at <= freshMs;
      const dock = byDevice.get(gateway);
      if (!fresh(dock)) return { kind: 'unknown' };
      const activity = dockActivity(dock.modeCode);
      if (activity !== 'idle') return { kind: 'busy', device: gateway, role: 'dock', activity, modeCode: dock.modeCode };
      // An aircraft powered off in the dock sends no osd: only one that reports can hold the gate.
      for (const device of devicesOf.get(gateway) ?? []) {
        if (device === gateway) continue;
        const osd = byDevice.get(device);
        if (!fresh(osd)) continue;
        const flying = aircraftActivity(osd.modeCode);
        if (flying !== 'idle') return { kind: 'busy', device, role: 'aircraft', activity: flying, modeCode: osd.modeCode };
      }
      return { kind: 'idle' };
    },
  };
}
