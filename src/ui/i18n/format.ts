import { activeLanguage } from './active-language.ts';
import type { Language } from './languages.ts';

/*
 * Every number, size, speed, duration and time the console shows goes through here, so each screen
 * formats per locale. The English outputs are the console's established ones, byte for byte (tests
 * and the accessibility contract read them); Chinese uses the same figures with Chinese units.
 * `lang` defaults to the active language; components re-render on a switch through useFormat().
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang, options);
    numberFormats.set(key, format);
  }
  return format;
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
  const count = formatNumber(bytes, lang);
  const exact = lang === 'zh-CN' ? `${count} 字节` : `${count} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < KIB) return exact;
  const rounded = bytes < MIB ? `${fixed(bytes / KIB, 1, lang)} KiB` : bytes < GIB ? `${fixed(bytes / MIB, 1, lang)} MiB` : `${fixed(bytes / GIB, 2, lang)} GiB`;
  return `${rounded} (${exact})`;
}

/** Download speed: 1 decimal under 10, whole numbers above ("2.5 MB/s", "45 MB/s"). */
export function formatSpeed(bytesPerSecond: number, lang: Language = activeLanguage()): string {
  const units = ['B/s', 'KB/s', 'MB/s', 'GB/s'];
  let value = bytesPerSecond;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 && unit > 0 ? fixed(value, 1, lang) : fixed(Math.round(value), 0, lang)} ${units[unit]}`;
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
  if (lang === 'zh-CN') {
    if (seconds < 60) return `${seconds}秒`;
    if (minutes < 60) return `${minutes}分${seconds % 60}秒`;
    return `${hours}小时${minutes % 60}分`;
  }
  if (seconds < 60) return `${seconds} s`;
  if (minutes < 60) return `${minutes} min ${pad(seconds % 60)} s`;
  return `${hours} h ${pad(minutes % 60)} min`;
}

/** How long ago, precise to the second: "just now" under a second, else "3 min 20 s ago". */
export function formatDurationAgo(ms: number, lang: Language = activeLanguage()): string {
  if (ms < 1000) return lang === 'zh-CN' ? '刚刚' : 'just now';
  return lang === 'zh-CN' ? `${formatDuration(ms, lang)}前` : `${formatDuration(ms, lang)} ago`;
}

/** A coarse age read at a glance: "just now" (under 5 s), "12 s ago", "3 min ago", "3 h ago", "2 d ago". */
export function formatRelativeAge(ageMs: number, lang: Language = activeLanguage()): string {
  const zh = lang === 'zh-CN';
  const s = Math.floor(Math.max(0, ageMs) / 1000);
  if (s < 5) return zh ? '刚刚' : 'just now';
  if (s < 60) return zh ? `${s}秒前` : `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return zh ? `${min}分钟前` : `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return zh ? `${h}小时前` : `${h} h ago`;
  const d = Math.floor(h / 24);
  return zh ? `${d}天前` : `${d} d ago`;
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
