import { useStore } from 'zustand';
import type { DiagnosticsStore } from '../broker/diagnostics-store';
import type { DecodedKind } from '../protocol/messages';

const KIND_LABEL: Readonly<Record<DecodedKind, string>> = {
  ota_progress: 'Upgrade progress (ota_progress)',
  ota_create: 'Upgrade commands (ota_create)',
  ota_create_reply: 'Command replies (services_reply)',
  update_topo: 'Topology (update_topo)',
  state: 'Device state',
  osd: 'Telemetry (osd)',
  ignored: 'Ignored (well-formed, not ours to act on)',
  invalid: 'Invalid',
};

const KINDS = Object.keys(KIND_LABEL) as DecodedKind[];

export function KindCounts({ store }: { store: DiagnosticsStore }) {
  const counts = useStore(store, (s) => s.countsByKind);
  const total = useStore(store, (s) => s.total);
  return (
    <table className="text-sm">
      <caption className="mb-1 text-left font-semibold">Messages by kind</caption>
      <thead>
        <tr className="text-left text-slate-500">
          <th scope="col" className="pr-6 font-medium">Kind</th>
          <th scope="col" className="text-right font-medium">Count</th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map((kind) => (
          <tr key={kind}>
            <th scope="row" className="pr-6 text-left font-normal">{KIND_LABEL[kind]}</th>
            <td className="text-right tabular-nums">{counts[kind]}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-200">
          <th scope="row" className="pr-6 text-left">All messages</th>
          <td className="text-right font-semibold tabular-nums">{total}</td>
        </tr>
      </tfoot>
    </table>
  );
}
