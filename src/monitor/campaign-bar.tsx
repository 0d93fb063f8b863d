import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../ui/button';
import { useNow } from '../ui/clock';
import { useFormat } from '../ui/i18n/use-format';
import { ProgressBar } from '../ui/progress-bar';
import { useStaleMarks } from '../ui/stale-data';
import { CampaignFigureLine } from '../campaigns/campaign-figure-tiles';
import { useCampaignActions, useCampaignControlPermission } from '../campaigns/campaign-hooks';
import { campaignControlReasonKey } from '../campaigns/campaign-permission';
import { campaignProgress, gatewayRows } from '../campaigns/campaign-rows';
import type { Campaign } from '../campaigns/campaign-types';
import { useCampaignTexts } from '../campaigns/use-campaign-texts';
import { useTasksStore } from '../tasks/tasks-context';
import { useTaskTimings } from '../tasks/tasks-hooks';

/** The campaigns the bar shows: the chosen one, else every running or paused one, newest first. */
export function barCampaigns(campaigns: readonly Campaign[], chosen: string): Campaign[] {
  if (chosen !== 'all') return campaigns.filter((c) => c.id === chosen);
  return campaigns.filter((c) => c.state === 'running' || c.state === 'paused').sort((a, b) => b.createdAt - a.createdAt);
}

export interface CampaignBarProps {
  campaigns: readonly Campaign[];
  /** A read-only viewer: the controls stay, disabled, with the reason. */
  readOnly: boolean;
}

/**
 * Above the Monitor's table: each campaign's name, state (Paused with its reason), progress and
 * figures (the campaign page's, from the same function), with Pause / Resume and a link to its page,
 * so an operator can steer a campaign without leaving the Monitor.
 */
export function CampaignBar({ campaigns, readOnly }: CampaignBarProps) {
  const { t } = useTranslation('monitor');
  if (campaigns.length === 0) return null;
  return (
    <section aria-label={t('bar.label')} className="flex flex-col gap-2">
      {campaigns.map((campaign) => (
        <CampaignBarEntry key={campaign.id} campaign={campaign} readOnly={readOnly} />
      ))}
    </section>
  );
}

function CampaignBarEntry({ campaign, readOnly }: { campaign: Campaign; readOnly: boolean }) {
  const { t } = useTranslation('monitor');
  const { t: tc } = useTranslation('campaigns');
  const f = useFormat();
  const texts = useCampaignTexts();
  const tasks = useTasksStore();
  const timings = useTaskTimings();
  const now = useNow();
  // Once a second and on every campaign change, not on every progress batch: the rows below
  // follow each message; the campaign's figures need not.
  const progress = useMemo(
    () => campaignProgress(campaign, gatewayRows(campaign, tasks.getState().table, now, timings), now),
    [campaign, tasks, now, timings],
  );
  const permission = useCampaignControlPermission(campaign.id, readOnly);
  const actions = useCampaignActions();
  const reasonId = useId();
  const { className: staleClass, ...staleMarks } = useStaleMarks();
  const name = texts.name(campaign);
  const stateWord = tc(`state.${campaign.state}`);
  const percent = Math.round(progress.percent);
  const open = campaign.state === 'running' || campaign.state === 'paused';
  const paused = campaign.state === 'paused';
  const blocked = permission.allowed || !open ? null : tc(campaignControlReasonKey(permission.block), { reason: permission.detail ?? '' });
  return (
    <div
      role="group"
      aria-label={t('bar.campaign', { name })}
      className={`flex flex-wrap items-center gap-x-4 gap-y-2 rounded border px-3 py-2 ${paused ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'}`}
    >
      <span className="font-medium">{name}</span>
      <span role="status" aria-label={tc('detail.stateLabel')} className="text-sm">
        <span className="font-semibold">{stateWord}</span>
        {paused && campaign.pausedReason !== null ? (
          <span className="ml-2 text-amber-900">{texts.pausedReason(campaign.pausedReason)}</span>
        ) : null}
      </span>
      <div {...staleMarks} className={`flex min-w-48 flex-1 flex-col gap-1 ${staleClass}`}>
        <ProgressBar
          label={t('bar.progress', { name })}
          value={percent}
          valueText={t('bar.progressValue', { percent: f.percent(percent), state: stateWord })}
          tone={paused ? 'warning' : progress.figures.failed > 0 ? 'danger' : 'info'}
        />
        <span className="text-xs text-slate-700 tabular-nums">
          {f.percent(percent)} · <CampaignFigureLine figures={progress.figures} />
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {/* One button that changes its label, so keyboard focus stays on it across Pause/Resume. */}
        {open ? (
          <Button
            variant={paused ? 'primary' : 'secondary'}
            onClick={() => (paused ? actions.resume(campaign.id) : actions.pause(campaign.id))}
            {...(blocked === null ? {} : { disabled: true, 'aria-describedby': reasonId })}
          >
            {paused ? tc('controls.resume') : tc('controls.pause')}
          </Button>
        ) : null}
        <Link
          to={`/campaigns/${encodeURIComponent(campaign.id)}`}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100"
        >
          {t('bar.open')}
        </Link>
      </div>
      {blocked !== null ? (
        <p id={reasonId} className="w-full text-sm text-slate-700">
          {blocked}
        </p>
      ) : null}
    </div>
  );
}
