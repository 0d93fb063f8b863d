import { useTranslation } from 'react-i18next';
import { productName } from '../../protocol/models';
import type { TaskDevice, UpgradeTask } from '../../tasks/task-types';

const VERIFICATION_KEY = {
  pending: 'devices.pending',
  verified: 'devices.verified',
  'version-mismatch': 'devices.mismatch',
} as const satisfies Record<Exclude<TaskDevice['verification'], null>, string>;

export function TaskDevices({ task }: { task: UpgradeTask }) {
  const { t } = useTranslation('monitor');
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left font-semibold">{t('devices.caption')}</caption>
      <thead className="text-left text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-4 font-medium">
            {t('devices.sn')}
          </th>
          <th scope="col" className="py-1 pr-4 font-medium">
            {t('devices.model')}
          </th>
          <th scope="col" className="py-1 pr-4 font-medium">
            {t('devices.from')}
          </th>
          <th scope="col" className="py-1 pr-4 font-medium">
            {t('devices.target')}
          </th>
          <th scope="col" className="py-1 pr-4 font-medium">
            {t('devices.file')}
          </th>
          <th scope="col" className="py-1 pr-4 font-medium">
            {t('devices.reported')}
          </th>
          <th scope="col" className="py-1 font-medium">
            {t('devices.verification')}
          </th>
        </tr>
      </thead>
      <tbody>
        {task.devices.map((d) => (
          <tr key={d.sn} className="border-t border-slate-100">
            <th scope="row" className="py-1 pr-4 text-left font-mono font-medium">
              {d.sn}
            </th>
            <td className="py-1 pr-4">{d.modelKey ? (productName(d.modelKey) ?? d.modelKey) : '—'}</td>
            <td className="py-1 pr-4 font-mono">{d.fromVersion ?? '—'}</td>
            <td className="py-1 pr-4 font-mono">{d.targetVersion ?? '—'}</td>
            <td className="py-1 pr-4 break-all">{d.fileName ?? '—'}</td>
            <td className="py-1 pr-4 font-mono">{d.reportedVersion ?? '—'}</td>
            <td className="py-1">{d.verification === null ? '—' : t(VERIFICATION_KEY[d.verification])}</td>
          </tr>
        ))}
      </tbody>
      {task.devicesInferred ? (
        <tfoot>
          <tr>
            <td colSpan={7} className="pt-1 text-xs text-slate-500">
              {t('devices.inferred')}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
