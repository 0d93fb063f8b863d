import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import { SummaryTile } from '../ui/summary-tile';
import type { CampaignFigures, FigureBucket } from './campaign-figures';
import { useCampaignTexts } from './use-campaign-texts';

const TILES: readonly { bucket: FigureBucket; key: 'succeeded' | 'failed' | 'active' | 'notSent' | 'skipped'; always: boolean }[] = [
  { bucket: 'succeeded', key: 'succeeded', always: true },
  { bucket: 'failed', key: 'failed', always: true },
  { bucket: 'active', key: 'active', always: true },
  { bucket: 'not-sent', key: 'notSent', always: false },
  { bucket: 'skipped', key: 'skipped', always: false },
];

const COUNT_OF: Readonly<Record<FigureBucket, (f: CampaignFigures) => number>> = {
  succeeded: (f) => f.succeeded,
  failed: (f) => f.failed,
  active: (f) => f.active,
  'not-sent': (f) => f.notSent,
  skipped: (f) => f.skipped,
};

/**
 * The shared figures as summary tiles (place them inside a <SummaryTiles>): the campaign page and
 * the Monitor render this same component from the same summarizeFigures() result. Each tile says
 * which states it holds ("Rejected 1 · Timeout 1") unless that would repeat its own label.
 */
export function CampaignFigureTiles({ figures }: { figures: CampaignFigures }) {
  const { t } = useTranslation('campaigns');
  const f = useFormat();
  const texts = useCampaignTexts();
  return (
    <>
      {TILES.map(({ bucket, key, always }) => {
        const count = COUNT_OF[bucket](figures);
        if (!always && count === 0) return null;
        const label = t(`figures.${key}`);
        const states = figures.byState[bucket];
        const only = states.length === 1 ? states[0] : undefined;
        const hint =
          states.length === 0 || (only !== undefined && texts.rowState(only.state) === label)
            ? undefined
            : states
                .map((s) => t('figures.stateCount', { state: texts.rowState(s.state), n: f.number(s.count) }))
                .join(t('figures.separator'));
        return <SummaryTile key={bucket} label={label} value={f.number(count)} hint={hint} />;
      })}
      <SummaryTile
        label={t('figures.overall')}
        value={figures.percent === null ? '—' : f.percent(Math.round(figures.percent))}
        hint={figures.failed + figures.skipped > 0 ? t('figures.overallHint') : undefined}
      />
    </>
  );
}

/** The same figures in one line ("Succeeded 2 · Failed 1 · Active 3 · Not sent yet 4"), for the Monitor's campaign bar. */
export function CampaignFigureLine({ figures, className }: { figures: CampaignFigures; className?: string }) {
  const { t } = useTranslation('campaigns');
  const f = useFormat();
  const parts = TILES.flatMap(({ bucket, key, always }) => {
    const count = COUNT_OF[bucket](figures);
    return !always && count === 0 ? [] : [t('figures.stateCount', { state: t(`figures.${key}`), n: f.number(count) })];
  });
  return <span className={className}>{parts.join(t('figures.separator'))}</span>;
}
