import { useCallback } from 'react';
import { Badge, type BadgeTone } from '../ui/badge';
import { livenessAt, type Liveness } from './fleet-selectors.ts';
import { formatAge } from './relative-age.ts';
import { useClockValue } from './use-clock.ts';

const LIVENESS: Record<Liveness, { label: string; tone: BadgeTone }> = {
  online: { label: 'Online', tone: 'success' },
  stale: { label: 'Stale', tone: 'warning' },
  unseen: { label: 'Not reported yet', tone: 'neutral' },
};

/** Online/stale in words (never by colour alone) and the age of the last message, kept current. */
export function LastSeen({ lastSeen, staleAfterMs }: { lastSeen: number | null; staleAfterMs: number }) {
  const liveness = useClockValue(useCallback((now: number) => livenessAt(lastSeen, now, staleAfterMs), [lastSeen, staleAfterMs]));
  const age = useClockValue(useCallback((now: number) => (lastSeen === null ? null : formatAge(now - lastSeen)), [lastSeen]));
  const { label, tone } = LIVENESS[liveness];
  return (
    <span className="flex flex-col items-start gap-0.5">
      <Badge tone={tone}>{label}</Badge>
      {age !== null && lastSeen !== null ? (
        <time dateTime={new Date(lastSeen).toISOString()} title={new Date(lastSeen).toLocaleString()} className="text-xs text-slate-600">
          last seen {age}
        </time>
      ) : null}
    </span>
  );
}
