import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import { SummaryTile, SummaryTiles } from '../ui/summary-tile';
import type { CampaignFigures } from '../campaigns/campaign-figures';
import { CampaignFigureTiles } from '../campaigns/campaign-figure-tiles';

export interface MonitorSummaryProps {
  /** The figures of what the table shows (its latest attempts), from summarizeFigures. */
  figures: CampaignFigures;
  /** Tasks the table lists only as earlier attempts. */
  earlier: number;
  /** A campaign is chosen: the total counts its gateways, as on the campaign page. */
  perGateway: boolean;
}

/** The tiles count what the table shows, with the campaign page's figures (campaign-figure-tiles.tsx). */
export function MonitorSummary({ figures, earlier, perGateway }: MonitorSummaryProps) {
  const { t } = useTranslation('monitor');
  const f = useFormat();
  return (
    <SummaryTiles label={t('summary.label')}>
      <SummaryTile label={t(perGateway ? 'summary.gateways' : 'summary.tasks')} value={f.number(figures.total)} />
      <CampaignFigureTiles figures={figures} />
      {earlier > 0 ? <SummaryTile label={t('summary.earlier')} value={f.number(earlier)} hint={t('summary.earlierHint')} /> : null}
    </SummaryTiles>
  );
}
