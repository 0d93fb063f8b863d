import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/i18n/use-format';
import type { KioskFailure } from './kiosk-view';
import { useTaskWords } from './use-task-words';

function NextStep({ text }: { text: string | null }) {
  return text === null ? null : <div className="line-clamp-2 text-[0.85em] text-neutral-200">{text}</div>;
}

/** The newest failures with the reason and the next step in words, so the room knows which dock needs someone and why. */
export function FailuresPanel({ failures, watchingSince }: { failures: readonly KioskFailure[]; watchingSince: number | null }) {
  const { t } = useTranslation('kiosk');
  const f = useFormat();
  const words = useTaskWords();
  return (
    <section aria-labelledby="kiosk-failures" className="flex min-h-0 w-[24em] shrink-0 flex-col gap-[0.5em] overflow-hidden">
      <h2 id="kiosk-failures" className="text-[1.3em] font-bold text-red-400">
        {t('failures.heading')}
      </h2>
      {failures.length === 0 ? (
        <p className="text-[1.05em] text-neutral-400">
          {watchingSince === null ? t('failures.none') : t('failures.noneSince', { time: f.hourMinute(watchingSince) })}
        </p>
      ) : (
        <ul aria-label={t('failures.list')} className="flex min-h-0 flex-col gap-[0.5em] overflow-hidden">
          {failures.map((failure) => (
            <li key={failure.bid} className="shrink-0 rounded-[0.3em] border-l-[0.3em] border-red-500 bg-red-950 px-[0.6em] py-[0.4em]">
              <div className="flex items-baseline justify-between gap-[0.5em]">
                <span className="truncate font-mono text-[1.1em] font-bold">{failure.devices.join(', ')}</span>
                <time className="shrink-0 text-[0.9em] text-neutral-300 tabular-nums">{f.hourMinute(failure.at)}</time>
              </div>
              <div className="text-[0.95em] font-semibold text-red-300">{words.failureLabel(failure.task, failure.state)}</div>
              <div className="line-clamp-2 text-[0.95em] text-red-100">{words.failureReason(failure.task, failure.state)}</div>
              <NextStep text={words.failureNextStep(failure.task, failure.state)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
