/**
 * The Fleet screen's filters and sort order, kept in the URL (`#/fleet?model=3-2-0&outdated=1`) so
 * a view can be shared and survives a reload. A value that does not parse is dropped with a note
 * the screen shows, never an error: the rest of the view still applies.
 */
import { compareVersions } from '../lib/compare-versions.ts';
import { compareSn } from './fleet-draft.ts';
import type { FleetDevice, FleetGateway } from './fleet-model.ts';
import { isBehindNewest, type NewestVersions } from './fleet-overview.ts';
import { livenessAt } from './fleet-selectors.ts';

export const ONLINE_FILTERS = ['online', 'offline'] as const;
export type OnlineFilter = (typeof ONLINE_FILTERS)[number];

export const SORT_KEYS = ['sn', 'model', 'version', 'seen', 'upgrade'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The `version` value meaning "has not reported a version". */
export const VERSION_NOT_REPORTED = 'not-reported';

export interface FleetFilters {
  /** Gateway or device SN contains this (case-insensitive); '' for all. */
  q: string;
  /** A device of this model key. */
  model: string | null;
  /** A device on this version (VERSION_NOT_REPORTED: none reported); with `model`, the same device. */
  version: string | null;
  online: OnlineFilter | null;
  /** A device that needs a consistency upgrade. */
  consistency: boolean;
  /** A device that is not on the newest catalog version of its model. */
  outdated: boolean;
  sort: SortKey;
  dir: SortDirection;
}

export const NO_FILTERS: FleetFilters = Object.freeze({
  q: '',
  model: null,
  version: null,
  online: null,
  consistency: false,
  outdated: false,
  sort: 'sn',
  dir: 'asc',
});

export type FilterParam = 'q' | 'model' | 'version' | 'online' | 'consistency' | 'outdated' | 'sort' | 'dir';

/** A URL value that was ignored; the screen words it. */
export interface FilterNote {
  param: FilterParam;
  value: string;
}

export interface ParsedFilters {
  filters: FleetFilters;
  notes: FilterNote[];
}

const MODEL_KEY = /^\d{1,4}-\d{1,6}-\d{1,6}$/;
// What a device may report as its version: printable, no control characters, bounded.
const VERSION = /^[\x21-\x7e]{1,64}$/;
const MAX_QUERY = 64;
const FLAG = new Map([
  ['1', true],
  ['true', true],
  ['0', false],
  ['false', false],
]);

function pick<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function parseFleetFilters(params: URLSearchParams): ParsedFilters {
  const notes: FilterNote[] = [];
  const filters: FleetFilters = { ...NO_FILTERS };
  const read = <K extends FilterParam>(param: K, parse: (value: string) => FleetFilters[K] | undefined): void => {
    const value = params.get(param);
    if (value === null) return;
    const parsed = parse(value.trim());
    if (parsed === undefined) notes.push({ param, value });
    else (filters as Record<FilterParam, unknown>)[param] = parsed;
  };
  read('q', (v) => (v.length <= MAX_QUERY ? v : undefined));
  read('model', (v) => (MODEL_KEY.test(v) ? v : undefined));
  read('version', (v) => (VERSION.test(v) ? v : undefined));
  read('online', (v) => pick(ONLINE_FILTERS, v));
  read('consistency', (v) => FLAG.get(v));
  read('outdated', (v) => FLAG.get(v));
  read('sort', (v) => pick(SORT_KEYS, v));
  read('dir', (v) => pick(['asc', 'desc'] as const, v));
  return { filters, notes };
}

/** Only what differs from no filters, in a fixed order, so equal views have equal URLs. */
export function fleetFiltersToParams(filters: FleetFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim() !== '') params.set('q', filters.q.trim());
  if (filters.model !== null) params.set('model', filters.model);
  if (filters.version !== null) params.set('version', filters.version);
  if (filters.online !== null) params.set('online', filters.online);
  if (filters.consistency) params.set('consistency', '1');
  if (filters.outdated) params.set('outdated', '1');
  if (filters.sort !== NO_FILTERS.sort || filters.dir !== NO_FILTERS.dir) {
    params.set('sort', filters.sort);
    params.set('dir', filters.dir);
  }
  return params;
}

