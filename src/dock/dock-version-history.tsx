import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import type { VersionChange } from './dock-upgrades.ts';

const cell = 'px-2 py-1.5 align-top';

/** The versions the gateway's devices were upgraded to, newest first, and whether they reported it afterwards. */
export function DockVersionHistory({ sn, changes }: { sn: string; changes: readonly VersionChange[] }) {
  const { t } = useTranslation('dock');
  const f = useFormat();
  if (changes.length === 0) return <p className="text-sm text-slate-600">{t('versions.none')}</p>;
  const check = (change: VersionChange) => {
    switch (change.verification) {
      case 'verified':
        return t('versions.verified');
      case 'version-mismatch':
        return t('versions.mismatch');
      case 'pending':
        return t('versions.pending');
      default:
        return t('versions.notChecked');
    }
  };
  return (
    <table aria-label={t('versions.label', { sn })} className="w-full text-sm">
      <thead>
        <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
          {(['at', 'device', 'from', 'to', 'check'] as const).map((key) => (
            <th key={key} scope="col" className={`${cell} font-medium`}>
              {t(`versions.${key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={`${change.bid}:${change.deviceSn}`} className="border-b border-slate-100">
            <td className={`${cell} whitespace-nowrap`}>{f.dateTime(change.at)}</td>
            <td className={`${cell} font-mono`}>{change.deviceSn}</td>
            <td className={`${cell} font-mono`}>{change.from ?? t('versions.unknown')}</td>
            <td className={`${cell} font-mono`}>{change.to}</td>
            <td className={cell}>{check(change)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
