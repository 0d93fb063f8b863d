import { useTranslation } from 'react-i18next';
import { localTimeZone } from '../lib/zoned-time';
import { useFormat } from '../ui/i18n/use-format';
import { useLanguage } from '../ui/i18n/use-language';
import { useNow } from '../ui/clock';
import type { Campaign } from './campaign-types';
import { timingOf } from './campaign-timing';
import { weekdayNames, zonedTimeLabel } from './timing-format';

/**
 * Why a running campaign sends nothing new (the window is closed, every gateway left waits on its
 * dock), and the schedule it keeps: window, "start not before", idle gate.
 */
export function CampaignTimingLine({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const language = useLanguage();
  const f = useFormat();
  const now = useNow();
  if (campaign.timing === undefined) return null;
  const timing = timingOf(campaign);
  const zone = timing.window?.timeZone ?? localTimeZone();
  const wait = campaign.state === 'running' ? (campaign.waiting ?? null) : null;
  let waitText: string | null = null;
  if (wait?.kind === 'window') {
    const opens = wait.opensAt === null ? null : t('timing.opens', { time: zonedTimeLabel(wait.opensAt, zone, language, now), zone });
    if (opens === null) waitText = t('timing.waitWindowNever');
    else waitText = timing.window === null ? t('timing.waitNotBefore', { opens }) : t('timing.waitWindow', { opens });
  } else if (wait?.kind === 'docks') {
    waitText = t('timing.waitDocks', { count: wait.waiting });
  }
  const parts: string[] = [];
  if (timing.window !== null) {
    parts.push(
      t('timing.summary.window', {
        days: f.list(weekdayNames(timing.window.days, language), 'plain'),
        start: timing.window.start,
        duration: f.duration(timing.window.durationMinutes * 60_000),
        zone: timing.window.timeZone,
      }),
    );
  }
  if (timing.notBefore !== null)
    parts.push(t('timing.summary.notBefore', { time: `${zonedTimeLabel(timing.notBefore, zone, language, now)} ${zone}` }));
  parts.push(
    t(
      timing.idleGate.enabled
        ? timing.idleGate.allowUnknown
          ? 'timing.summary.gateOnUnknown'
          : 'timing.summary.gateOn'
        : 'timing.summary.gateOff',
    ),
  );
  return (
    <div className="flex flex-col gap-1">
      {waitText === null ? null : (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">
          {waitText}
        </p>
      )}
      <p className="text-sm text-slate-600">{parts.join(t('timing.summary.separator'))}</p>
    </div>
  );
}
