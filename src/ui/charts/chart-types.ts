/** The data the chart components draw; plain values, so features build them without the chart library. */

export type BarTone = 'plain' | 'marked' | 'selected';

export interface ChartBar {
  /** Handed to onSelect when the bar is clicked. */
  key: string;
  /** Under the bar. */
  label: string;
  value: number;
  /** A second line under the label (e.g. "newest"), so a marked bar is not told by colour alone. */
  note?: string;
  tone?: BarTone;
  /** The bar's tooltip. */
  title: string;
  /** false: drawn, but clicking it does nothing (e.g. "other versions"). */
  selectable?: boolean;
}

export interface SeriesPoint {
  /** ms since the epoch */
  t: number;
  v: number;
}

export interface ChartSeries {
  key: string;
  label: string;
  /** Sorted by time; the value holds until the next point (a step line). */
  points: readonly SeriesPoint[];
  /** Tailwind stroke class of the line, e.g. "stroke-green-700". */
  strokeClass: string;
  /** SVG stroke-dasharray, so lines differ by more than colour. */
  dash?: string;
}

/** Light: the operator screens; board: the dark wallboard. */
export type ChartLook = 'light' | 'board';
