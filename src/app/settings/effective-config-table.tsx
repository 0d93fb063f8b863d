import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CONFIG_KEYS, type ConfigKey, type ConfigSource, type RuntimeConfig } from '../config/config-schema';

function shown(t: TFunction<'app'>, key: ConfigKey, value: RuntimeConfig[ConfigKey]): string {
  if (value === undefined || value === '') return t('effective.notSet');
  // The password is never echoed, only whether there is one.
  if (key === 'password') return t('effective.passwordSet');
  if (typeof value === 'boolean') return value ? t('effective.yes') : t('effective.no');
  return String(value);
}

export function EffectiveConfigTable({ config, sources }: { config: RuntimeConfig; sources: Record<ConfigKey, ConfigSource> }) {
  const { t } = useTranslation('app');
  return (
    <table className="w-full max-w-3xl text-left text-sm">
      <caption className="mb-2 text-left text-lg font-semibold">{t('effective.caption')}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-4">
            {t('effective.setting')}
          </th>
          <th scope="col" className="py-1 pr-4">
            {t('effective.value')}
          </th>
          <th scope="col" className="py-1">
            {t('effective.source')}
          </th>
        </tr>
      </thead>
      <tbody>
        {CONFIG_KEYS.map((key) => (
          <tr key={key} className="border-b border-slate-200">
            <th scope="row" className="py-1 pr-4 font-medium">
              {t(`effective.key.${key}`)}
            </th>
            <td className="py-1 pr-4 font-mono break-all">{shown(t, key, config[key])}</td>
            <td className="py-1">{t(`effective.from.${sources[key]}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
