/**
 * The charts, each loaded on first use: the chart library stays out of the initial JS (and out of
 * screens that draw no chart). A chart's place keeps its height while it loads, so nothing jumps.
 */
import { lazy, Suspense, type ReactNode } from 'react';

export const BarChart = lazy(() => import('./bar-chart.tsx'));
export const TimeSeriesChart = lazy(() => import('./time-series-chart.tsx'));

export function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  return <Suspense fallback={<div aria-hidden="true" style={{ height }} />}>{children}</Suspense>;
}
