import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATES } from '../tasks/task-types';
import { CAMPAIGN_ONLY_STATES, isCampaignOnlyState, type MonitorSort, type RowQuery, type StateFilter } from './device-rows';
import { useTaskStateLabel } from '../tasks/use-status-words';
import { useCampaignTexts } from '../campaigns/use-campaign-texts';

export interface CampaignOption {
  id: string;
  name: string;
}

interface MonitorFiltersProps {
  query: RowQuery;
  /** Campaigns to filter by, newest first; the select is left out when there are none. */
  campaigns: readonly CampaignOption[];
  onChange(query: RowQuery): void;
}

const SELECT = 'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

export function MonitorFilters({ query, campaigns, onChange }: MonitorFiltersProps) {
  const { t } = useTranslation('monitor');
  const stateLabel = useTaskStateLabel();
  const texts = useCampaignTexts();
  const id = useId();
  return (
    <div role="search" aria-label={t('filters.label')} className="flex flex-wrap items-end gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-search`} className="text-sm font-medium">
          {t('filters.search')}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder={t('filters.searchPlaceholder')}
          value={query.search}
          onChange={(e) => onChange({ ...query, search: e.target.value })}
          className="w-64 rounded border border-slate-300 px-2 py-1.5 text-sm"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-state`} className="text-sm font-medium">
          {t('filters.state')}
        </label>
        <select
          id={`${id}-state`}
          className={SELECT}
          value={query.state}
          onChange={(e) => onChange({ ...query, state: e.target.value as StateFilter })}
        >
          <option value="all">{t('filters.allStates')}</option>
          {TASK_STATES.map((state) => (
            <option key={state} value={state}>
              {stateLabel(state)}
            </option>
          ))}
          {/* A chosen campaign lists its gateways that have no task yet, in these states. */}
          {query.campaign !== 'all' || isCampaignOnlyState(query.state)
            ? CAMPAIGN_ONLY_STATES.map((state) => (
                <option key={state} value={state}>
                  {texts.rowState(state)}
                </option>
              ))
            : null}
        </select>
      </div>
      {campaigns.length > 0 || query.campaign !== 'all' ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-campaign`} className="text-sm font-medium">
            {t('filters.campaign')}
          </label>
          <select
            id={`${id}-campaign`}
            className={SELECT}
            value={query.campaign}
            onChange={(e) => onChange({ ...query, campaign: e.target.value })}
          >
            <option value="all">{t('filters.allCampaigns')}</option>
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name}
              </option>
            ))}
            {query.campaign !== 'all' && !campaigns.some((c) => c.id === query.campaign) ? (
              <option value={query.campaign}>{t('filters.unknownCampaign')}</option>
            ) : null}
          </select>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-sort`} className="text-sm font-medium">
          {t('filters.sort')}
        </label>
        <select
          id={`${id}-sort`}
          className={SELECT}
          value={query.sort}
          onChange={(e) => onChange({ ...query, sort: e.target.value as MonitorSort })}
        >
          <option value="state">{t('filters.sortState')}</option>
          <option value="age">{t('filters.sortAge')}</option>
        </select>
      </div>
    </div>
  );
}
