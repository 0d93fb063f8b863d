import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import { useTaskStateLabel } from '../tasks/use-status-words';
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
      {/* The states' full words ("Successful Execution") wrap rather than being cut on a narrow tile. */}
      <dt className="text-[0.95em] leading-tight font-medium break-words text-neutral-300">{label}</dt>
      <dd className={`text-[2.4em] leading-tight font-bold tabular-nums ${ACCENT[accent]}`}>{value}</dd>
      {hint !== undefined ? <dd className="truncate text-[0.85em] text-neutral-400">{hint}</dd> : null}
    </div>
  );
}

/** The figures people read first; a non-zero failure or stall count is coloured, never only coloured. */
export function BoardTiles({ figures }: { figures: KioskFigures }) {
  const { t } = useTranslation('kiosk');
  const f = useFormat();
  // The states' own words, as the Monitor, campaigns and reports say them.
  const state = useTaskStateLabel();
  const failedParts = [
    figures.timeout > 0 ? t('tiles.timedOut', { n: f.number(figures.timeout) }) : null,
    figures.canceled > 0 ? t('tiles.canceled', { n: f.number(figures.canceled) }) : null,
  ].filter((part) => part !== null);
  // Only upgrades with a known target version can be verified: say of how many, and how many cannot.
  const verifiedParts = [
    figures.checkable > 0 ? t('tiles.verifiedOf', { count: figures.checkable, n: f.number(figures.checkable) }) : null,
    figures.uncheckable > 0 ? t('tiles.noTarget', { count: figures.uncheckable, n: f.number(figures.uncheckable) }) : null,
  ].filter((part) => part !== null);
  return (
    <div role="group" aria-label={t('tiles.label')}>
      <dl className="grid grid-cols-8 gap-[0.6em]">
        <Tile label={state('in_progress')} value={f.number(figures.inProgress)} />
        <Tile label={state('ok')} value={f.number(figures.ok)} hint={t('tiles.okHint')} accent={figures.ok > 0 ? 'good' : 'plain'} />
        <Tile
          label={state('verified')}
          value={figures.checkable > 0 ? f.number(figures.verified) : '—'}
          hint={verifiedParts.length > 0 ? verifiedParts.join(t('tiles.separator')) : undefined}
          accent={figures.verified > 0 ? 'good' : 'plain'}
        />
        <Tile
          label={state('failed')}
          value={f.number(figures.failed)}
          hint={failedParts.length > 0 ? failedParts.join(t('tiles.separator')) : undefined}
          accent={figures.failed > 0 ? 'bad' : 'plain'}
        />
        <Tile label={state('rejected')} value={f.number(figures.rejected)} accent={figures.rejected > 0 ? 'bad' : 'plain'} />
        <Tile label={state('stalled')} value={f.number(figures.stalled)} accent={figures.stalled > 0 ? 'warn' : 'plain'} />
        <Tile
          label={t('tiles.overall')}
          value={figures.overallPercent === null ? '—' : f.percent(Math.round(figures.overallPercent))}
          hint={t('tiles.tasks', { count: figures.total, n: f.number(figures.total) })}
        />
        <Tile label={t('tiles.eta')} value={figures.etaMs === null ? '—' : f.duration(figures.etaMs)} hint={t('tiles.etaHint')} />
      </dl>
    </div>
  );
}
