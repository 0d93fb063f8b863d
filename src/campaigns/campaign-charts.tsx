import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartBar, ChartSeries } from '../ui/charts/chart-types.ts';
import { BarChart, ChartSlot, TimeSeriesChart } from '../ui/charts/lazy-charts.tsx';
import { useFormat } from '../ui/i18n/use-format';
import type { TaskTable } from '../tasks/task-table.ts';
import type { TaskTimings } from '../tasks/task-types.ts';
import type { Campaign } from './campaign-types.ts';
import { campaignDurations, campaignTimeline, type CampaignTimeline, type DurationBin, type TimelinePoint } from './campaign-timeline.ts';

export interface CampaignChartsProps {
  campaign: Campaign;
  table: TaskTable;
  now: number;
  timings: TaskTimings;
}

const PROGRESS_HEIGHT = 160;
const DURATION_HEIGHT = 170;
/** Rows of the progress table: evenly spread over the campaign, the last one "now". */
const TABLE_ROWS = 12;

type LineKey = 'done' | 'failed' | 'active';
const LINES: { key: LineKey; light: string; board: string; dash?: string }[] = [
  { key: 'done', light: 'stroke-green-700', board: 'stroke-green-400' },
  { key: 'failed', light: 'stroke-red-700', board: 'stroke-red-400', dash: '6 3' },
  { key: 'active', light: 'stroke-blue-700', board: 'stroke-sky-300', dash: '2 3' },
];

/** The three step lines of a timeline. */
export function timelineSeries(timeline: CampaignTimeline, labels: Record<LineKey, string>, look: 'light' | 'board'): ChartSeries[] {
  return LINES.map(({ key, light, board, dash }) => ({
    key,
    label: labels[key],
    points: timeline.points.map((p) => ({ t: p.t, v: p[key] })),
    strokeClass: look === 'light' ? light : board,
    dash,
  }));
}

/** A line's sample beside its name: the legend tells the lines apart by dash as well as colour. */
export function LineKeySample({ look, line }: { look: 'light' | 'board'; line: LineKey }) {
  const spec = LINES.find((l) => l.key === line);
  return (
    <svg aria-hidden="true" width="24" height="8" className="inline-block">
      <line
        x1="0"
        x2="24"
        y1="4"
        y2="4"
        strokeWidth="2"
        strokeDasharray={spec?.dash}
        className={look === 'light' ? spec?.light : spec?.board}
      />
    </svg>
  );
}

function spread(points: readonly TimelinePoint[], current: TimelinePoint): TimelinePoint[] {
  if (points.length <= TABLE_ROWS) return [...points.slice(0, -1), current];
  const step = (points.length - 1) / (TABLE_ROWS - 1);
  const rows = Array.from({ length: TABLE_ROWS - 1 }, (_, i) => points[Math.round(i * step)] as TimelinePoint);
  return [...rows, current];
}

