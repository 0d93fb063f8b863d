/**
 * Wall-clock time in an IANA time zone and back, with the platform's Intl (its tz database), so
 * daylight-saving changes are the zone's own. No library: Intl.DateTimeFormat gives the wall time
 * of an instant, and the instant of a wall time is found by trying the offsets around it.
 */

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

// Building a DateTimeFormat costs far more than using one; the orchestrator asks every second.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** An IANA name the platform knows ("Europe/Berlin", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '' || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone this process or page runs in, as the platform reports it. */
export function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function partsAt(instant: number, timeZone: string): WallTime & { second: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  }
  // Some engines still say 24 for midnight despite h23.
  if (out.hour === 24) out.hour = 0;
  return out;
}

export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const { year, month, day, hour, minute } = partsAt(instant, timeZone);
  return { year, month, day, hour, minute };
}

/** The zone's offset from UTC at that instant, in ms (positive east of Greenwich). */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const p = partsAt(whole, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

function sameMinute(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

/**
 * The instant a wall time names in the zone. Where clocks go back and the time happens twice, the
 * earlier; where they jump forward and it never happens, the instant it would have been with the
 * offset before the jump (02:30 in a 02:00 -> 03:00 gap is 03:30): the same choice as Temporal's
 * "compatible" disambiguation.
 */
export function instantOf(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = offsetAt(asUtc - DAY_MS, timeZone);
  const after = offsetAt(asUtc + DAY_MS, timeZone);
  const matches = [asUtc - before, asUtc - after].filter((c) => sameMinute(wallTimeAt(c, timeZone), wall));
  if (matches.length > 0) return Math.min(...matches);
  return asUtc - before;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const js = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return js === 0 ? 7 : js;
}
