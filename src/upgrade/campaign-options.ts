/**
 * The campaign inputs of the Upgrade screen, parsed from what the operator typed. Empty means
 * "no limit" / "off"; anything else must be a whole number (the pause rule may be a percent).
 */
import type { PauseAfterFailures } from '../campaigns/campaign-types.ts';
import { englishText } from '../ui/i18n/message.ts';
import { message, type UpgradeMessage } from './upgrade-message.ts';

/** A field read: its value, or why it is refused (translated where shown). */
export type FieldRead<T> = { ok: true; value: T } | { ok: false; error: UpgradeMessage };

/** The same in English, for logs and tests. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface CampaignOptionsText {
  maxParallel: string;
  pauseAfterFailures: string;
  canary: string;
}

export interface CampaignOptions {
  maxParallel: number | null;
  pauseAfterFailures: PauseAfterFailures | null;
  canarySize: number | null;
}

export const EMPTY_OPTIONS_TEXT: CampaignOptionsText = { maxParallel: '', pauseAfterFailures: '', canary: '' };

const WHOLE = /^\d+$/;

type Refusal = 'whole' | 'min';

function positiveWhole(text: string): { ok: true; value: number | null } | { ok: false; refusal: Refusal } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!WHOLE.test(trimmed)) return { ok: false, refusal: 'whole' };
  const value = Number(trimmed);
  if (value < 1 || !Number.isSafeInteger(value)) return { ok: false, refusal: 'min' };
  return { ok: true, value };
}

function inEnglish<T>(read: FieldRead<T>): Parsed<T> {
  return read.ok ? read : { ok: false, error: englishText(read.error) };
}

/** Empty = no limit. */
export function readMaxParallel(text: string): FieldRead<number | null> {
  const read = positiveWhole(text);
  if (read.ok) return read;
  return { ok: false, error: message(read.refusal === 'whole' ? 'options.error.maxParallelWhole' : 'options.error.maxParallelMin') };
}

/** Empty = off; "3" = after 3 failures; "10%" = after 10 % of the gateways failed. */
export function readPauseAfterFailures(text: string): FieldRead<PauseAfterFailures | null> {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  if (percent) {
    const value = Number(percent[1]);
    if (value <= 0 || value > 100) return { ok: false, error: message('options.error.pausePercent') };
    return { ok: true, value: { percent: value } };
  }
  const count = positiveWhole(trimmed);
  if (!count.ok) return { ok: false, error: message(count.refusal === 'whole' ? 'options.error.pauseWhole' : 'options.error.pauseMin') };
  return { ok: true, value: count.value === null ? null : { count: count.value } };
}

/** Empty = no canary; otherwise fewer gateways than the campaign sends to, or it is no canary. */
export function readCanary(text: string, gatewaysToSend: number): FieldRead<number | null> {
  const read = positiveWhole(text);
  if (!read.ok) return { ok: false, error: message(read.refusal === 'whole' ? 'options.error.canaryWhole' : 'options.error.canaryMin') };
  if (read.value !== null && gatewaysToSend > 0 && read.value >= gatewaysToSend) {
    return { ok: false, error: message('options.error.canaryFewer', { count: gatewaysToSend }) };
  }
  return read;
}

export const parseMaxParallel = (text: string): Parsed<number | null> => inEnglish(readMaxParallel(text));
export const parsePauseAfterFailures = (text: string): Parsed<PauseAfterFailures | null> => inEnglish(readPauseAfterFailures(text));
export const parseCanary = (text: string, gatewaysToSend: number): Parsed<number | null> => inEnglish(readCanary(text, gatewaysToSend));

export interface OptionsParse {
  options: CampaignOptions | null;
  errors: { maxParallel: UpgradeMessage | null; pauseAfterFailures: UpgradeMessage | null; canary: UpgradeMessage | null };
}

export function parseCampaignOptions(text: CampaignOptionsText, gatewaysToSend: number): OptionsParse {
  const maxParallel = readMaxParallel(text.maxParallel);
  const pause = readPauseAfterFailures(text.pauseAfterFailures);
  const canary = readCanary(text.canary, gatewaysToSend);
  const errors = {
    maxParallel: maxParallel.ok ? null : maxParallel.error,
    pauseAfterFailures: pause.ok ? null : pause.error,
    canary: canary.ok ? null : canary.error,
  };
  if (!maxParallel.ok || !pause.ok || !canary.ok) return { options: null, errors };
  return { options: { maxParallel: maxParallel.value, pauseAfterFailures: pause.value, canarySize: canary.value }, errors };
}
