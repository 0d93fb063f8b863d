/**
 * A campaign's maintenance window, pure: on the chosen days of the week, from a wall-clock start
 * time, for a duration, in an IANA time zone; and an optional "start not before" instant.
 *
 * - A window that starts on a chosen day may run past midnight (and past the next chosen day's
 *   start); the duration is elapsed time, so across a DST change it ends by the clock one hour
 *   earlier or later than usual.
 * - A start time that does not exist on a day (clocks jump forward over it) opens at the same
 *   elapsed time after midnight as usual: 02:30 in a 02:00 -> 03:00 gap opens at 03:30. One that
 *   happens twice (clocks go back) opens the first time (src/lib/zoned-time.ts, instantOf).
 */
import { addDays, instantOf, isoWeekday, isValidTimeZone, wallTimeAt, type CalendarDate } from '../lib/zoned-time.ts';

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

export interface MaintenanceWindow {
  /** The days a window starts on (ISO weekdays), at least one. */
  days: Weekday[];
  /** "HH:MM", 24-hour, in timeZone. */
  start: string;
  /** 1 minute to 7 days. */
  durationMinutes: number;
  /** IANA name, e.g. "Europe/Berlin". */
  timeZone: string;
}

export const MAX_WINDOW_MINUTES = 7 * 24 * 60;
const MINUTE_MS = 60_000;
const START = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;
}

export function parseStartTime(start: string): { hour: number; minute: number } | null {
  const m = START.exec(start);
  return m === null ? null : { hour: Number(m[1]), minute: Number(m[2]) };
}

export type WindowProblem = 'days' | 'start' | 'duration' | 'timeZone';

/** The first thing wrong with a window, or null. */
export function windowProblem(w: MaintenanceWindow): WindowProblem | null {
  if (w.days.length === 0 || !w.days.every(isWeekday)) return 'days';
  if (parseStartTime(w.start) === null) return 'start';
  if (!Number.isInteger(w.durationMinutes) || w.durationMinutes < 1 || w.durationMinutes > MAX_WINDOW_MINUTES) return 'duration';
  if (!isValidTimeZone(w.timeZone)) return 'timeZone';
  return null;
}

export type WindowState = { open: true; closesAt: number } | { open: false; opensAt: number | null };

/** Start instants of the occurrences that can cover `at` or begin within the next 8 days. */
function occurrenceStarts(w: MaintenanceWindow, at: number): number[] {
  const time = parseStartTime(w.start);
  if (time === null) return [];
  const days = new Set<number>(w.days);
  const today: CalendarDate = wallTimeAt(at, w.timeZone);
  const back = Math.ceil(w.durationMinutes / (24 * 60)) + 1;
  const starts: number[] = [];
  for (let offset = -back; offset <= 8; offset++) {
    const date = addDays(today, offset);
    if (!days.has(isoWeekday(date))) continue;
    starts.push(instantOf({ ...date, hour: time.hour, minute: time.minute }, w.timeZone));
  }
  return starts;
}

/** Whether the window is open at `at`; if open, when it closes; if not, when it next opens. */
export function windowStateAt(w: MaintenanceWindow, at: number): WindowState {
  if (windowProblem(w) !== null) return { open: false, opensAt: null };
  const length = w.durationMinutes * MINUTE_MS;
  let closesAt: number | null = null;
  let opensAt: number | null = null;
  for (const start of occurrenceStarts(w, at)) {
    const end = start + length;
    if (start <= at && at < end) closesAt = Math.max(closesAt ?? end, end);
    else if (start > at) opensAt = Math.min(opensAt ?? start, start);
  }
  return closesAt !== null ? { open: true, closesAt } : { open: false, opensAt };
}

export interface SendSchedule {
  window: MaintenanceWindow | null;
  /** No ota_create before this instant (ms); null = no such limit. */
  notBefore: number | null;
}

/** closesAt null: it never closes; opensAt null: no opening known. */
export type ScheduleState = { open: true; closesAt: number | null } | { open: false; opensAt: number | null };

/** Sending is allowed at `at` when it is not before notBefore and inside the window (if any). */
export function scheduleStateAt(s: SendSchedule, at: number): ScheduleState {
  const from = s.notBefore !== null && at < s.notBefore ? s.notBefore : at;
  if (s.window === null) return from === at ? { open: true, closesAt: null } : { open: false, opensAt: from };
  const state = windowStateAt(s.window, from);
  if (state.open) return from === at ? { open: true, closesAt: state.closesAt } : { open: false, opensAt: from };
  return { open: false, opensAt: state.opensAt };
}
