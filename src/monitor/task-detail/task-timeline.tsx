import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/copy-button';
import { useProtocolLabels, type ProtocolLabels } from '../../ui/i18n/protocol-labels';
import { useFormat } from '../../ui/i18n/use-format';
import type { TaskEvent } from '../../tasks/task-types';

/**
 * The JSON text as received, indented for reading. JSON.parse makes `__proto__` an own key, so
 * the display is exactly what was sent; text that is not JSON (a hand-edited store) shows as is.
 */
function rawText(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

function subLabel(event: TaskEvent, labels: ProtocolLabels): string {
  if (event.subStatus !== null) return labels.subStatus(event.subStatus);
  return event.subStatusRaw ? labels.subStatus(event.subStatusRaw) : '—';
}

/** Every progress event kept for the task, oldest first, with its JSON as received (text only) where still kept. */
export function TaskTimeline({ events }: { events: readonly TaskEvent[] }) {
  const { t } = useTranslation('monitor');
  const f = useFormat();
  const labels = useProtocolLabels();
  if (events.length === 0) return <p className="text-sm text-slate-500">{t('timeline.empty')}</p>;
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left font-semibold">{t('timeline.caption', { n: f.number(events.length) })}</caption>
      <thead className="text-left text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            {t('timeline.time')}
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            {t('timeline.status')}
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            {t('timeline.subStatus')}
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            {t('timeline.step')}
          </th>
          <th scope="col" className="py-1 pr-3 text-right font-medium">
            {t('timeline.percent')}
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            {t('timeline.result')}
          </th>
          <th scope="col" className="py-1 font-medium">
            {t('timeline.message')}
          </th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, i) => {
          const json = event.raw === undefined ? null : rawText(event.raw);
          return (
            <tr key={`${event.tid ?? ''}-${event.timestamp ?? event.receivedAt}-${i}`} className="border-t border-slate-100 align-top">
              <td
                className="py-1 pr-3 whitespace-nowrap tabular-nums"
                title={t('timeline.received', { time: f.dateTime(event.receivedAt) })}
              >
                {f.dateTime(event.timestamp ?? event.receivedAt)}
              </td>
              <td className="py-1 pr-3">{labels.status(event.status)}</td>
              <td className="py-1 pr-3">{subLabel(event, labels)}</td>
              <td className="py-1 pr-3">{event.step === null ? '—' : labels.step(event.step)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{f.percent(event.percent)}</td>
              <td className="py-1 pr-3">
                {event.result}
                {event.result !== 0 ? <span className="block text-xs text-red-800">{labels.resultCode(event.result)}</span> : null}
                {event.stepResult !== undefined && event.stepResult !== 0 ? (
                  <span className="block text-xs text-red-800">{t('timeline.stepFailed', { code: event.stepResult })}</span>
                ) : null}
              </td>
              <td className="py-1">
                {json === null ? (
                  <span className="text-slate-500">{t('timeline.rawNotKept')}</span>
                ) : (
                  <details>
                    <summary className="cursor-pointer text-blue-800">{t('timeline.rawJson')}</summary>
                    <pre className="mt-1 max-h-64 max-w-xl overflow-auto rounded bg-slate-100 p-2 text-xs">{json}</pre>
                    <CopyButton text={json} label={t('timeline.copyJson')} />
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
