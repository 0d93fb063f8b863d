/** The newest firmware the catalog offers per model key: what the Fleet marks and filters on. */
import type { Firmware } from '../firmware/firmware.ts';
import { compareVersions } from '../lib/compare-versions.ts';

export function newestVersions(firmware: readonly Firmware[]): ReadonlyMap<string, string> {
  const newest = new Map<string, string>();
  for (const entry of firmware) {
    // An entry without a model is for "the gateway itself", whatever its model: it names no model to mark.
    if (entry.model === null) continue;
    const held = newest.get(entry.model);
    if (held === undefined || compareVersions(entry.productVersion, held) > 0) newest.set(entry.model, entry.productVersion);
  }
  return newest;
}
