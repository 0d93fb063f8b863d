/**
 * The Upgrade screen's "Safe timing" inputs (maintenance window, start not before, idle gate),
 * parsed from what the operator typed into the campaign's timing. "Start not before" is a wall
 * time in the chosen zone, like the window.
 */
import { DEFAULT_IDLE_GATE } from '../campaigns/campaign-timing.ts';
import type { CampaignTiming } from '../campaigns/campaign-types.ts';
import { MAX_WINDOW_MINUTES, parseStartTime, WEEKDAYS, type Weekday } from '../campaigns/maintenance-window.ts';
import { instantOf, isValidTimeZone, localTimeZone } from '../lib/zoned-time.ts';
import { message, type UpgradeMessage } from './upgrade-message.ts';

export interface TimingText {
  windowOn: boolean;
  days: readonly Weekday[];
  /** "HH:MM" */
  start: string;
  /** Minutes, as typed. */
  duration: string;
  timeZone: string;
  /** "YYYY-MM-DDTHH:MM" (a datetime-local value) or ''. */
  notBefore: string;
  gate: boolean;
  allowUnknown: boolean;
}

export function defaultTimingText(timeZone: string = localTimeZone()): TimingText {
  return {
    windowOn: false,
    days: WEEKDAYS,
    start: '01:00',
    duration: '120',
    timeZone,
    notBefore: '',
    gate: DEFAULT_IDLE_GATE.enabled,
    allowUnknown: DEFAULT_IDLE_GATE.allowUnknown,
  };
}

export type TimingField = 'days' | 'start' | 'duration' | 'timeZone' | 'notBefore';

export interface TimingParse {
  timing: CampaignTiming | null;
  errors: Partial<Record<TimingField, UpgradeMessage>>;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** A datetime-local value as the instant it names in `timeZone`; null when it is not one. */
export function wallInstant(text: string, timeZone: string): number | null {
  const m = LOCAL.exec(text.trim());
  if (m === null) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return instantOf({ year, month, day, hour, minute }, timeZone);
}

export function parseTiming(text: TimingText): TimingParse {
  const errors: TimingParse['errors'] = {};
  const zone = text.timeZone.trim();
  const zoneOk = isValidTimeZone(zone);
  const windowOrDate = text.windowOn || text.notBefore.trim() !== '';
  if (windowOrDate && !zoneOk) errors.timeZone = message('timing.error.timeZone');
  let notBefore: number | null = null;
  if (text.notBefore.trim() !== '' && zoneOk) {
    notBefore = wallInstant(text.notBefore, zone);
    if (notBefore === null) errors.notBefore = message('timing.error.notBefore');
  }
  const duration = Number(text.duration.trim());
  if (text.windowOn) {
    if (text.days.length === 0) errors.days = message('timing.error.days');
    if (parseStartTime(text.start.trim()) === null) errors.start = message('timing.error.start');
    if (!/^\d+$/.test(text.duration.trim()) || duration < 1 || duration > MAX_WINDOW_MINUTES)
      errors.duration = message('timing.error.duration');
  }
  if (Object.keys(errors).length > 0) return { timing: null, errors };
  return {
    timing: {
      window: text.windowOn
        ? { days: [...text.days].sort((a, b) => a - b), start: text.start.trim(), durationMinutes: duration, timeZone: zone }
        : null,
      notBefore,
      idleGate: { enabled: text.gate, allowUnknown: text.gate && text.allowUnknown },
    },
    errors,
  };
}

/** The first error, for the sentence under Start. */
export function firstTimingError(parse: TimingParse): UpgradeMessage | null {
  const order: TimingField[] = ['days', 'start', 'duration', 'timeZone', 'notBefore'];
  for (const field of order) {
    const error = parse.errors[field];
    if (error !== undefined) return error;
  }
  return null;
}

/** The sentence under Start while the timing inputs do not read. */
export function timingBlockedMessage(parse: TimingParse): UpgradeMessage | null {
  const error = firstTimingError(parse);
  return error === null ? null : message('start.blocked.timing', { error });
}
