import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../ui/badge';
import { useFormat } from '../ui/i18n/use-format';
import { livenessAt, type Liveness } from './fleet-selectors.ts';
import { useClockValue } from '../ui/clock.ts';
import { useStaleMarks } from '../ui/stale-data.tsx';

const TONE: Record<Liveness, BadgeTone> = { online: 'success', stale: 'warning', unseen: 'neutral' };

/** Online/stale in words (never by colour alone) and the age of the last message, kept current. */
export function LastSeen({ lastSeen, staleAfterMs }: { lastSeen: number | null; staleAfterMs: number }) {
  const { t } = useTranslation('fleet');
  const f = useFormat();
  const liveness = useClockValue(useCallback((now: number) => livenessAt(lastSeen, now, staleAfterMs), [lastSeen, staleAfterMs]));
  const age = useClockValue(useCallback((now: number) => (lastSeen === null ? null : f.relativeAge(now - lastSeen)), [lastSeen, f]));
  // "Online" is as of the last message: while the connection is down it is dimmed and says why.
  const { className: staleClass, ...staleMarks } = useStaleMarks();
  return (
    <span {...staleMarks} className={`flex flex-col items-start gap-0.5 ${staleClass}`}>
      <Badge tone={TONE[liveness]}>{t(`liveness.${liveness}`)}</Badge>
      {age !== null && lastSeen !== null ? (
        <time dateTime={new Date(lastSeen).toISOString()} title={f.dateTime(lastSeen)} className="text-xs text-slate-600">
          {t('liveness.lastSeen', { age })}
        </time>
      ) : null}
    </span>
  );
}
