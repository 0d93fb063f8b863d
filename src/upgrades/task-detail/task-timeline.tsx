import { stepLabel, statusLabel, subStatusLabel } from '../../protocol/labels';
import { resultCodeText } from '../../protocol/result-codes';
import { CopyButton } from '../../ui/copy-button';
import { formatDateTime } from '../../ui/format-time';
import type { TaskEvent } from '../task-types';

function rawText(raw: unknown): string {
  try {
    return JSON.stringify(raw, null, 2) ?? String(raw);
  } catch {
    return String(raw);
  }
}

function subLabel(event: TaskEvent): string {
  if (event.subStatus !== null) return subStatusLabel(event.subStatus);
  return event.subStatusRaw ? subStatusLabel(event.subStatusRaw) : '—';
}

/** Every progress event kept for the task, oldest first, with its JSON as received (text only) where still kept. */
export function TaskTimeline({ events }: { events: readonly TaskEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">No progress event yet.</p>;
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left font-semibold">Timeline ({events.length} events)</caption>
      <thead className="text-left text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">Time</th>
          <th scope="col" className="py-1 pr-3 font-medium">Status</th>
          <th scope="col" className="py-1 pr-3 font-medium">Sub-status</th>
          <th scope="col" className="py-1 pr-3 font-medium">Step</th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">Percent</th>
          <th scope="col" className="py-1 pr-3 font-medium">Result</th>
          <th scope="col" className="py-1 font-medium">Message</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, i) => {
          const json = event.raw === undefined ? null : rawText(event.raw);
          return (
            <tr key={`${event.tid ?? ''}-${event.timestamp ?? event.receivedAt}-${i}`} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3 whitespace-nowrap tabular-nums" title={`received ${formatDateTime(event.receivedAt)}`}>
                {formatDateTime(event.timestamp ?? event.receivedAt)}
              </td>
              <td className="py-1 pr-3">{statusLabel(event.status)}</td>
              <td className="py-1 pr-3">{subLabel(event)}</td>
              <td className="py-1 pr-3">{event.step === null ? '—' : stepLabel(event.step)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{event.percent}%</td>
              <td className="py-1 pr-3">
                {event.result}
                {event.result !== 0 ? <span className="block text-xs text-red-800">{resultCodeText(event.result)}</span> : null}
              </td>
              <td className="py-1">
                {json === null ? (
                  <span className="text-slate-500">Raw message not kept</span>
                ) : (
                  <details>
                    <summary className="cursor-pointer text-blue-800">Raw JSON</summary>
                    <pre className="mt-1 max-h-64 max-w-xl overflow-auto rounded bg-slate-100 p-2 text-xs">{json}</pre>
                    <CopyButton text={json} label="Copy JSON" />
                  </details>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
