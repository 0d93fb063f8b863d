import { useStore } from 'zustand';
import { Link } from 'react-router';
import { Button } from '../../ui/button';
import { ProgressBar } from '../../ui/progress-bar';
import { SummaryTile, SummaryTiles } from '../../ui/summary-tile';
import { useCampaign } from '../campaign-hooks';
import { RUN_ELSEWHERE_MESSAGE, type CampaignsStore } from '../campaign-store';
import type { Campaign } from '../campaign-types';
import { formatDuration } from '../monitor/format';
import { useNow } from '../monitor/clock-store';
import type { TasksStore } from '../tasks-store';
import { CampaignControls } from './campaign-controls';
import { CampaignGatewayTable } from './campaign-gateway-table';
import { CampaignNotifyToggle } from './campaign-notify-toggle';
import { downloadText, reportCsv, reportJson, reportRows } from './campaign-report';
import { campaignProgress, gatewayRows } from './campaign-rows';

const STATE_WORDS: Readonly<Record<Campaign['state'], string>> = {
  running: 'Running',
  paused: 'Paused',
  finished: 'Finished',
  aborted: 'Aborted',
};

function fileStem(campaign: Campaign): string {
  return `campaign-${new Date(campaign.createdAt).toISOString().slice(0, 19).replaceAll(':', '-')}-${campaign.id.slice(0, 8)}`;
}

export interface CampaignDetailProps {
  id: string;
  campaigns: CampaignsStore;
  tasks: TasksStore;
  readOnly: boolean;
}

export function CampaignDetail({ id, campaigns, tasks, readOnly }: CampaignDetailProps) {
  const campaign = useCampaign(id, campaigns);
  const table = useStore(tasks, (s) => s.table);
  const timings = useStore(tasks, (s) => s.timings);
  const now = useNow();
  const elsewhere = useStore(campaigns, (s) => s.controlledElsewhere);
  if (campaign === undefined) {
    return <p>No campaign with this id is known here (the oldest finished campaigns are forgotten).</p>;
  }
  const rows = gatewayRows(campaign, table, now, timings);
  const progress = campaignProgress(campaign, rows, now);
  const actions = campaigns.getState();
  const exportAs = (kind: 'csv' | 'json'): void => {
    const report = reportRows(campaign, tasks.getState().table, Date.now(), tasks.getState().timings);
    if (kind === 'csv') downloadText(`${fileStem(campaign)}.csv`, reportCsv(report), 'text/csv;charset=utf-8');
    else downloadText(`${fileStem(campaign)}.json`, reportJson(campaign, report, Date.now()), 'application/json');
  };
  const percent = Math.round(progress.percent);
  return (
    <div className="flex flex-col gap-5">
      <div role="status" aria-label="Campaign state" className="text-lg">
        <span className="font-semibold">{STATE_WORDS[campaign.state]}</span>
        {campaign.state === 'paused' && campaign.pausedReason !== null ? <span className="ml-2 text-amber-900">{campaign.pausedReason}</span> : null}
      </div>
      {elsewhere ? <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">{RUN_ELSEWHERE_MESSAGE}</p> : null}
      <CampaignControls
        campaign={campaign}
        hasFailed={rows.some((r) => r.canRetry)}
        readOnly={readOnly || elsewhere}
        onPause={() => actions.campaignPaused(id, Date.now())}
        onResume={() => actions.campaignResumed(id, Date.now())}
        onAbort={() => actions.campaignAborted(id, Date.now())}
        onRetryFailed={() => actions.failedRetried(id, Date.now())}
      />
      <ProgressBar label="Campaign progress" value={percent} valueText={`${percent}% · ${STATE_WORDS[campaign.state]}`} />
      <SummaryTiles label="Campaign summary">
        <SummaryTile label="Gateways" value={rows.length} />
        <SummaryTile label="Overall" value={`${percent}%`} />
        <SummaryTile label="Elapsed" value={formatDuration(progress.elapsedMs)} />
        <SummaryTile label="ETA" value={progress.etaMs === null ? '—' : formatDuration(progress.etaMs)} />
        {progress.counts.map(({ label, count }) => (
          <SummaryTile key={label} label={label} value={count} />
        ))}
      </SummaryTiles>
      <p className="text-sm text-slate-600">
        Limit: {campaign.maxParallel === null ? 'all at once' : `${campaign.maxParallel} at a time`} · Pause after failures:{' '}
        {campaign.pauseAfterFailures === null ? 'off' : 'count' in campaign.pauseAfterFailures ? campaign.pauseAfterFailures.count : `${campaign.pauseAfterFailures.percent}%`}
        {campaign.canarySize === null ? null : ` · Canary: first ${campaign.canarySize}${campaign.canaryDone ? ' (done)' : ''}`}
      </p>
      <CampaignGatewayTable rows={rows} onRetry={readOnly || elsewhere || campaign.state === 'aborted' ? null : (gw) => actions.gatewayRetried(id, gw, Date.now())} />
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => exportAs('csv')}>Export CSV</Button>
        <Button onClick={() => exportAs('json')}>Export JSON</Button>
        <CampaignNotifyToggle />
      </div>
      <Link to={`/monitor?campaign=${encodeURIComponent(campaign.id)}`} className="text-sm text-blue-800 underline">
        Open the monitor for this campaign
      </Link>
    </div>
  );
}
