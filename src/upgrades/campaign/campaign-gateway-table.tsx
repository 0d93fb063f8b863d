import { Link } from 'react-router';
import { Button } from '../../ui/button';
import { StatusBadge, type StatusKind } from '../../ui/status-badge';
import { TASK_STATE_KIND } from '../monitor/state-look';
import type { GatewayRow, GatewayRowState } from './campaign-rows';

function rowKind(state: GatewayRowState): StatusKind {
  if (state === 'not-sent' || state === 'retry-queued') return 'pending';
  if (state === 'skipped') return 'warning';
  return TASK_STATE_KIND[state];
}

export interface CampaignGatewayTableProps {
  rows: readonly GatewayRow[];
  /** null when retrying is not possible (aborted campaign, read-only). */
  onRetry: ((gateway: string) => void) | null;
}

/** One row per gateway: devices, state, attempts, result, and Retry for a failed one. */
export function CampaignGatewayTable({ rows, onRetry }: CampaignGatewayTableProps) {
  return (
    <table className="w-full border-collapse text-sm" aria-label="Gateways in this campaign">
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="py-1 pr-3">Gateway</th>
          <th scope="col" className="py-1 pr-3">Devices</th>
          <th scope="col" className="py-1 pr-3">State</th>
          <th scope="col" className="py-1 pr-3">Attempts</th>
          <th scope="col" className="py-1 pr-3">Result</th>
          <th scope="col" className="py-1">
            <span className="sr-only">Actions</span>
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
              <StatusBadge kind={rowKind(row.state)} label={row.label} />
              {row.subStatus === '' ? null : <span className="ml-2 text-slate-600">{row.subStatus}</span>}
            </td>
            <td className="py-1.5 pr-3 tabular-nums">{row.attempts}</td>
            <td className="py-1.5 pr-3 break-words">{row.resultText}</td>
            <td className="flex gap-2 py-1.5">
              {onRetry !== null && row.canRetry ? (
                <Button aria-label={`Retry ${row.gateway}`} onClick={() => onRetry(row.gateway)}>
                  Retry
                </Button>
              ) : null}
              {row.bid === null ? null : (
                <Link to={`/tasks/${encodeURIComponent(row.bid)}`} className="text-blue-800 underline" aria-label={`Task of ${row.gateway}`}>
                  Task
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
