import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { productName } from '../protocol/models';
import { StatusBadge, type StatusKind } from '../ui/status-badge';
import { TASK_STATE_KIND } from '../tasks/state-look';
import type { FigureState } from '../campaigns/campaign-figures';
import { useCampaignTexts } from '../campaigns/use-campaign-texts';
import type { PlanRowRef } from './device-rows';

function planKind(state: FigureState): StatusKind {
  if (state === 'not-sent' || state === 'retry-queued') return 'pending';
  if (state === 'skipped') return 'warning';
  return TASK_STATE_KIND[state];
}

/**
 * A device of a campaign gateway that has no task to show yet (not sent, retry queued, skipped):
 * what the plan says it gets, and the campaign's word for where it stands. No progress bar: the
 * device reports nothing until its ota_create goes out.
 */
function PlanRowView({ row }: { row: PlanRowRef }) {
  const { t } = useTranslation('monitor');
  const texts = useCampaignTexts();
  const model = row.modelKey === undefined ? null : (productName(row.modelKey) ?? row.modelKey);
  const reason = row.skippedReason === null ? null : texts.skipReason(row.skippedReason);
  return (
    <>
      <div className="min-w-0">
        <span className="font-mono font-medium">{row.sn}</span>
        <div className="truncate text-xs text-slate-500">{model ?? '—'}</div>
      </div>
      <div className="min-w-0">
        <div className="truncate font-mono text-sm">{row.gateway}</div>
      </div>
      <div className="min-w-0 text-sm">
        <span className="font-mono">{row.fromVersion ?? '?'}</span>
        <span role="img" aria-label={t('row.versionTo')}>
          {' '}
          →{' '}
        </span>
        <span className="font-mono">{row.targetVersion ?? '?'}</span>
      </div>
      <div className="min-w-0 text-xs text-slate-600">{t('row.notSent')}</div>
      <div className="flex min-w-0 flex-col gap-0.5 text-sm">
        <span>
          <StatusBadge kind={planKind(row.state)} label={texts.rowState(row.state)} />
        </span>
        {reason !== null ? (
          <span className="truncate text-xs text-slate-700" title={reason}>
            {reason}
          </span>
        ) : null}
      </div>
      <div />
    </>
  );
}

export const PlanRow = memo(PlanRowView);
