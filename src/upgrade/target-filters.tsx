import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasFilters, NO_FILTERS, ONLINE_FILTERS, VERSION_NOT_REPORTED, type FleetFilters } from '../fleet/fleet-filters';
import type { ModelOverview } from '../fleet/fleet-overview';
import { compareVersions } from '../lib/compare-versions';
import { modelLabel } from '../protocol/models';
import { Button } from '../ui/button';
import { useFormat } from '../ui/i18n/use-format';
import { UNGROUPED } from './ungrouped';

/** The one "Version" menu also holds the two device states, so a target set is one choice away. */
const OUTDATED = 'outdated';
const CONSISTENCY = 'consistency';
const VERSION_PREFIX = 'v:';

function versionValue(filters: FleetFilters): string {
  if (filters.version !== null) return VERSION_PREFIX + filters.version;
  if (filters.outdated) return OUTDATED;
  if (filters.consistency) return CONSISTENCY;
  return '';
}

function withVersionValue(filters: FleetFilters, value: string): FleetFilters {
  const version = value.startsWith(VERSION_PREFIX) ? value.slice(VERSION_PREFIX.length) : null;
  return { ...filters, version, outdated: value === OUTDATED, consistency: value === CONSISTENCY };
}

/** The versions the menu lists: the chosen model's, or every model's, newest first. */
function versionsOf(models: readonly ModelOverview[], model: string | null): string[] {
  const versions = new Set<string>();
  for (const m of models) {
    if (model !== null && m.modelKey !== model) continue;
    for (const v of m.versions) if (v.version !== null && v.count > 0) versions.add(v.version);
  }
  return [...versions].sort((a, b) => compareVersions(b, a));
}

const selectClass = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

export interface TargetFiltersProps {
  filters: FleetFilters;
  models: readonly ModelOverview[];
  onChange: (next: FleetFilters) => void;
}

/** SN text, model, version (or "not on the newest version"), connection: the Fleet's filters. */
export function TargetFilters({ filters, models, onChange }: TargetFiltersProps) {
  const { t } = useTranslation('upgrades');
  const f = useFormat();
  const id = useId();
  // The text field keeps its own value while typing (the URL follows it), from the URL's at first.
  const [query, setQuery] = useState(filters.q);
  const versions = versionsOf(models, filters.model);
  const model = filters.model;
  const modelKnown = model === null || models.some((m) => m.modelKey === model);
  const version = filters.version;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-q`} className="text-sm font-medium text-slate-800">
          {t('gateways.filterLabel')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            onChange({ ...filters, q: e.target.value });
          }}
          placeholder={t('gateways.filterPlaceholder')}
          className="w-52 rounded border border-slate-300 px-2 py-1.5 text-sm"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-model`} className="text-sm font-medium text-slate-800">
          {t('filters.model')}
        </label>
        <select
          id={`${id}-model`}
          value={model ?? ''}
          onChange={(e) => onChange({ ...filters, model: e.target.value === '' ? null : e.target.value, version: null })}
          className={selectClass}
        >
          <option value="">{t('filters.allModels')}</option>
          {models.map((m) => (
            <option key={m.modelKey} value={m.modelKey}>
              {t('filters.modelOption', {
                product: m.productName ?? modelLabel(m.modelKey),
                model: m.modelKey,
                n: f.number(m.devices, UNGROUPED),
              })}
            </option>
          ))}
          {modelKnown ? null : <option value={model}>{model}</option>}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-version`} className="text-sm font-medium text-slate-800">
          {t('filters.version')}
        </label>
        <select
          id={`${id}-version`}
          value={versionValue(filters)}
          onChange={(e) => onChange(withVersionValue(filters, e.target.value))}
          className={selectClass}
        >
          <option value="">{t('filters.allVersions')}</option>
          <option value={OUTDATED}>{t('filters.notNewest')}</option>
          <option value={CONSISTENCY}>{t('filters.needsConsistency')}</option>
          <optgroup label={t('filters.onVersion')}>
            {versions.map((v) => (
              <option key={v} value={VERSION_PREFIX + v}>
                {v}
              </option>
            ))}
            {version !== null && version !== VERSION_NOT_REPORTED && !versions.includes(version) ? (
              <option value={VERSION_PREFIX + version}>{version}</option>
            ) : null}
            <option value={VERSION_PREFIX + VERSION_NOT_REPORTED}>{t('filters.notReported')}</option>
          </optgroup>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-online`} className="text-sm font-medium text-slate-800">
          {t('filters.connection')}
        </label>
        <select
          id={`${id}-online`}
          value={filters.online ?? ''}
          onChange={(e) => onChange({ ...filters, online: ONLINE_FILTERS.find((v) => v === e.target.value) ?? null })}
          className={selectClass}
        >
          <option value="">{t('filters.anyConnection')}</option>
          <option value="online">{t('filters.online')}</option>
          <option value="offline">{t('filters.offline')}</option>
        </select>
      </div>
      {hasFilters(filters) ? (
        <Button
          onClick={() => {
            setQuery('');
            onChange({ ...NO_FILTERS, sort: filters.sort, dir: filters.dir });
          }}
        >
          {t('filters.clear')}
        </Button>
      ) : null}
    </div>
  );
}
