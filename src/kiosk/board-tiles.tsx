import type { ReactNode } from 'react';
import { formatDuration } from '../upgrades/monitor/format';
import type { KioskFigures } from './kiosk-view';

type Accent = 'plain' | 'good' | 'bad' | 'warn';

const ACCENT: Record<Accent, string> = {
  plain: 'text-white',
  good: 'text-green-400',
  bad: 'text-red-400',
  warn: 'text-amber-300',
};

function Tile({ label, value, hint, accent = 'plain' }: { label: string; value: ReactNode; hint?: string; accent?: Accent }) {
  return (
    <div className="flex min-w-0 flex-col rounded-[0.3em] border border-neutral-700 bg-neutral-900 px-[0.7em] py-[0.3em]">
      <dt className="truncate text-[0.95em] font-medium text-neutral-300">{label}</dt>
      <dd className={`text-[2.4em] leading-tight font-bold tabular-nums ${ACCENT[accent]}`}>{value}</dd>
      {hint !== undefined ? <dd className="truncate text-[0.85em] text-neutral-400">{hint}</dd> : null}
    </div>
  );
}

function failedHint(figures: KioskFigures): string | undefined {
  const parts = [figures.timeout > 0 ? `${figures.timeout} timed out` : null, figures.canceled > 0 ? `${figures.canceled} canceled` : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The figures people read first; a non-zero failure or stall count is coloured, never only coloured. */
export function BoardTiles({ figures }: { figures: KioskFigures }) {
  return (
    <div role="group" aria-label="Upgrade summary">
      <dl className="grid grid-cols-8 gap-[0.6em]">
        <Tile label="In progress" value={figures.inProgress} />
        <Tile label="OK" value={figures.ok} hint="not yet verified" accent={figures.ok > 0 ? 'good' : 'plain'} />
        <Tile label="Verified" value={figures.verified} accent={figures.verified > 0 ? 'good' : 'plain'} />
        <Tile label="Failed" value={figures.failed} hint={failedHint(figures)} accent={figures.failed > 0 ? 'bad' : 'plain'} />
        <Tile label="Rejected" value={figures.rejected} accent={figures.rejected > 0 ? 'bad' : 'plain'} />
        <Tile label="Stalled" value={figures.stalled} accent={figures.stalled > 0 ? 'warn' : 'plain'} />
        <Tile label="Overall" value={figures.overallPercent === null ? '—' : `${Math.round(figures.overallPercent)}%`} hint={`${figures.total} task${figures.total === 1 ? '' : 's'}`} />
        <Tile label="ETA" value={figures.etaMs === null ? '—' : formatDuration(figures.etaMs)} hint="current steps" />
      </dl>
    </div>
  );
}
