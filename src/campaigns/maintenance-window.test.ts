import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallTimeAt } from '../lib/zoned-time.ts';
import {
  MAX_WINDOW_MINUTES,
  scheduleStateAt,
  windowProblem,
  windowStateAt,
  WEEKDAYS,
  type MaintenanceWindow,
  type Weekday,
} from './maintenance-window.ts';

const MINUTE = 60_000;
const berlin = (over: Partial<MaintenanceWindow> = {}): MaintenanceWindow => ({
  days: [2],
  start: '01:00',
  durationMinutes: 120,
  timeZone: 'Europe/Berlin',
  ...over,
});

/** Fixed-offset zones, where the window can be checked with plain arithmetic. */
const FIXED: Record<string, number> = { UTC: 0, 'Asia/Kolkata': 330, 'Etc/GMT+5': -300, 'Asia/Kathmandu': 345 };

/** Open per minute-of-week arithmetic: independent of the implementation's calendar walk. */
function openByArithmetic(w: MaintenanceWindow, at: number): boolean {
  const local = Math.floor(at / MINUTE) + (FIXED[w.timeZone] ?? 0);
  // 1970-01-01 was a Thursday: minute 0 of the epoch is Thursday 00:00 = Monday 00:00 + 3 days.
  const minuteOfWeek = (((local + 3 * 1440) % 10080) + 10080) % 10080;
  const [h, m] = w.start.split(':').map(Number) as [number, number];
  return w.days.some((d) => {
    const start = (d - 1) * 1440 + h * 60 + m;
    return (((minuteOfWeek - start) % 10080) + 10080) % 10080 < w.durationMinutes;
  });
}

const windowArb = (zones: readonly string[]) =>
  fc.record({
    days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
    start: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    durationMinutes: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: MAX_WINDOW_MINUTES })),
    timeZone: fc.constantFrom(...zones),
  });
const instantArb = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) });

describe('maintenance window', () => {
  it('is open on Tuesday 01:00-03:00 Berlin time and says when it opens next', () => {
    const w = berlin();
    // Tuesday 2026-12-08 01:30 CET = 00:30Z.
    expect(windowStateAt(w, Date.UTC(2026, 11, 8, 0, 30))).toEqual({ open: true, closesAt: Date.UTC(2026, 11, 8, 2, 0) });
    // Monday 2026-12-07 12:00Z: opens Tuesday 01:00 CET = 00:00Z.
    expect(windowStateAt(w, Date.UTC(2026, 11, 7, 12, 0))).toEqual({ open: false, opensAt: Date.UTC(2026, 11, 8, 0, 0) });
    // Tuesday 03:00 CET: just closed; next Tuesday.
    expect(windowStateAt(w, Date.UTC(2026, 11, 8, 2, 0))).toEqual({ open: false, opensAt: Date.UTC(2026, 11, 15, 0, 0) });
  });

  it('follows daylight saving: a window from 02:30 on the spring-forward Sunday opens at 03:30 summer time', () => {
    const w = berlin({ days: [7], start: '02:30', durationMinutes: 60 });
    expect(windowStateAt(w, Date.UTC(2026, 2, 29, 0, 0))).toEqual({ open: false, opensAt: Date.UTC(2026, 2, 29, 1, 30) });
    // In summer the same wall time is an hour earlier in UTC.
    expect(windowStateAt(w, Date.UTC(2026, 3, 4, 12, 0))).toEqual({ open: false, opensAt: Date.UTC(2026, 3, 5, 0, 30) });
  });

  it('runs across midnight into the next day', () => {
    const w: MaintenanceWindow = { days: [5], start: '23:00', durationMinutes: 180, timeZone: 'UTC' };
    // Saturday 2026-12-12 01:00Z is inside Friday's window.
    expect(windowStateAt(w, Date.UTC(2026, 11, 12, 1, 0))).toEqual({ open: true, closesAt: Date.UTC(2026, 11, 12, 2, 0) });
  });

  it('refuses windows with no day, a bad start, a bad duration or an unknown zone', () => {
    expect(windowProblem(berlin({ days: [] }))).toBe('days');
    expect(windowProblem(berlin({ start: '25:00' }))).toBe('start');
    expect(windowProblem(berlin({ durationMinutes: 0 }))).toBe('duration');
    expect(windowProblem(berlin({ durationMinutes: MAX_WINDOW_MINUTES + 1 }))).toBe('duration');
    expect(windowProblem(berlin({ timeZone: 'Nowhere/Town' }))).toBe('timeZone');
    expect(windowStateAt(berlin({ timeZone: 'Nowhere/Town' }), 0)).toEqual({ open: false, opensAt: null });
  });

  it('combines "start not before" with the window', () => {
    const w = berlin();
    const notBefore = Date.UTC(2026, 11, 8, 1, 0); // inside Tuesday's window
    expect(scheduleStateAt({ window: null, notBefore }, notBefore - 1)).toEqual({ open: false, opensAt: notBefore });
    expect(scheduleStateAt({ window: null, notBefore }, notBefore)).toEqual({ open: true, closesAt: null });
    expect(scheduleStateAt({ window: w, notBefore }, Date.UTC(2026, 11, 8, 0, 30))).toEqual({ open: false, opensAt: notBefore });
    const late = Date.UTC(2026, 11, 8, 3, 0); // after Tuesday's window
    expect(scheduleStateAt({ window: w, notBefore: late }, Date.UTC(2026, 11, 1))).toEqual({
      open: false,
      opensAt: Date.UTC(2026, 11, 15, 0, 0),
    });
  });

  it('agrees with minute-of-week arithmetic in zones without daylight saving', () => {
    fc.assert(
      fc.property(windowArb(Object.keys(FIXED)), instantArb, (w, at) => {
        expect(windowStateAt(w, at).open).toBe(openByArithmetic(w, at));
      }),
      { numRuns: 500 },
    );
  });

  it('in any zone: open means it closes within the duration; closed means it opens later, and is closed until then', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(windowArb(zones), instantArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), (w, at, probes) => {
        const state = windowStateAt(w, at);
        if (state.open) {
          expect(state.closesAt).toBeGreaterThan(at);
          expect(state.closesAt - at).toBeLessThanOrEqual(w.durationMinutes * MINUTE);
          // It started on a chosen day at the start time (or up to an hour later, where clocks jumped over it).
          const started = wallTimeAt(state.closesAt - w.durationMinutes * MINUTE, w.timeZone);
          const [h, m] = w.start.split(':').map(Number) as [number, number];
          const late = started.hour * 60 + started.minute - (h * 60 + m);
          expect(late === 0 || (late > 0 && late <= 60)).toBe(true);
        } else {
          expect(state.opensAt).not.toBeNull();
          const opensAt = state.opensAt ?? 0;
          expect(opensAt).toBeGreaterThan(at);
          expect(opensAt - at).toBeLessThanOrEqual(8 * 24 * 60 * MINUTE);
          expect(windowStateAt(w, opensAt).open).toBe(true);
          for (const p of probes) expect(windowStateAt(w, at + Math.floor(p * (opensAt - at - 1))).open).toBe(false);
          const opened = wallTimeAt(opensAt, w.timeZone);
          const weekday = new Date(Date.UTC(opened.year, opened.month - 1, opened.day)).getUTCDay() || 7;
          expect(w.days).toContain(weekday as Weekday);
        }
      }),
      { numRuns: 300 },
    );
  });
});
