import { useTranslation } from 'react-i18next';
import { LineKeySample, timelineSeries } from '../campaigns/campaign-charts';
import { useCampaign } from '../campaigns/campaign-hooks';
import { campaignTimeline } from '../campaigns/campaign-timeline';
import { ChartSlot, TimeSeriesChart } from '../ui/charts/lazy-charts';
import { useFormat } from '../ui/i18n/use-format';
import { useTaskTable, useTaskTimings } from '../tasks/tasks-hooks';

const LINES = ['done', 'failed', 'active'] as const;

/**
 * The board filtered to one campaign (`?campaign=ID`) shows its progress line: done, failed and
 * active gateways over time, and the counts now in words (the line itself is hidden from screen readers).
 */
export function CampaignProgressLine({ campaignId, now }: { campaignId: string; now: number }) {
  const { t } = useTranslation('campaigns');
  const f = useFormat();
  const campaign = useCampaign(campaignId);
  const table = useTaskTable();
  const timings = useTaskTimings();
  if (campaign === undefined) return null;
  const timeline = campaignTimeline(campaign, table, now, timings);
  const labels = { done: t('charts.done'), failed: t('charts.failed'), active: t('charts.active') };
  const { current } = timeline;
  return (
    <figure
      aria-labelledby="kiosk-campaign-line"
      className="flex h-[7em] min-h-0 shrink-0 gap-[1em] rounded-[0.3em] border border-neutral-700 bg-neutral-900 px-[0.7em] py-[0.3em]"
    >
      <figcaption id="kiosk-campaign-line" className="flex w-[18em] shrink-0 flex-col justify-center gap-[0.2em]">
        <span className="text-[0.95em] font-medium text-neutral-300">{t('charts.progressTitle')}</span>
        <span className="text-[0.95em] text-neutral-50">
          {t('charts.now', {
            done: f.number(current.done),
            failed: f.number(current.failed),
            active: f.number(current.active),
            gateways: f.number(timeline.gateways),
          })}
        </span>
        <span className="flex flex-wrap gap-x-[0.8em] text-[0.8em] text-neutral-300">
          {LINES.map((key) => (
            <span key={key} className="flex items-center gap-[0.3em]">
              <LineKeySample look="board" line={key} />
              {labels[key]}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="min-w-0 flex-1">
        <ChartSlot height={0}>
          <TimeSeriesChart
            series={timelineSeries(timeline, labels, 'board')}
            from={timeline.from}
            to={timeline.to}
            formatTime={f.hourMinute}
            width={1200}
            height={130}
            look="board"
            fill
          />
        </ChartSlot>
      </div>
    </figure>
  );
}
