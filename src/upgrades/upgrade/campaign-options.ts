/**
 * The campaign inputs of the Upgrade screen, parsed from what the operator typed. Empty means
 * "no limit" / "off"; anything else must be a whole number (the pause rule may be a percent).
 */
import type { PauseAfterFailures } from '../campaign-types.ts';

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

function positiveWhole(text: string, what: string): Parsed<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!WHOLE.test(trimmed)) return { ok: false, error: `${what} must be a whole number, or empty` };
  const value = Number(trimmed);
  if (value < 1 || !Number.isSafeInteger(value)) return { ok: false, error: `${what} must be at least 1, or empty` };
  return { ok: true, value };
}

/** Empty = no limit. */
export function parseMaxParallel(text: string): Parsed<number | null> {
  return positiveWhole(text, 'Max parallel upgrades');
}

/** Empty = off; "3" = after 3 failures; "10%" = after 10 % of the gateways failed. */
export function parsePauseAfterFailures(text: string): Parsed<PauseAfterFailures | null> {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  if (percent) {
    const value = Number(percent[1]);
    if (value <= 0 || value > 100) return { ok: false, error: 'Pause after failures: a percent must be above 0 and at most 100' };
    return { ok: true, value: { percent: value } };
  }
  const count = positiveWhole(trimmed, 'Pause after failures');
  if (!count.ok) return { ok: false, error: `${count.error.replace(', or empty', '')} or a percent such as 10%, or empty` };
  return { ok: true, value: count.value === null ? null : { count: count.value } };
}

/** Empty = no canary; otherwise fewer gateways than the campaign sends to, or it is no canary. */
export function parseCanary(text: string, gatewaysToSend: number): Parsed<number | null> {
  const parsed = positiveWhole(text, 'Canary gateways');
  if (!parsed.ok || parsed.value === null) return parsed;
  if (gatewaysToSend > 0 && parsed.value >= gatewaysToSend) {
    return { ok: false, error: `Canary gateways must be fewer than the ${gatewaysToSend} gateway${gatewaysToSend === 1 ? '' : 's'} to upgrade` };
  }
  return parsed;
}

export interface OptionsParse {
  options: CampaignOptions | null;
  errors: { maxParallel: string | null; pauseAfterFailures: string | null; canary: string | null };
}

export function parseCampaignOptions(text: CampaignOptionsText, gatewaysToSend: number): OptionsParse {
  const maxParallel = parseMaxParallel(text.maxParallel);
  const pause = parsePauseAfterFailures(text.pauseAfterFailures);
  const canary = parseCanary(text.canary, gatewaysToSend);
  const errors = {
    maxParallel: maxParallel.ok ? null : maxParallel.error,
    pauseAfterFailures: pause.ok ? null : pause.error,
    canary: canary.ok ? null : canary.error,
  };
  if (!maxParallel.ok || !pause.ok || !canary.ok) return { options: null, errors };
  return { options: { maxParallel: maxParallel.value, pauseAfterFailures: pause.value, canarySize: canary.value }, errors };
}
