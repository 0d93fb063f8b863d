import { PRODUCT_LINES, type ProductLine } from '../products.ts';
import { pick, seededRng } from './rng.ts';
import type { DockIdentity, SimDevice } from './sim-device.ts';

/** Each dock model flies one aircraft line. */
const PAIRS: readonly { dock: string; aircraft: string }[] = [
  { dock: 'dock', aircraft: 'm30' },
  { dock: 'dock2', aircraft: 'm3d' },
  { dock: 'dock3', aircraft: 'm4d' },
];

function line(slug: string): ProductLine {
  const found = PRODUCT_LINES.find((l) => l.slug === slug);
  if (!found) throw new Error(`unknown product line ${slug}`);
  return found;
}

function device(sn: string, modelKey: string, version: string, compatibleStatus: 0 | 1): SimDevice {
  const [domain = '0', type = '0', subType = '0'] = modelKey.split('-');
  return { sn, domain, type: Number(type), subType: Number(subType), firmwareVersion: version, compatibleStatus };
}

export interface FleetPlanOptions {
  count: number;
  /** SN prefix: docks are {prefix}-DOCK-0001, aircraft {prefix}-AC-0001. */
  prefix: string;
  seed: string;
}

/**
 * A deterministic mixed fleet. Within every 12 docks: one with its aircraft offline, three
 * devices asking for a consistency upgrade, one already on the latest version; the rest on
 * older versions drawn from the seed.
 */
export function planFleet(options: FleetPlanOptions): DockIdentity[] {
  const rng = seededRng(`fleet:${options.seed}`);
  const digits = Math.max(4, String(options.count).length);
  return Array.from({ length: options.count }, (_, i) => {
    const pair = PAIRS[i % PAIRS.length]!;
    const dockLine = line(pair.dock);
    const airLine = line(pair.aircraft);
    const slot = i % 12;
    const num = String(i + 1).padStart(digits, '0');
    const upToDate = slot === 8;
    const version = (l: ProductLine) => (upToDate ? l.latestVersion : pick(rng, l.olderVersions));
    const airModel = pick(rng, airLine.models).key;
    const dock = device(`${options.prefix}-DOCK-${num}`, dockLine.models[0]!.key, version(dockLine), slot === 3 || slot === 7 ? 1 : 0);
    const aircraft = slot === 10 ? null : device(`${options.prefix}-AC-${num}`, airModel, version(airLine), slot === 5 ? 1 : 0);
    return { dock, aircraft };
  });
}
