import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCampaigns } from '../campaigns/campaign-hooks.ts';
import { useCampaignTexts } from '../campaigns/use-campaign-texts.ts';
import { StatusBadge } from '../ui/status-badge';
import { useFormat } from '../ui/i18n/use-format';
import { TASK_STATE_KIND } from '../tasks/state-look.ts';
import { useStatusWords, useTaskStateLabel } from '../tasks/use-status-words.ts';
import type { DockUpgrade } from './dock-upgrades.ts';

const cell = 'px-2 py-1.5 align-top';
export const taskPath = (bid: string) => `/tasks/${encodeURIComponent(bid)}`;
const campaignPath = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

/** Every upgrade the gateway had, newest first: devices and versions, result, duration, campaign, task. */
export function DockUpgradeTable({ sn, upgrades }: { sn: string; upgrades: readonly DockUpgrade[] }) {
  const { t } = useTranslation('dock');
  const f = useFormat();
  const stateLabel = useTaskStateLabel();
  const words = useStatusWords();
  const campaigns = useCampaigns();
  const texts = useCampaignTexts();
  return (
    <table aria-label={t('upgrades.label', { sn })} className="w-full text-sm">
      <thead>
        <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
          {(['started', 'devices', 'result', 'duration', 'source', 'task'] as const).map((key) => (
            <th key={key} scope="col" className={`${cell} font-medium`}>
              {t(`upgrades.${key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {upgrades.map(({ task, state, startedAt, durationMs, resultCode }) => {
          const campaign = task.campaignId === undefined ? undefined : campaigns.find((c) => c.id === task.campaignId);
          return (
            <tr key={task.bid} className="border-b border-slate-100">
              <td className={`${cell} whitespace-nowrap`}>
                <time dateTime={new Date(startedAt).toISOString()}>{f.dateTime(startedAt)}</time>
              </td>
              <td className={cell}>
                <ul>
                  {task.devices.map((device) => (
                    <li key={device.sn} className="font-mono text-xs">
                      {t('upgrades.version', {
                        sn: device.sn,
                        from: device.fromVersion ?? t('upgrades.unknownVersion'),
                        to: device.targetVersion ?? t('upgrades.unknownVersion'),
                      })}
                    </li>
                  ))}
                </ul>
              </td>
              <td className={cell}>
                <StatusBadge kind={TASK_STATE_KIND[state]} label={task.supersededBy !== undefined ? words.superseded : stateLabel(state)} />
                {resultCode !== null && resultCode !== 0 ? (
                  <div className="text-xs text-slate-700">{words.resultCodeLine(resultCode)}</div>
                ) : null}
              </td>
              <td className={`${cell} tabular-nums`}>{durationMs === null ? t('upgrades.running') : f.duration(durationMs)}</td>
              <td className={cell}>
                {task.campaignId !== undefined ? (
                  <Link to={campaignPath(task.campaignId)} className="text-blue-800 underline">
                    {campaign === undefined ? task.campaignId.slice(0, 8) : texts.name(campaign)}
                  </Link>
                ) : task.origin === 'elsewhere' ? (
                  t('upgrades.elsewhere')
                ) : (
                  t('upgrades.single')
                )}
                {task.attempt > 1 ? (
                  <div className="text-xs text-slate-600">{t('upgrades.attempt', { n: f.number(task.attempt) })}</div>
                ) : null}
              </td>
              <td className={cell}>
                <Link to={taskPath(task.bid)} aria-label={t('upgrades.details', { bid: task.bid })} className="text-blue-800 underline">
                  {t('upgrades.detailsShort')}
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
