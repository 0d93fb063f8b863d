/**
 * Counts over time as step lines (a count holds until it changes), drawn as SVG with visx and
 * loaded only through lazy-charts.tsx. Hidden from assistive technology: the caller gives a text
 * or table alternative beside it.
 */
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import type { ChartLook, ChartSeries, SeriesPoint } from './chart-types.ts';

export interface TimeSeriesChartProps {
  series: readonly ChartSeries[];
  /** The time axis, ms. */
  from: number;
  to: number;
  formatTime: (at: number) => string;
  height?: number;
  width?: number;
  look?: ChartLook;
  /** Fill the parent's box (its height set by the parent) instead of keeping the width and scaling the height. */
  fill?: boolean;
}

const MARGIN = { top: 10, right: 12, bottom: 22, left: 36 };
const TEXT: Record<ChartLook, string> = { light: 'fill-slate-600', board: 'fill-neutral-300' };
const GRID: Record<ChartLook, string> = { light: 'stroke-slate-200', board: 'stroke-neutral-700' };

/** Step-after: each value is drawn flat until the next point, then the line jumps. */
function steps(points: readonly SeriesPoint[], end: number): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  points.forEach((point, i) => {
    const previous = points[i - 1];
    if (previous !== undefined) out.push({ t: point.t, v: previous.v });
    out.push(point);
  });
  const last = points.at(-1);
  if (last !== undefined && last.t < end) out.push({ t: end, v: last.v });
  return out;
}

export default function TimeSeriesChart({
  series,
  from,
  to,
  formatTime,
  height = 160,
  width = 560,
  look = 'light',
  fill = false,
}: TimeSeriesChartProps) {
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const end = Math.max(to, from + 1);
  const x = scaleLinear<number>({ domain: [from, end], range: [0, innerWidth] });
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.v)));
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const yTicks = y.ticks(3).filter((tick) => Number.isInteger(tick));
  const xTicks = [from, from + (end - from) / 2, end];
  return (
    <svg
      aria-hidden="true"
      viewBox={`0 0 ${width} ${height}`}
      className={fill ? 'h-full w-full' : 'h-auto w-full'}
      style={fill ? undefined : { maxHeight: height }}
      data-chart="lines"
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        {yTicks.map((tick) => (
          <g key={tick}>
            <line x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} className={GRID[look]} />
            <text x={-6} y={y(tick) + 3} textAnchor="end" fontSize={10} className={TEXT[look]}>
              {tick}
            </text>
          </g>
        ))}
        {xTicks.map((tick, i) => (
          <text
            key={i}
            x={x(tick)}
            y={innerHeight + 15}
            textAnchor={i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
            fontSize={10}
            className={TEXT[look]}
          >
            {formatTime(tick)}
          </text>
        ))}
        {series.map((s) => (
          <LinePath<SeriesPoint>
            key={s.key}
            data-series={s.key}
            data={steps(s.points, end)}
            x={(p) => x(p.t)}
            y={(p) => y(p.v)}
            className={s.strokeClass}
            strokeWidth={2}
            strokeDasharray={s.dash}
            fill="none"
          />
        ))}
      </Group>
    </svg>
  );
}
