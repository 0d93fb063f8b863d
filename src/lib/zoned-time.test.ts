import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, instantOf, isoWeekday, isValidTimeZone, offsetAt, wallTimeAt } from './zoned-time.ts';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago'];
const MINUTE = 60_000;

describe('zoned time', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('reads the wall time and offset of an instant on both sides of a DST change', () => {
    // Berlin: 2026-03-29 02:00 CET -> 03:00 CEST (01:00Z).
    expect(wallTimeAt(Date.UTC(2026, 2, 29, 0, 59), 'Europe/Berlin')).toEqual({ year: 2026, month: 3, day: 29, hour: 1, minute: 59 });
    expect(wallTimeAt(Date.UTC(2026, 2, 29, 1, 0), 'Europe/Berlin')).toEqual({ year: 2026, month: 3, day: 29, hour: 3, minute: 0 });
    expect(offsetAt(Date.UTC(2026, 0, 10), 'Europe/Berlin')).toBe(60 * MINUTE);
    expect(offsetAt(Date.UTC(2026, 6, 10), 'Europe/Berlin')).toBe(120 * MINUTE);
    expect(offsetAt(Date.UTC(2026, 0, 10), 'Asia/Kolkata')).toBe(330 * MINUTE);
  });

  it('names a skipped wall time by the offset before the jump, a repeated one by its first occurrence', () => {
    // 02:30 does not exist in Berlin on 2026-03-29: it is 03:30 CEST = 01:30Z.
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // 02:30 happens twice on 2026-10-25: first in CEST = 00:30Z.
    expect(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    // Lord Howe moves by 30 minutes: 02:15 on 2026-10-04 is skipped (02:00 -> 02:30).
    expect(
      wallTimeAt(instantOf({ year: 2026, month: 10, day: 4, hour: 2, minute: 15 }, 'Australia/Lord_Howe'), 'Australia/Lord_Howe'),
    ).toMatchObject({
      hour: 2,
      minute: 45,
    });
  });

  it('counts calendar days and ISO weekdays', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isoWeekday({ year: 2024, month: 1, day: 1 })).toBe(1);
    expect(isoWeekday({ year: 2026, month: 12, day: 6 })).toBe(7);
  });

  it('turns any instant into its wall time and back to the same minute (the first, where the hour repeats)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (zone, at) => {
        const minute = Math.floor(at / MINUTE) * MINUTE;
        const wall = wallTimeAt(minute, zone);
        const back = instantOf(wall, zone);
        expect(wallTimeAt(back, zone)).toEqual(wall);
        expect(back).toBeLessThanOrEqual(minute);
        // Only a repeated wall time maps to an earlier instant, never more than the DST shift.
        expect(minute - back).toBeLessThanOrEqual(60 * MINUTE);
      }),
      { numRuns: 400 },
    );
  });
});
