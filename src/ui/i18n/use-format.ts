import { useMemo } from 'react';
import * as f from './format.ts';
import type { Language } from './languages.ts';
import { useLanguage } from './use-language.ts';

export type Formatters = ReturnType<typeof formattersFor>;

/** Every formatter of format.ts bound to one language. */
export function formattersFor(lang: Language) {
  return {
    number: (value: number, options?: Intl.NumberFormatOptions) => f.formatNumber(value, lang, options),
    percent: (percent: number) => f.formatPercent(percent, lang),
    bytes: (bytes: number) => f.formatBytes(bytes, lang),
    bytesWithExact: (bytes: number) => f.formatBytesWithExact(bytes, lang),
    speed: (bytesPerSecond: number) => f.formatSpeed(bytesPerSecond, lang),
    rate: (perSecond: number) => f.formatRate(perSecond, lang),
    duration: (ms: number) => f.formatDuration(ms, lang),
    durationAgo: (ms: number) => f.formatDurationAgo(ms, lang),
    relativeAge: (ms: number) => f.formatRelativeAge(ms, lang),
    list: (items: readonly string[], kind: f.ListKind) => f.formatList(items, kind, lang),
    dateTime: (at: number) => f.formatDateTime(at, lang),
    date: (value: string | null) => f.formatDate(value, lang),
    clock: (at: number) => f.formatClock(at),
    hourMinute: (at: number) => f.formatHourMinute(at),
  };
}

/** Formatters in the active language; the component re-renders (and reformats) on a language switch. */
export function useFormat(): Formatters {
  const lang = useLanguage();
  return useMemo(() => formattersFor(lang), [lang]);
}