export function CampaignProgressChart({ campaign, table, now, timings }: CampaignChartsProps) {
  const { t } = useTranslation('campaigns');
  const f = useFormat();
  const id = useId();
  const timeline = campaignTimeline(campaign, table, now, timings);
  const labels = { done: t('charts.done'), failed: t('charts.failed'), active: t('charts.active') };
  const { current } = timeline;
  const started = timeline.points.length > 1;
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="flex min-w-0 flex-col gap-2 rounded border border-slate-200 bg-white p-3"
      data-chart-of="progress"
    >
      <figcaption id={`${id}-title`} className="font-semibold">
        {t('charts.progressTitle')}
      </figcaption>
      <p className="text-sm" data-testid="campaign-progress-now">
        {t('charts.now', {
          done: f.number(current.done),
          failed: f.number(current.failed),
          active: f.number(current.active),
          gateways: f.number(timeline.gateways),
        })}
      </p>
      {started ? (
        <>
          <ul className="flex flex-wrap gap-4 text-xs text-slate-700">
            {LINES.map(({ key }) => (
              <li key={key} className="flex items-center gap-1">
                <LineKeySample look="light" line={key} />
                {labels[key]}
              </li>
            ))}
          </ul>
          <ChartSlot height={PROGRESS_HEIGHT}>
            <TimeSeriesChart
              series={timelineSeries(timeline, labels, 'light')}
              from={timeline.from}
              to={timeline.to}
              formatTime={timeline.to - timeline.from < 600_000 ? (at) => f.clock(at).slice(0, 8) : f.hourMinute}
              height={PROGRESS_HEIGHT}
            />
          </ChartSlot>
          <details className="text-sm">
            <summary className="cursor-pointer text-blue-800">{t('charts.showTable')}</summary>
            <table className="mt-2" aria-label={t('charts.progressTitle')}>
              <thead>
                <tr className="text-left text-xs text-slate-600">
                  <th scope="col" className="pr-4 font-medium">
                    {t('charts.time')}
                  </th>
                  {LINES.map(({ key }) => (
                    <th key={key} scope="col" className="pr-4 text-right font-medium">
                      {labels[key]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {spread(timeline.points, current).map((point, i) => (
                  <tr key={i} className="border-t border-slate-100">
                    <th scope="row" className="pr-4 text-left font-normal tabular-nums">
                      {f.clock(point.t).slice(0, 8)}
                    </th>
                    {LINES.map(({ key }) => (
                      <td key={key} className="pr-4 text-right tabular-nums">
                        {f.number(point[key])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : (
        <p className="text-sm text-slate-600">{t('charts.noneYet')}</p>
      )}
    </figure>
  );
}

/** "30–45 s", "4–5 min", "1–2 h": a bin's range in the unit that reads best. */
function useBinRange(): (bin: DurationBin) => string {
  const { t } = useTranslation('campaigns');
  const f = useFormat();
  return (bin) => {
    const n = (value: number) => f.number(value, { maximumFractionDigits: 1 });
    if (bin.to <= 120_000) return t('charts.rangeSeconds', { from: n(bin.from / 1_000), to: n(bin.to / 1_000) });
    if (bin.to <= 7_200_000) return t('charts.rangeMinutes', { from: n(bin.from / 60_000), to: n(bin.to / 60_000) });
    return t('charts.rangeHours', { from: n(bin.from / 3_600_000), to: n(bin.to / 3_600_000) });
  };
}

export function CampaignDurationChart({ campaign, table, now, timings }: CampaignChartsProps) {
  const { t } = useTranslation('campaigns');
  const f = useFormat();
  const id = useId();
  const range = useBinRange();
  const stats = campaignDurations(campaign, table, now, timings);
  const bars: ChartBar[] = stats.bins.map((bin) => {
    const label = range(bin);
    return {
      key: String(bin.from),
      label,
      value: bin.count,
      title: t('charts.binTitle', { range: label, count: bin.count, n: f.number(bin.count) }),
    };
  });
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="flex min-w-0 flex-col gap-2 rounded border border-slate-200 bg-white p-3"
      data-chart-of="durations"
    >
      <figcaption id={`${id}-title`} className="font-semibold">
        {t('charts.durationTitle')}
      </figcaption>
      {stats.count === 0 || stats.medianMs === null || stats.minMs === null || stats.maxMs === null ? (
        <p className="text-sm text-slate-600">{t('charts.durationNone')}</p>
      ) : (
        <>
          <p className="text-sm">
            {t('charts.durationSummary', {
              count: stats.count,
              n: f.number(stats.count),
              median: f.duration(stats.medianMs),
              min: f.duration(stats.minMs),
              max: f.duration(stats.maxMs),
            })}
          </p>
          <ChartSlot height={DURATION_HEIGHT}>
            <BarChart bars={bars} height={DURATION_HEIGHT} formatValue={(v) => f.number(v)} />
          </ChartSlot>
          <details className="text-sm">
            <summary className="cursor-pointer text-blue-800">{t('charts.showTable')}</summary>
            <table className="mt-2" aria-label={t('charts.durationTitle')}>
              <thead>
                <tr className="text-left text-xs text-slate-600">
                  <th scope="col" className="pr-4 font-medium">
                    {t('charts.duration')}
                  </th>
                  <th scope="col" className="pr-4 text-right font-medium">
                    {t('charts.upgrades')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.bins.map((bin) => (
                  <tr key={bin.from} className="border-t border-slate-100">
                    <th scope="row" className="pr-4 text-left font-normal">
                      {range(bin)}
                    </th>
                    <td className="pr-4 text-right tabular-nums">{f.number(bin.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

/** Both charts of the campaign page, side by side where there is room. */
export function CampaignCharts(props: CampaignChartsProps) {
  return (
    <div className="grid gap-3 xl:grid-cols-2">
      <CampaignProgressChart {...props} />
      <CampaignDurationChart {...props} />
    </div>
  );
}
