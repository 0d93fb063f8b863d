import { activeLanguage } from './active-language.ts';
import { i18n } from './i18n.ts';
import type { Language } from './languages.ts';

/*
 * Every number, size, speed, duration and time the console shows goes through here, so each screen
 * formats per locale: figures, speeds and lists by Intl, the words Intl has no form for (sizes'
 * byte counts, durations and ages in the console's short units) from the 'common' namespace. `lang` defaults to the active
 * language; components re-render on a switch through useFormat().
 */

/** The 'common' words of `lang` (English for a key it lacks). */
function words(lang: Language) {
  return i18n.getFixedT(lang, 'common');
}

/** One formatter per language and options: building an Intl formatter costs far more than using it. */
function cached<T>(cache: Map<string, T>, lang: Language, options: object, make: () => T): T {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(numberFormats, lang, options, () => new Intl.NumberFormat(lang, options));
}

/** Grouped digits: "603,696,942". */
export function formatNumber(value: number, lang: Language = activeLanguage(), options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(lang, options).format(value);
}

/** `digits` decimals, never grouped: for a figure followed by a unit ("575.7 MiB"). */
function fixed(value: number, digits: number, lang: Language): string {
  return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
}

/** A percent as the device reports it (0–100): "45%". */
export function formatPercent(percent: number, lang: Language = activeLanguage()): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

const KIB = 1024;
const MIB = KIB * KIB;
const GIB = KIB * MIB;

/** A short size: "12 B", "1.5 KiB", "2.0 MiB". */
export function formatBytes(bytes: number, lang: Language = activeLanguage()): string {
  if (bytes < KIB) return `${fixed(bytes, 0, lang)} B`;
  if (bytes < MIB) return `${fixed(bytes / KIB, 1, lang)} KiB`;
  if (bytes < GIB) return `${fixed(bytes / MIB, 1, lang)} MiB`;
  return `${fixed(bytes / GIB, 1, lang)} GiB`;
}

/** "575.7 MiB (603,696,942 bytes)": the rounded size to read, the exact one to compare. */
export function formatBytesWithExact(bytes: number, lang: Language = activeLanguage()): string {
  const exact = words(lang)('size.bytes', { count: bytes, bytes: formatNumber(bytes, lang) });
  if (bytes < KIB) return exact;
  const rounded =
    bytes < MIB
      ? `${fixed(bytes / KIB, 1, lang)} KiB`
      : bytes < GIB
        ? `${fixed(bytes / MIB, 1, lang)} MiB`
        : `${fixed(bytes / GIB, 2, lang)} GiB`;
  return `${rounded} (${exact})`;
}

const SPEED_UNITS = ['byte-per-second', 'kilobyte-per-second', 'megabyte-per-second', 'gigabyte-per-second'] as const;

/** Download speed in decimal units, 1 decimal under 10, whole numbers above: "2.5 MB/s", "45 MB/s" / "2.5 MB/秒". */
export function formatSpeed(bytesPerSecond: number, lang: Language = activeLanguage()): string {
  let value = bytesPerSecond;
  let unit = 0;
  while (value >= 1000 && unit < SPEED_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  const figure = digits === 0 ? Math.round(value) : value;
  return numberFormat(lang, {
    style: 'unit',
    unit: SPEED_UNITS[unit],
    unitDisplay: 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(figure);
}

/** A rate per second: "0", "1.5", "12". */
export function formatRate(perSecond: number, lang: Language = activeLanguage()): string {
  if (perSecond === 0) return fixed(0, 0, lang);
  return perSecond < 10 ? fixed(perSecond, 1, lang) : fixed(Math.round(perSecond), 0, lang);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A remaining or elapsed duration: "45 s", "3 min 20 s", "1 h 05 min" / "45秒", "3分20秒", "1小时5分". */
export function formatDuration(ms: number, lang: Language = activeLanguage()): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const t = words(lang);
  const n = (value: number) => fixed(value, 0, lang);
  if (seconds < 60) return t('duration.seconds', { s: n(seconds) });
  if (minutes < 60) return t('duration.minutes', { min: n(minutes), s: n(seconds % 60), ss: pad(seconds % 60) });
  return t('duration.hours', { h: n(hours), min: n(minutes % 60), mm: pad(minutes % 60) });
}

/** How long ago, precise to the second: "just now" under a second, else "3 min 20 s ago". */
export function formatDurationAgo(ms: number, lang: Language = activeLanguage()): string {
  const t = words(lang);
  return ms < 1000 ? t('time.justNow') : t('time.ago', { duration: formatDuration(ms, lang) });
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const RELATIVE_OPTIONS: Intl.RelativeTimeFormatOptions = { numeric: 'always', style: 'long' };

/**
 * A coarse age read at a glance, in the language's own words (Intl.RelativeTimeFormat): "just now"
 * under 5 s, then whole seconds, minutes, hours (up to 47) and days: "12 seconds ago", "3 minutes
 * ago" / "12秒钟前", "3分钟前".
 */
export function formatRelativeAge(ageMs: number, lang: Language = activeLanguage()): string {
  const s = Math.floor(Math.max(0, ageMs) / 1000);
  if (s < 5) return words(lang)('time.justNow');
  const relative = cached(relativeFormats, lang, RELATIVE_OPTIONS, () => new Intl.RelativeTimeFormat(lang, RELATIVE_OPTIONS));
  if (s < 60) return relative.format(-s, 'second');
  const min = Math.floor(s / 60);
  if (min < 60) return relative.format(-min, 'minute');
  const h = Math.floor(min / 60);
  if (h < 48) return relative.format(-h, 'hour');
  return relative.format(-Math.floor(h / 24), 'day');
}

const listFormats = new Map<string, Intl.ListFormat>();

/** How a list reads: "a, b and c" ('and'), "a, b or c" ('or'), or "a, b, c" ('plain'; "a、b、c" in Chinese). */
export type ListKind = 'and' | 'or' | 'plain';

const LIST_OPTIONS: Readonly<Record<ListKind, Intl.ListFormatOptions>> = {
  and: { type: 'conjunction', style: 'long' },
  or: { type: 'disjunction', style: 'long' },
  // The narrow conjunction has no "and": the language's plain separator.
  plain: { type: 'conjunction', style: 'narrow' },
};

/** Items joined the way the language lists them: "a.bin and b.bin" / "a.bin和b.bin". */
export function formatList(items: readonly string[], kind: ListKind, lang: Language = activeLanguage()): string {
  const options = LIST_OPTIONS[kind];
  return cached(listFormats, lang, options, () => new Intl.ListFormat(lang, options)).format(items);
}

/** "14:05": the wallboard clock, read from across a room. Same in both languages. */
export function formatHourMinute(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Local wall-clock time with milliseconds: support staff correlate it with broker and device logs. */
export function formatClock(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Local date and time with milliseconds: "2026-01-02 10:20:31.400" / "2026/01/02 10:20:31.400". */
export function formatDateTime(at: number, lang: Language = activeLanguage()): string {
  const d = new Date(at);
  const sep = lang === 'zh-CN' ? '/' : '-';
  return `${d.getFullYear()}${sep}${pad(d.getMonth() + 1)}${sep}${pad(d.getDate())} ${formatClock(at)}`;
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** A published date: "2026-01-02" in English (as catalogs write it), "2026/01/02" in Chinese; raw text if it does not parse. */
export function formatDate(value: string | null, lang: Language = activeLanguage()): string {
  if (value === null || value.trim() === '') return '—';
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  if (lang === 'en') return new Date(time).toISOString().slice(0, 10);
  let format = dateFormats.get(lang);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(time);
}
