import { useId } from 'react';
import { TASK_STATES } from '../task-types';
import type { MonitorSort, RowQuery, StateFilter } from './device-rows';
import { TASK_STATE_LABELS } from './state-look';

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
  const id = useId();
  return (
    <div role="search" aria-label="Filter devices" className="flex flex-wrap items-end gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-search`} className="text-sm font-medium">
          Search devices
        </label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Gateway or device SN"
          value={query.search}
          onChange={(e) => onChange({ ...query, search: e.target.value })}
          className="w-64 rounded border border-slate-300 px-2 py-1.5 text-sm"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-state`} className="text-sm font-medium">
          State
        </label>
        <select id={`${id}-state`} className={SELECT} value={query.state} onChange={(e) => onChange({ ...query, state: e.target.value as StateFilter })}>
          <option value="all">All states</option>
          {TASK_STATES.map((state) => (
            <option key={state} value={state}>
              {TASK_STATE_LABELS[state]}
            </option>
          ))}
        </select>
      </div>
      {campaigns.length > 0 || query.campaign !== 'all' ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-campaign`} className="text-sm font-medium">
            Campaign
          </label>
          <select id={`${id}-campaign`} className={SELECT} value={query.campaign} onChange={(e) => onChange({ ...query, campaign: e.target.value })}>
            <option value="all">All upgrades</option>
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name}
              </option>
            ))}
            {query.campaign !== 'all' && !campaigns.some((c) => c.id === query.campaign) ? (
              <option value={query.campaign}>Unknown campaign</option>
            ) : null}
          </select>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-sort`} className="text-sm font-medium">
          Sort by
        </label>
        <select id={`${id}-sort`} className={SELECT} value={query.sort} onChange={(e) => onChange({ ...query, sort: e.target.value as MonitorSort })}>
          <option value="state">State (needs attention first)</option>
          <option value="age">Last event (newest first)</option>
        </select>
      </div>
    </div>
  );
}
