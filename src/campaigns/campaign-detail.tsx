import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../ui/i18n/use-format';
import { Button } from '../ui/button';
import { ProgressBar } from '../ui/progress-bar';
import { SummaryTile, SummaryTiles } from '../ui/summary-tile';
import { useId } from 'react';
import { useCampaign, useCampaignActions, useCampaignControlPermission, useCampaignDriver } from './campaign-hooks';
import type { Campaign } from './campaign-types';
import { useNow } from '../ui/clock';
import { useTaskTable, useTaskTimings } from '../tasks/tasks-hooks';
import { CampaignCharts } from './campaign-charts';
import { CampaignControls } from './campaign-controls';
import { CampaignFigureTiles } from './campaign-figure-tiles';
import { CampaignGatewayTable } from './campaign-gateway-table';
import { CampaignNotifyToggle } from './campaign-notify-toggle';
import { CampaignTimingLine } from './campaign-timing-line';
import { downloadText, reportCsv, reportJson, reportRows } from './campaign-report';
import { campaignProgress, gatewayRows } from './campaign-rows';
import { useCampaignTexts } from './use-campaign-texts';

function fileStem(campaign: Campaign): string {
  return `campaign-${new Date(campaign.createdAt).toISOString().slice(0, 19).replaceAll(':', '-')}-${campaign.id.slice(0, 8)}`;
}

export interface CampaignDetailProps {
  id: string;
  readOnly: boolean;
}

/** "Limit: 2 at a time · Pause after failures: 1 · Canary: first 2 (done)". */
function useLimitsLine(campaign: Campaign): string {
  const { t } = useTranslation('campaigns');
  const f = useFormat();
  const rule = campaign.pauseAfterFailures;
  const parts: string[] = [
    t('limits.limit', {
      value: campaign.maxParallel === null ? t('limits.allAtOnce') : t('limits.atATime', { count: campaign.maxParallel }),
    }),
    t('limits.pause', { value: rule === null ? t('limits.off') : 'count' in rule ? f.number(rule.count) : f.percent(rule.percent) }),
  ];
  const canary = campaign.canarySize;
  if (canary !== null) parts.push(campaign.canaryDone ? t('limits.canaryDone', { count: canary }) : t('limits.canary', { count: canary }));
  return parts.join(t('limits.separator'));
}

export function CampaignDetail(props: CampaignDetailProps) {
  const campaign = useCampaign(props.id);
  const { t } = useTranslation('campaigns');
  if (campaign === undefined) return <p>{t('detail.notFound')}</p>;
  return <KnownCampaign campaign={campaign} {...props} />;
}

function KnownCampaign({ campaign, id, readOnly }: CampaignDetailProps & { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const f = useFormat();
  const texts = useCampaignTexts();
  const limits = useLimitsLine(campaign);
  const table = useTaskTable();
  const timings = useTaskTimings();
  const now = useNow();
  const rows = gatewayRows(campaign, table, now, timings);
  const progress = campaignProgress(campaign, rows, now);
  const actions = useCampaignActions();
  const { driver, refused, onBroker } = useCampaignDriver(id);
  const permission = useCampaignControlPermission(id, readOnly);
  const reasonId = useId();
  const exportAs = (kind: 'csv' | 'json'): void => {
    const report = reportRows(campaign, table, Date.now(), timings, texts);
    if (kind === 'csv') downloadText(`${fileStem(campaign)}.csv`, reportCsv(report), 'text/csv;charset=utf-8');
    else downloadText(`${fileStem(campaign)}.json`, reportJson(campaign, report, Date.now()), 'application/json');
  };
  const percent = Math.round(progress.percent);
  const stateWord = t(`state.${campaign.state}`);
  return (
    <div className="flex flex-col gap-5">
      <div role="status" aria-label={t('detail.stateLabel')} className="text-lg">
        <span className="font-semibold">{stateWord}</span>
        {campaign.state === 'paused' && campaign.pausedReason !== null ? (
          <span className="ml-2 text-amber-900">{texts.pausedReason(campaign.pausedReason)}</span>
        ) : null}
      </div>
      <CampaignTimingLine campaign={campaign} />
      {onBroker && (campaign.state === 'running' || campaign.state === 'paused') ? (
        <p className="text-sm text-slate-700">{driver === null ? t('detail.noDriver') : t('detail.drivenBy', { label: driver.label })}</p>
      ) : null}
      {refused !== null ? (
        <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm">{t('detail.publishRefused', { reason: refused })}</p>
      ) : null}
      <CampaignControls
        campaign={campaign}
        hasFailed={rows.some((r) => r.canRetry)}
        permission={permission}
        reasonId={reasonId}
        onPause={() => actions.pause(id)}
        onResume={() => actions.resume(id)}
        onAbort={() => actions.abort(id)}
        onRetryFailed={() => actions.retryFailed(id)}
      />
      <ProgressBar
        label={t('detail.progressLabel')}
        value={percent}
        valueText={t('detail.progressValue', { percent: f.percent(percent), state: stateWord })}
      />
      <SummaryTiles label={t('detail.summaryLabel')}>
        <SummaryTile label={t('tiles.gateways')} value={f.number(rows.length)} />
        <CampaignFigureTiles figures={progress.figures} />
        <SummaryTile label={t('tiles.elapsed')} value={f.duration(progress.elapsedMs)} />
        <SummaryTile label={t('tiles.eta')} value={progress.etaMs === null ? t('tiles.none') : f.duration(progress.etaMs)} />
      </SummaryTiles>
      <p className="text-sm text-slate-600">{limits}</p>
      <CampaignCharts campaign={campaign} table={table} now={now} timings={timings} />
      <CampaignGatewayTable
        rows={rows}
        onRetry={campaign.state === 'aborted' ? null : (gw) => actions.retryGateway(id, gw)}
        {...(permission.allowed ? {} : { retryBlockedBy: reasonId })}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => exportAs('csv')}>{t('report.exportCsv')}</Button>
        <Button onClick={() => exportAs('json')}>{t('report.exportJson')}</Button>
        <CampaignNotifyToggle />
      </div>
      <Link to={`/monitor?campaign=${encodeURIComponent(campaign.id)}`} className="text-sm text-blue-800 underline">
        {t('detail.openMonitor')}
      </Link>
    </div>
  );
}
