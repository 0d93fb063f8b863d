/**
 * Times of a campaign's schedule as the operator reads them, in the schedule's own zone:
 * "Tue 01:00" within the coming week, "12 Jan 01:00" further off; weekday names of the language.
 */
import type { Weekday } from './maintenance-window.ts';

const WEEK_MS = 6 * 24 * 60 * 60 * 1000;

/** "Tue 01:00" (or with the date when more than six days from `now`), in `timeZone`. */
export function zonedTimeLabel(at: number, timeZone: string, language: string, now: number): string {
  const far = Math.abs(at - now) > WEEK_MS;
  try {
    return new Intl.DateTimeFormat(language, {
      timeZone,
      weekday: 'short',
      ...(far ? { day: 'numeric', month: 'short' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  } catch {
    return new Date(at).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }
}

/** The short weekday names of the language for ISO weekdays, in week order. */
export function weekdayNames(days: readonly Weekday[], language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [...days].sort((a, b) => a - b).map((d) => format.format(Date.UTC(2024, 0, d)));
}
