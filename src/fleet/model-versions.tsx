import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart, ChartSlot } from '../ui/charts/lazy-charts.tsx';
import { useFormat } from '../ui/i18n/use-format';
import type { FleetFilters } from './fleet-filters.ts';
import type { ModelOverview } from './fleet-overview.ts';
import { OTHER_VERSIONS, versionBars, versionValue } from './version-bars.ts';

const CHART_HEIGHT = 180;

export interface ModelVersionsProps {
  model: ModelOverview;
  /** The version filtered on for this model, if any. */
  selectedVersion: string | null;
  onPick: (patch: Partial<FleetFilters>) => void;
}

/**
 * One model's firmware versions: a bar per version (the newest catalog version marked in words),
 * the model's counts, and the same numbers as a table whose buttons do what a bar's click does.
 */
export const ModelVersions = memo(function ModelVersions({ model, selectedVersion, onPick }: ModelVersionsProps) {
  const { t } = useTranslation('fleet');
  const f = useFormat();
  const id = useId();
  const name = model.productName ?? t('device.unknownModel', { model: model.modelKey });
  const bars = versionBars(model, selectedVersion, {
    notReported: t('overview.notReported'),
    newest: t('overview.newest'),
    other: (n) => t('overview.otherVersions', { count: n, n: f.number(n) }),
    title: (version, count) => t('overview.barTitle', { version, count, n: f.number(count) }),
  });
  const pick = (key: string) => {
    if (key === OTHER_VERSIONS) return;
    onPick(selectedVersion === key ? { model: null, version: null } : { model: model.modelKey, version: key });
  };
  const counts = [
    t('overview.devices', { count: model.devices, n: f.number(model.devices) }),
    t('overview.online', { n: f.number(model.online) }),
    t('overview.offline', { n: f.number(model.offline) }),
    t('overview.upgrading', { n: f.number(model.upgrading) }),
    ...(model.needsConsistency > 0 ? [t('overview.needsConsistency', { n: f.number(model.needsConsistency) })] : []),
    model.newest === null ? t('overview.noCatalog') : t('overview.notNewest', { n: f.number(model.notNewest), version: model.newest }),
  ];
  return (
    <figure
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-counts`}
      className="flex min-w-0 flex-col gap-2 rounded border border-slate-200 bg-white p-3"
    >
      <figcaption className="flex flex-col">
        <span id={`${id}-title`} className="font-semibold">
          {t('overview.chartTitle', { product: name, model: model.modelKey })}
        </span>
        <span id={`${id}-counts`} className="text-sm text-slate-600">
          {counts.join(t('overview.separator'))}
        </span>
      </figcaption>
      <div className="grid gap-3 xl:grid-cols-[3fr_2fr]" data-model={model.modelKey}>
        <ChartSlot height={CHART_HEIGHT}>
          <BarChart bars={bars} onSelect={pick} height={CHART_HEIGHT} formatValue={(v) => f.number(v)} />
        </ChartSlot>
        <table className="self-start text-sm" aria-label={t('overview.tableLabel', { product: name, model: model.modelKey })}>
          <thead>
            <tr className="text-left text-xs text-slate-600">
              <th scope="col" className="pr-3 font-medium">
                {t('overview.version')}
              </th>
              <th scope="col" className="pr-3 text-right font-medium">
                {t('overview.count')}
              </th>
              <th scope="col" className="font-medium">
                {t('overview.filter')}
              </th>
            </tr>
          </thead>
          <tbody>
            {model.versions.map((count) => {
              const value = versionValue(count);
              const label = count.version ?? t('overview.notReported');
              const selected = selectedVersion === value;
              return (
                <tr key={value} className="border-t border-slate-100">
                  <th scope="row" className="pr-3 text-left font-mono font-normal">
                    {label}
                    {/* A space of its own: screen readers and the row's name read "10.01.3000 newest", not one word. */}
                    {count.newest ? (
                      <>
                        {' '}
                        <span className="font-sans text-xs font-semibold text-emerald-800">{t('overview.newest')}</span>
                      </>
                    ) : null}
                  </th>
                  <td className="pr-3 text-right tabular-nums">{f.number(count.count)}</td>
                  <td>
                    <button
                      type="button"
                      aria-pressed={selected}
                      aria-label={t('overview.filterBy', { product: name, version: label })}
                      onClick={() => pick(value)}
                      className="rounded px-1.5 py-0.5 text-xs text-blue-800 underline-offset-2 hover:underline aria-pressed:bg-blue-100 aria-pressed:font-semibold"
                    >
                      {selected ? t('overview.shown') : t('overview.show')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
});
