/**
 * A vertical bar chart drawn as SVG with visx (loaded only through lazy-charts.tsx). The SVG is
 * hidden from assistive technology: every chart comes with a table or text alternative beside
 * it, which also holds the keyboard controls a bar's click stands for.
 */
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { BarTone, ChartBar, ChartLook } from './chart-types.ts';

export interface BarChartProps {
  bars: readonly ChartBar[];
  /** Called with a bar's key when it is clicked. */
  onSelect?: (key: string) => void;
  height?: number;
  look?: ChartLook;
  /** Formats the value written above each bar. */
  formatValue?: (value: number) => string;
}

const BAR_SLOT = 64;
const MIN_WIDTH = 320;
const MARGIN = { top: 18, right: 8, bottom: 34, left: 8 };
const MAX_LABEL = 12;

const FILL: Record<ChartLook, Record<BarTone, string>> = {
  light: { plain: 'fill-slate-400', marked: 'fill-emerald-600', selected: 'fill-blue-700' },
  board: { plain: 'fill-neutral-400', marked: 'fill-green-400', selected: 'fill-sky-400' },
};
const TEXT: Record<ChartLook, string> = { light: 'fill-slate-700', board: 'fill-neutral-200' };
const AXIS: Record<ChartLook, string> = { light: 'stroke-slate-300', board: 'stroke-neutral-600' };

const short = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

export default function BarChart({ bars, onSelect, height = 180, look = 'light', formatValue = String }: BarChartProps) {
  const width = Math.max(MIN_WIDTH, bars.length * BAR_SLOT + MARGIN.left + MARGIN.right);
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: bars.map((b) => b.key), range: [0, innerWidth], padding: 0.25 });
  const max = Math.max(1, ...bars.map((b) => b.value));
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const band = x.bandwidth();
  return (
    <svg
      aria-hidden="true"
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full"
      style={{ maxWidth: width, maxHeight: height }}
      data-chart="bars"
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        <line x1={0} x2={innerWidth} y1={innerHeight} y2={innerHeight} className={AXIS[look]} />
        {bars.map((bar) => {
          const left = x(bar.key) ?? 0;
          const top = y(bar.value);
          const barHeight = Math.max(bar.value > 0 ? 2 : 0, innerHeight - top);
          const tone = bar.tone ?? 'plain';
          const selectable = onSelect !== undefined && bar.selectable !== false;
          return (
            <g
              key={bar.key}
              data-bar={bar.key}
              data-tone={tone}
              className={selectable ? 'cursor-pointer' : undefined}
              onClick={selectable ? () => onSelect(bar.key) : undefined}
            >
              <title>{bar.title}</title>
              {/* The whole column is the click target, so a bar of 0 can still be picked. */}
              <rect x={left} y={0} width={band} height={innerHeight} fill="transparent" />
              <Bar
                x={left}
                y={innerHeight - barHeight}
                width={band}
                height={barHeight}
                className={`${FILL[look][tone]} ${tone === 'selected' ? 'stroke-blue-950' : ''}`}
                strokeWidth={tone === 'selected' ? 2 : 0}
              />
              <text x={left + band / 2} y={innerHeight - barHeight - 4} textAnchor="middle" fontSize={11} className={TEXT[look]}>
                {formatValue(bar.value)}
              </text>
              <text x={left + band / 2} y={innerHeight + 13} textAnchor="middle" fontSize={10} className={TEXT[look]}>
                {short(bar.label)}
              </text>
              {bar.note !== undefined ? (
                <text x={left + band / 2} y={innerHeight + 26} textAnchor="middle" fontSize={10} fontWeight={600} className={TEXT[look]}>
                  {bar.note}
                </text>
              ) : null}
            </g>
          );
        })}
      </Group>
    </svg>
  );
}
