import type { ReactNode } from 'react';
import { useStaleMarks } from './stale-data';

export interface SummaryTileProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
}

/** One figure of a summary; place tiles inside a <SummaryTiles> so label and value stay paired for screen readers. */
export function SummaryTile({ label, value, hint }: SummaryTileProps) {
  // A figure while the connection is down is the last known one: dimmed, and says why.
  const { className: staleClass, ...staleMarks } = useStaleMarks();
  return (
    <div {...staleMarks} className={`flex min-w-28 flex-col rounded border border-slate-200 bg-white px-3 py-2 ${staleClass}`}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

export function SummaryTiles({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <dl className="flex flex-wrap gap-2">{children}</dl>
    </div>
  );
}
