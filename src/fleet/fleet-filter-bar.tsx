import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { useFormat } from '../ui/i18n/use-format';
import {
  hasFilters,
  ONLINE_FILTERS,
  VERSION_NOT_REPORTED,
  type FilterNote,
  type FleetFilters,
  type OnlineFilter,
} from './fleet-filters.ts';
import type { ModelOverview } from './fleet-overview.ts';

export interface FleetFilterBarProps {
  filters: FleetFilters;
  notes: readonly FilterNote[];
  models: readonly ModelOverview[];
  shown: number;
  total: number;
  update: (patch: Partial<FleetFilters>, options?: { replace?: boolean }) => void;
  clear: () => void;
}

const field = 'flex flex-col gap-1 text-sm';
const control = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** The versions to offer: the chosen model's, else every model's, newest first. */
function versionChoices(models: readonly ModelOverview[], model: string | null): string[] {
  const seen = new Set<string>();
  for (const m of models) {
    if (model !== null && m.modelKey !== model) continue;
    for (const v of m.versions) seen.add(v.version ?? VERSION_NOT_REPORTED);
  }
  return [...seen];
}

/** Model, version, online state, consistency, behind the newest, SN search; all kept in the URL. */
export function FleetFilterBar({ filters, notes, models, shown, total, update, clear }: FleetFilterBarProps) {
  const { t } = useTranslation('fleet');
  const f = useFormat();
  const id = useId();
  const versions = versionChoices(models, filters.model);
  // A version from a shared link that nobody runs any more is still offered, so the select shows it.
  if (filters.version !== null && !versions.includes(filters.version)) versions.push(filters.version);
  const modelKnown = filters.model === null || models.some((m) => m.modelKey === filters.model);
  return (
    <div role="search" aria-label={t('filters.label')} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-3">
        <div className={field}>
          <label htmlFor={`${id}-q`} className="font-medium text-slate-800">
            {t('screen.searchLabel')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={filters.q}
            onChange={(e) => update({ q: e.target.value }, { replace: true })}
            placeholder={t('screen.searchPlaceholder')}
            className={`${control} w-56`}
          />
        </div>
        <div className={field}>
          <label htmlFor={`${id}-model`} className="font-medium text-slate-800">
            {t('filters.model')}
          </label>
          <select
            id={`${id}-model`}
            value={filters.model ?? ''}
            onChange={(e) => update({ model: e.target.value === '' ? null : e.target.value, version: null })}
            className={control}
          >
            <option value="">{t('filters.anyModel')}</option>
            {models.map((m) => (
              <option key={m.modelKey} value={m.modelKey}>
                {t('filters.modelOption', { product: m.productName ?? m.modelKey, model: m.modelKey })}
              </option>
            ))}
            {!modelKnown && filters.model !== null ? <option value={filters.model}>{filters.model}</option> : null}
          </select>
        </div>
        <div className={field}>
          <label htmlFor={`${id}-version`} className="font-medium text-slate-800">
            {t('filters.version')}
          </label>
          <select
            id={`${id}-version`}
            value={filters.version ?? ''}
            onChange={(e) => update({ version: e.target.value === '' ? null : e.target.value })}
            className={control}
          >
            <option value="">{t('filters.anyVersion')}</option>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v === VERSION_NOT_REPORTED ? t('overview.notReported') : v}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor={`${id}-online`} className="font-medium text-slate-800">
            {t('filters.connection')}
          </label>
          <select
            id={`${id}-online`}
            value={filters.online ?? ''}
            onChange={(e) => update({ online: e.target.value === '' ? null : (e.target.value as OnlineFilter) })}
            className={control}
          >
            <option value="">{t('filters.anyState')}</option>
            {ONLINE_FILTERS.map((v) => (
              <option key={v} value={v}>
                {t(`filters.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" checked={filters.consistency} onChange={(e) => update({ consistency: e.target.checked })} />
          {t('filters.consistency')}
        </label>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" checked={filters.outdated} onChange={(e) => update({ outdated: e.target.checked })} />
          {t('filters.outdated')}
        </label>
        {hasFilters(filters) ? (
          <Button variant="secondary" onClick={clear}>
            {t('filters.clear')}
          </Button>
        ) : null}
      </div>
      <p role="status" className="text-sm text-slate-600">
        {t('filters.shown', { count: total, shown: f.number(shown), n: f.number(total) })}
      </p>
      {notes.length > 0 ? (
        <ul aria-label={t('filters.notesLabel')} className="text-sm text-amber-900">
          {notes.map((note) => (
            <li key={note.param}>{t('filters.ignored', { param: note.param, value: note.value })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
