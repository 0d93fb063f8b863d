import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { RATE_WINDOW_SECONDS, type DiagnosticsStore, type RateFamily } from '../broker/diagnostics-store';
import { TOPIC_FAMILIES } from '../protocol/topics';
import { useFormat } from '../ui/i18n/use-format';

const FAMILIES: readonly RateFamily[] = [...TOPIC_FAMILIES, 'unknown'];

export function FamilyRates({ store }: { store: DiagnosticsStore }) {
  const { t } = useTranslation('diagnostics');
  const f = useFormat();
  const rates = useStore(store, (s) => s.ratePerFamily);
  return (
    <table className="text-sm">
      <caption className="mb-1 text-left font-semibold">{t('rates.caption', { seconds: RATE_WINDOW_SECONDS })}</caption>
      <thead>
        <tr className="text-left text-slate-500">
          <th scope="col" className="pr-6 font-medium">
            {t('rates.family')}
          </th>
          <th scope="col" className="text-right font-medium">
            {t('rates.perSecond')}
          </th>
        </tr>
      </thead>
      <tbody>
        {FAMILIES.map((family) => (
          <tr key={family}>
            <th scope="row" className="pr-6 text-left font-mono font-normal">
              {family === 'unknown' ? t('rates.other') : family}
            </th>
            <td className="text-right tabular-nums">{f.rate(rates[family])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