/** Any filter set (the sort order is not a filter). */
export function hasFilters(filters: FleetFilters): boolean {
  return (
    filters.q.trim() !== '' ||
    filters.model !== null ||
    filters.version !== null ||
    filters.online !== null ||
    filters.consistency ||
    filters.outdated
  );
}

export interface FilterContext {
  newest: NewestVersions;
  now: number;
  staleAfterMs: number;
}

function versionMatches(device: FleetDevice, version: string): boolean {
  if (version === VERSION_NOT_REPORTED) return device.firmwareVersion === null;
  return device.firmwareVersion !== null && compareVersions(device.firmwareVersion, version) === 0;
}

/** The device-level filters all hold for this one device. */
export function deviceMatches(device: FleetDevice, filters: FleetFilters, newest: NewestVersions): boolean {
  return (
    (filters.model === null || device.modelKey === filters.model) &&
    (filters.version === null || versionMatches(device, filters.version)) &&
    (!filters.consistency || device.compatibleStatus === 1) &&
    (!filters.outdated || isBehindNewest(device, newest))
  );
}

function hasDeviceFilters(filters: FleetFilters): boolean {
  return filters.model !== null || filters.version !== null || filters.consistency || filters.outdated;
}

function textMatches(gateway: FleetGateway, needle: string): boolean {
  return gateway.devices.some((d) => d.sn.toLowerCase().includes(needle));
}

/** A gateway is shown when it matches the gateway filters and one of its devices all device filters. */
export function gatewayMatches(gateway: FleetGateway, filters: FleetFilters, context: FilterContext): boolean {
  const needle = filters.q.trim().toLowerCase();
  if (needle !== '' && !gateway.sn.toLowerCase().includes(needle) && !textMatches(gateway, needle)) return false;
  if (filters.online !== null) {
    const online = livenessAt(gateway.lastSeen, context.now, context.staleAfterMs) === 'online';
    if (online !== (filters.online === 'online')) return false;
  }
  return !hasDeviceFilters(filters) || gateway.devices.some((d) => deviceMatches(d, filters, context.newest));
}

const own = (gateway: FleetGateway): FleetDevice | undefined => gateway.devices[0];

function modelText(gateway: FleetGateway): string {
  const device = own(gateway);
  return device?.productName ?? device?.modelKey ?? '';
}

/** Compares two values of which null always goes last, whatever the direction. */
function nullsLast<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number, sign: number): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return sign * compare(a, b);
}

function comparator(sort: SortKey, dir: SortDirection): (a: FleetGateway, b: FleetGateway) => number {
  const sign = dir === 'asc' ? 1 : -1;
  const bySn = (a: FleetGateway, b: FleetGateway) => compareSn(a.sn, b.sn);
  switch (sort) {
    case 'sn':
      return (a, b) => sign * bySn(a, b);
    case 'model':
      return (a, b) => nullsLast(modelText(a) || null, modelText(b) || null, compareSn, sign) || bySn(a, b);
    case 'version':
      return (a, b) => nullsLast(own(a)?.firmwareVersion ?? null, own(b)?.firmwareVersion ?? null, compareVersions, sign) || bySn(a, b);
    case 'seen':
      return (a, b) => nullsLast(a.lastSeen, b.lastSeen, (x, y) => x - y, sign) || bySn(a, b);
    case 'upgrade':
      // Ascending puts the upgrading gateways first: that is what someone sorting by it looks for.
      return (a, b) => sign * (Number(b.upgrading) - Number(a.upgrading)) || bySn(a, b);
  }
}

/**
 * SNs of the gateways shown, in the chosen order. With no filter and the default order it is
 * the store's own list (the same array while no gateway comes or goes).
 */
export function shownGatewaySns(
  gatewaySns: readonly string[],
  gateways: ReadonlyMap<string, FleetGateway>,
  filters: FleetFilters,
  context: FilterContext,
): readonly string[] {
  if (!hasFilters(filters) && filters.sort === 'sn' && filters.dir === 'asc') return gatewaySns;
  const shown: FleetGateway[] = [];
  for (const sn of gatewaySns) {
    const gateway = gateways.get(sn);
    if (gateway !== undefined && gatewayMatches(gateway, filters, context)) shown.push(gateway);
  }
  if (filters.sort !== 'sn' || filters.dir !== 'asc') shown.sort(comparator(filters.sort, filters.dir));
  return shown.map((g) => g.sn);
}
