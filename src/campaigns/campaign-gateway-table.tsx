import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../ui/button';
import { useFormat } from '../ui/i18n/use-format';
import { StatusBadge, type StatusKind } from '../ui/status-badge';
import { TASK_STATE_KIND } from '../tasks/state-look';
import type { GatewayRow, GatewayRowState } from './campaign-rows';
import { useCampaignTexts } from './use-campaign-texts';

function rowKind(state: GatewayRowState): StatusKind {
  if (state === 'not-sent' || state === 'retry-queued') return 'pending';
  if (state === 'skipped') return 'warning';
  return TASK_STATE_KIND[state];
}

export interface CampaignGatewayTableProps {
  rows: readonly GatewayRow[];
  /** null when retrying is not possible (an aborted campaign). */
  onRetry: ((gateway: string) => void) | null;
  /** This console may not change the campaign: Retry is disabled, described by the element with this id (the reason). */
  retryBlockedBy?: string;
}

/** One row per gateway: devices, state, attempts, result, and Retry for a failed one. */
export function CampaignGatewayTable({ rows, onRetry, retryBlockedBy }: CampaignGatewayTableProps) {
  const { t } = useTranslation('campaigns');
  const texts = useCampaignTexts();
  const f = useFormat();
  return (
    <table className="w-full border-collapse text-sm" aria-label={t('table.label')}>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="py-1 pr-3">
            {t('table.gateway')}
          </th>
          <th scope="col" className="py-1 pr-3">
            {t('table.devices')}
          </th>
          <th scope="col" className="py-1 pr-3">
            {t('table.state')}
          </th>
          <th scope="col" className="py-1 pr-3">
            {t('table.attempts')}
          </th>
          <th scope="col" className="py-1 pr-3">
            {t('table.result')}
          </th>
          <th scope="col" className="py-1">
            <span className="sr-only">{t('table.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.gateway} className="border-b border-slate-200 align-top" data-gateway={row.gateway}>
            <th scope="row" className="py-1.5 pr-3 font-mono font-normal">
              {row.gateway}
            </th>
            <td className="py-1.5 pr-3 font-mono">{row.deviceSns.join(', ')}</td>
            <td className="py-1.5 pr-3">
              <StatusBadge kind={rowKind(row.state)} label={texts.rowState(row.state)} />
              {row.subStatus === null ? null : <span className="ml-2 text-slate-600">{texts.subStatus(row.subStatus)}</span>}
            </td>
            <td className="py-1.5 pr-3 tabular-nums">{f.number(row.attempts)}</td>
            <td className="py-1.5 pr-3 break-words">{texts.result(row.result)}</td>
            <td className="flex gap-2 py-1.5">
              {onRetry !== null && row.canRetry ? (
                <Button
                  aria-label={t('table.retryLabel', { gateway: row.gateway })}
                  onClick={() => onRetry(row.gateway)}
                  {...(retryBlockedBy === undefined ? {} : { disabled: true, 'aria-describedby': retryBlockedBy })}
                >
                  {t('table.retry')}
                </Button>
              ) : null}
              {row.bid === null ? null : (
                <Link
                  to={`/tasks/${encodeURIComponent(row.bid)}`}
                  className="text-blue-800 underline"
                  aria-label={t('table.taskLabel', { gateway: row.gateway })}
                >
                  {t('table.task')}
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
