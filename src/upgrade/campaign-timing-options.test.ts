import { describe, expect, it } from 'vitest';
import { englishText } from '../ui/i18n/message.ts';
import { defaultTimingText, parseTiming, timingBlockedMessage, wallInstant } from './campaign-timing-options.ts';

describe('safe timing inputs', () => {
  it('default to no window, no start date and the idle gate on, unknown docks held', () => {
    expect(parseTiming(defaultTimingText('Europe/Berlin'))).toEqual({
      timing: { window: null, notBefore: null, idleGate: { enabled: true, allowUnknown: false } },
      errors: {},
    });
  });

  it('read a window and a start date in the chosen zone', () => {
    const parsed = parseTiming({
      ...defaultTimingText('Europe/Berlin'),
      windowOn: true,
      days: [4, 2],
      start: '01:30',
      duration: '90',
      notBefore: '2026-12-08T01:00',
    });
    expect(parsed.timing).toEqual({
      window: { days: [2, 4], start: '01:30', durationMinutes: 90, timeZone: 'Europe/Berlin' },
      notBefore: Date.UTC(2026, 11, 8, 0, 0),
      idleGate: { enabled: true, allowUnknown: false },
    });
  });

  it('say what is wrong, in words, and block the start', () => {
    const parsed = parseTiming({ ...defaultTimingText('Nowhere/Town'), windowOn: true, days: [], start: '', duration: '0' });
    expect(parsed.timing).toBeNull();
    expect(Object.keys(parsed.errors).sort()).toEqual(['days', 'duration', 'start', 'timeZone']);
    expect(englishText(timingBlockedMessage(parsed)!)).toBe('Fix the safe timing: Choose at least one day for the maintenance window.');
  });

  it('refuse impossible dates', () => {
    expect(wallInstant('2026-02-30T01:00', 'UTC')).toBeNull();
    expect(wallInstant('tomorrow', 'UTC')).toBeNull();
    expect(wallInstant('2026-02-28T01:00', 'UTC')).toBe(Date.UTC(2026, 1, 28, 1, 0));
  });

  it('turn "allow unknown" off with the gate', () => {
    expect(parseTiming({ ...defaultTimingText('UTC'), gate: false, allowUnknown: true }).timing?.idleGate).toEqual({
      enabled: false,
      allowUnknown: false,
    });
  });
});
