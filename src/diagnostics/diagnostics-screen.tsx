import { useStore } from 'zustand';
import { diagnosticsStore as pageDiagnostics, type DiagnosticsStore } from '../broker/diagnostics-store';
import { Button } from '../ui/button';
import { SummaryTile, SummaryTiles } from '../ui/summary-tile';
import { FamilyRates } from './family-rates';
import { InvalidLog } from './invalid-log';
import { KindCounts } from './kind-counts';
import { useDiagnosticsClock } from './use-diagnostics-clock';

export interface DiagnosticsScreenProps {
  /** The page's store unless a test passes its own. */
  store?: DiagnosticsStore;
}

export default function DiagnosticsScreen({ store = pageDiagnostics }: DiagnosticsScreenProps) {
  useDiagnosticsClock(store);
  const total = useStore(store, (s) => s.total);
  const invalidTotal = useStore(store, (s) => s.invalidTotal);
  const ignoredTotal = useStore(store, (s) => s.ignoredTotal);
  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-6 p-6">
      <div className="flex flex-wrap items-center gap-4">
        <h1 id="screen-title" className="text-xl font-semibold">
          Diagnostics
        </h1>
        <Button className="ml-auto" onClick={() => store.getState().reset()}>
          Reset
        </Button>
      </div>
      <SummaryTiles label="Message totals">
        <SummaryTile label="Messages received" value={total} />
        <SummaryTile label="Invalid" value={invalidTotal} />
        <SummaryTile label="Ignored" value={ignoredTotal} />
      </SummaryTiles>
      <div className="flex flex-wrap gap-10">
        <KindCounts store={store} />
        <FamilyRates store={store} />
      </div>
      <InvalidLog store={store} />
    </section>
  );
}
