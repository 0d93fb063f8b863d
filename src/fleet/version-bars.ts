/** A model's version counts as chart bars: the newest and the largest groups, the rest as one "other" bar. */
import type { BarTone, ChartBar } from '../ui/charts/chart-types.ts';
import { VERSION_NOT_REPORTED } from './fleet-filters.ts';
import type { ModelOverview, VersionCount } from './fleet-overview.ts';

/** Bars drawn at most per model; a fleet in the middle of a roll-out runs a handful of versions. */
export const MAX_VERSION_BARS = 12;

export const OTHER_VERSIONS = 'other';

export interface VersionBarWords {
  notReported: string;
  newest: string;
  other: (versions: number) => string;
  title: (version: string, count: number) => string;
}

/** The filter value a version count stands for. */
export const versionValue = (count: VersionCount): string => count.version ?? VERSION_NOT_REPORTED;

/** The versions that get a bar of their own: every one when they fit, else the newest and the largest. */
export function barVersions(model: ModelOverview): { shown: VersionCount[]; other: VersionCount[] } {
  if (model.versions.length <= MAX_VERSION_BARS) return { shown: model.versions, other: [] };
  const keep = new Set<VersionCount>(model.versions.filter((v) => v.newest));
  for (const v of [...model.versions].sort((a, b) => b.count - a.count)) {
    if (keep.size >= MAX_VERSION_BARS - 1) break;
    keep.add(v);
  }
  return { shown: model.versions.filter((v) => keep.has(v)), other: model.versions.filter((v) => !keep.has(v)) };
}

export function versionBars(model: ModelOverview, selectedVersion: string | null, words: VersionBarWords): ChartBar[] {
  const { shown, other } = barVersions(model);
  const bars = shown.map((count): ChartBar => {
    const value = versionValue(count);
    const label = count.version ?? words.notReported;
    const tone: BarTone = selectedVersion === value ? 'selected' : count.newest ? 'marked' : 'plain';
    return {
      key: value,
      label,
      value: count.count,
      note: count.newest ? words.newest : undefined,
      tone,
      title: words.title(label, count.count),
    };
  });
  if (other.length > 0) {
    const total = other.reduce((sum, v) => sum + v.count, 0);
    const label = words.other(other.length);
    bars.push({ key: OTHER_VERSIONS, label, value: total, title: words.title(label, total), selectable: false });
  }
  return bars;
}
