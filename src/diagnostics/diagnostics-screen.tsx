import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DiagnosticsStore } from '../broker/diagnostics-store';
import { Button } from '../ui/button';
import { useFormat } from '../ui/i18n/use-format';
import { SummaryTile, SummaryTiles } from '../ui/summary-tile';
import { FamilyRates } from './family-rates';
import { InvalidLog } from './invalid-log';
import { KindCounts } from './kind-counts';
import { useDiagnosticsClock } from './use-diagnostics-clock';

export interface DiagnosticsScreenProps {
  /** The page's diagnostics (the app passes them in; a test its own). */
  store: DiagnosticsStore;
}

export default function DiagnosticsScreen({ store }: DiagnosticsScreenProps) {
  const { t } = useTranslation('diagnostics');
  const f = useFormat();
  useDiagnosticsClock(store);
  const total = useStore(store, (s) => s.total);
  const invalidTotal = useStore(store, (s) => s.invalidTotal);
  const ignoredTotal = useStore(store, (s) => s.ignoredTotal);
  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-6 p-6">
      <div className="flex flex-wrap items-center gap-4">
        <h1 id="screen-title" className="text-xl font-semibold">
          {t('title')}
        </h1>
        <Button className="ml-auto" onClick={() => store.getState().reset()}>
          {t('reset')}
        </Button>
      </div>
      <SummaryTiles label={t('totals.label')}>
        <SummaryTile label={t('totals.received')} value={f.number(total)} />
        <SummaryTile label={t('totals.invalid')} value={f.number(invalidTotal)} />
        <SummaryTile label={t('totals.ignored')} value={f.number(ignoredTotal)} />
      </SummaryTiles>
      <div className="flex flex-wrap gap-10">
        <KindCounts store={store} />
        <FamilyRates store={store} />
      </div>
      <InvalidLog store={store} />
    </section>
  );
}
