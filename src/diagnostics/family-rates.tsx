import { useStore } from 'zustand';
import { RATE_WINDOW_SECONDS, type DiagnosticsStore, type RateFamily } from '../broker/diagnostics-store';
import { TOPIC_FAMILIES } from '../protocol/topics';
import { formatRate } from './format';

const FAMILIES: readonly RateFamily[] = [...TOPIC_FAMILIES, 'unknown'];

export function FamilyRates({ store }: { store: DiagnosticsStore }) {
  const rates = useStore(store, (s) => s.ratePerFamily);
  return (
    <table className="text-sm">
      <caption className="mb-1 text-left font-semibold">Messages per second (last {RATE_WINDOW_SECONDS} s)</caption>
      <thead>
        <tr className="text-left text-slate-500">
          <th scope="col" className="pr-6 font-medium">Topic family</th>
          <th scope="col" className="text-right font-medium">msg/s</th>
        </tr>
      </thead>
      <tbody>
        {FAMILIES.map((family) => (
          <tr key={family}>
            <th scope="row" className="pr-6 text-left font-mono font-normal">{family === 'unknown' ? 'other topics' : family}</th>
            <td className="text-right tabular-nums">{formatRate(rates[family])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
