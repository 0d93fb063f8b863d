import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DiagnosticsStore } from '../broker/diagnostics-store';
import type { DecodedKind } from '../protocol/messages';
import { useFormat } from '../ui/i18n/use-format';

// Every kind, in the order shown: a new DecodedKind fails here until it has a place (and a label in locales/).
const KIND_ORDER = {
  ota_progress: 0,
  ota_create: 1,
  ota_create_reply: 2,
  update_topo: 3,
  state: 4,
  osd: 5,
  ignored: 6,
  campaign_record: 7,
  invalid: 8,
} satisfies Record<DecodedKind, number>;
const KINDS = Object.keys(KIND_ORDER) as DecodedKind[];

export function KindCounts({ store }: { store: DiagnosticsStore }) {
  const { t } = useTranslation('diagnostics');
  const f = useFormat();
  const counts = useStore(store, (s) => s.countsByKind);
  const total = useStore(store, (s) => s.total);
  return (
    <table className="text-sm">
      <caption className="mb-1 text-left font-semibold">{t('kinds.caption')}</caption>
      <thead>
        <tr className="text-left text-slate-500">
          <th scope="col" className="pr-6 font-medium">
            {t('kinds.kind')}
          </th>
          <th scope="col" className="text-right font-medium">
            {t('kinds.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map((kind) => (
          <tr key={kind}>
            <th scope="row" className="pr-6 text-left font-normal">
              {t(`kinds.${kind}`)}
            </th>
            <td className="text-right tabular-nums">{f.number(counts[kind])}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-200">
          <th scope="row" className="pr-6 text-left">
            {t('kinds.all')}
          </th>
          <td className="text-right font-semibold tabular-nums">{f.number(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
