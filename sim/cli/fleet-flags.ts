import type { ParseArgsConfig } from 'node:util';
import { DEFAULT_DOCK_SETTINGS, type DockSettings } from '../fleet/dock-machine.ts';

/** Flags shared by `npm start` and `npm run sim`. */
export const FLEET_FLAGS = {
  docks: { type: 'string' },
  prefix: { type: 'string' },
  seed: { type: 'string' },
  rate: { type: 'string' },
  download: { type: 'string' },
  'fail-download': { type: 'string' },
  'fail-verify': { type: 'string' },
  'fail-stall': { type: 'string' },
  'stall-seconds': { type: 'string' },
  'upgrade-seconds': { type: 'string' },
  'need-reply': { type: 'string' },
  'topo-seconds': { type: 'string' },
  'osd-seconds': { type: 'string' },
  'mission-minutes': { type: 'string' },
  'mission-seconds': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export function fleetHelp(defaults: { docks: number; topoSeconds: number }): string {
  return `Fleet:
  --docks N              simulated docks (default ${defaults.docks}; at most 5000)
  --prefix TEXT          SN prefix: TEXT-DOCK-0001, TEXT-AC-0001 (default SIM)
  --seed TEXT            fleet and failure seed (default demo)
  --rate BYTES           mean download speed per dock, e.g. 500k, 1M, 2.5M (default 1M = 1 MiB/s;
                         each dock gets 0.75x-1.5x of it)
  --download MODE        real: fetch file_url over HTTP and check md5 and size (default)
                         simulated: no network, bytes arrive at --rate and always match
  --fail-download P      share of upgrades whose download fails, 0..1 (default 0)
  --fail-verify P        share of upgrades whose verification fails, 0..1 (default 0)
  --fail-stall P         share of upgrades that go silent for --stall-seconds, 0..1 (default 0)
  --stall-seconds S      length of an injected stall (default 90)
  --upgrade-seconds S    upgrade step of the dock; an aircraft adds 2/3 of it (default 15)
  --need-reply P         share of ota_progress events sent with need_reply 1 (default 0.2)
  --topo-seconds S       period of update_topo and a full state report (default ${defaults.topoSeconds})
  --osd-seconds S        osd period (default 5)
  --mission-minutes M    mean time between a dock's flight missions, 0 = never (default 10); during one
                         the dock reports working (osd mode_code 4) and its aircraft flying (5)
  --mission-seconds S    mean length of a mission (default 60)
  --quiet                no per-dock log lines
`;
}

export class UsageError extends Error {}

export type FlagValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

export function stringFlag(values: FlagValues, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

export function numberFlag(values: FlagValues, key: string, fallback: number, min: number, max: number): number {
  const text = stringFlag(values, key);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${key} must be a number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** "1M", "500k", "2.5M", "123456" -> bytes (k and M are binary: 1024, 1024^2). */
export function parseBytes(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const match = /^(\d+(?:\.\d+)?)\s*([kKmMgG]?)(?:i?B)?$/.exec(text.trim());
  if (!match) throw new UsageError(`--${flag} must be bytes like 500k or 1M, got "${text}"`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Math.round(Number(match[1]) * unit);
  if (bytes < 1024) throw new UsageError(`--${flag} must be at least 1k`);
  return bytes;
}

export interface FleetFlags {
  docks: number;
  prefix: string;
  seed: string;
  rate: number;
  download: 'real' | 'simulated';
  settings: DockSettings;
  topoIntervalMs: number;
  osdIntervalMs: number;
  quiet: boolean;
}

export function readFleetFlags(values: FlagValues, defaults: { docks: number; topoSeconds: number }): FleetFlags {
  const prefix = stringFlag(values, 'prefix') ?? 'SIM';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(prefix)) throw new UsageError('--prefix may hold letters, digits, - and _ (1-40 characters)');
  const download = stringFlag(values, 'download') ?? 'real';
  if (download !== 'real' && download !== 'simulated') throw new UsageError('--download must be real or simulated');
  const upgradeMs = numberFlag(values, 'upgrade-seconds', 15, 0, 3600) * 1000;
  return {
    docks: Math.floor(numberFlag(values, 'docks', defaults.docks, 0, 5000)),
    prefix,
    seed: stringFlag(values, 'seed') ?? 'demo',
    rate: parseBytes('rate', stringFlag(values, 'rate'), 1024 * 1024),
    download,
    settings: {
      ...DEFAULT_DOCK_SETTINGS,
      failureRates: {
        download: numberFlag(values, 'fail-download', 0, 0, 1),
        verify: numberFlag(values, 'fail-verify', 0, 0, 1),
        stall: numberFlag(values, 'fail-stall', 0, 0, 1),
      },
      stallMs: numberFlag(values, 'stall-seconds', 90, 0, 3600) * 1000,
      upgradeMs,
      aircraftUploadMs: Math.round((upgradeMs * 2) / 3),
      needReplyRate: numberFlag(values, 'need-reply', DEFAULT_DOCK_SETTINGS.needReplyRate, 0, 1),
      missionEveryMs: numberFlag(values, 'mission-minutes', 10, 0, 10080) * 60_000,
      missionMs: numberFlag(values, 'mission-seconds', 60, 1, 86400) * 1000,
    },
    topoIntervalMs: numberFlag(values, 'topo-seconds', defaults.topoSeconds, 1, 86400) * 1000,
    osdIntervalMs: numberFlag(values, 'osd-seconds', 5, 0.5, 3600) * 1000,
    quiet: values.quiet === true,
  };
}
