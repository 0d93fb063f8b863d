import { useStore } from 'zustand';
import { INVALID_RING_SIZE, type DiagnosticsStore } from '../broker/diagnostics-store';
import { formatClock } from '../ui/format-time';
import { formatBytes } from './format';

/** The last invalid messages, newest first. Reasons and topics are device data: rendered as text only. */
export function InvalidLog({ store }: { store: DiagnosticsStore }) {
  const recent = useStore(store, (s) => s.recentInvalid);
  const rows = recent.map((record, i) => ({ record, key: i })).reverse();
  return (
    <div className="flex flex-col gap-1">
      <h2 className="font-semibold">Last invalid messages</h2>
      <p className="text-xs text-slate-500">The newest {INVALID_RING_SIZE} are kept; older ones are only counted.</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No invalid messages.</p>
      ) : (
        <div className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Last invalid messages</caption>
            <thead className="sticky top-0 bg-slate-50 text-left text-slate-500">
              <tr>
                <th scope="col" className="px-2 py-1 font-medium">Time</th>
                <th scope="col" className="px-2 py-1 font-medium">Topic</th>
                <th scope="col" className="px-2 py-1 font-medium">Reason</th>
                <th scope="col" className="px-2 py-1 text-right font-medium">Size</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ record, key }) => (
                <tr key={key} className="border-t border-slate-100 align-top">
                  <td className="px-2 py-1 whitespace-nowrap tabular-nums">{formatClock(record.at)}</td>
                  <td className="px-2 py-1 font-mono break-all">{record.topic}</td>
                  <td className="px-2 py-1 break-words">{record.reason}</td>
                  <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums">{formatBytes(record.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
