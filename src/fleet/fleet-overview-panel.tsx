import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import { SummaryTile, SummaryTiles } from '../ui/summary-tile';
import type { FleetFilters } from './fleet-filters.ts';
import type { FleetOverview } from './fleet-overview.ts';
import { ModelVersions } from './model-versions.tsx';

export interface FleetOverviewPanelProps {
  overview: FleetOverview;
  filters: FleetFilters;
  onPick: (patch: Partial<FleetFilters>) => void;
}

/** The fleet at a glance: gateway counts, then per model the versions it runs. */
export function FleetOverviewPanel({ overview, filters, onPick }: FleetOverviewPanelProps) {
  const { t } = useTranslation('fleet');
  const f = useFormat();
  const { gateways } = overview;
  return (
    <section aria-labelledby="fleet-overview-title" className="flex flex-col gap-3">
      <h2 id="fleet-overview-title" className="font-semibold">
        {t('overview.title')}
      </h2>
      <SummaryTiles label={t('overview.tilesLabel')}>
        <SummaryTile label={t('overview.tileGateways')} value={f.number(gateways.total)} />
        <SummaryTile label={t('overview.tileOnline')} value={f.number(gateways.online)} />
        <SummaryTile label={t('overview.tileOffline')} value={f.number(gateways.offline)} />
        <SummaryTile label={t('overview.tileUpgrading')} value={f.number(gateways.upgrading)} />
      </SummaryTiles>
      {overview.models.length === 0 ? (
        <p className="text-sm text-slate-600">{t('overview.noModels')}</p>
      ) : (
        <div className="grid gap-3 2xl:grid-cols-2">
          {overview.models.map((model) => (
            <ModelVersions
              key={model.modelKey}
              model={model}
              selectedVersion={filters.model === model.modelKey ? filters.version : null}
              onPick={onPick}
            />
          ))}
        </div>
      )}
    </section>
  );
}
