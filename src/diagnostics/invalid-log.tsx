import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { INVALID_RING_SIZE, type DiagnosticsStore } from '../broker/diagnostics-store';
import { useFormat } from '../ui/i18n/use-format';

/** The last invalid messages, newest first. Reasons (the decoder's, in English) and topics are device data: rendered as text only. */
export function InvalidLog({ store }: { store: DiagnosticsStore }) {
  const { t } = useTranslation('diagnostics');
  const f = useFormat();
  const recent = useStore(store, (s) => s.recentInvalid);
  const rows = recent.map((record, i) => ({ record, key: i })).reverse();
  return (
    <div className="flex flex-col gap-1">
      <h2 className="font-semibold">{t('invalid.heading')}</h2>
      <p className="text-xs text-slate-500">{t('invalid.kept', { n: f.number(INVALID_RING_SIZE) })}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t('invalid.none')}</p>
      ) : (
        <div className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t('invalid.heading')}</caption>
            <thead className="sticky top-0 bg-slate-50 text-left text-slate-500">
              <tr>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('invalid.time')}
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('invalid.topic')}
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  {t('invalid.reason')}
                </th>
                <th scope="col" className="px-2 py-1 text-right font-medium">
                  {t('invalid.size')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ record, key }) => (
                <tr key={key} className="border-t border-slate-100 align-top">
                  <td className="px-2 py-1 whitespace-nowrap tabular-nums">{f.clock(record.at)}</td>
                  <td className="px-2 py-1 font-mono break-all">{record.topic}</td>
                  <td className="px-2 py-1 break-words">{record.reason}</td>
                  <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">{f.bytes(record.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
