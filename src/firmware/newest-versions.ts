import { compareVersions } from '../lib/compare-versions.ts';
import type { Firmware } from './firmware.ts';

/**
 * The newest version on offer per model key, versions read as numbers ("10.01.10000" is newer
 * than "10.01.0900"): what "not on the newest version" means on the Fleet and Upgrade screens.
 * Firmware without a model (for the gateway itself, whatever it is) names no model's newest.
 */
export function newestVersions(firmware: readonly Pick<Firmware, 'model' | 'productVersion'>[]): ReadonlyMap<string, string> {
  const newest = new Map<string, string>();
  for (const f of firmware) {
    if (f.model === null) continue;
    const known = newest.get(f.model);
    if (known === undefined || compareVersions(f.productVersion, known) > 0) newest.set(f.model, f.productVersion);
  }
  return newest;
}
