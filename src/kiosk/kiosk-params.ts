/**
 * The wallboard is configured by its URL only (nobody touches the TV): `gateway` (SN prefix
 * filter), `campaign` (one campaign's tasks) and `interval` (seconds per page). The language is the
 * console's (`?lang=`, read at start-up by src/ui/i18n); broker and credentials are the runtime
 * config's own parameters. A bad value never stops the board: it falls back to the default and
 * the board shows a small note saying so (worded at render, in the board's language).
 */
import { z } from 'zod';

export const DEFAULT_INTERVAL_SECONDS = 10;
export const MIN_INTERVAL_SECONDS = 2;
export const MAX_INTERVAL_SECONDS = 600;

/** Why a value was refused; locales/ words each one ("is not a number"). */
export const KIOSK_PROBLEMS = ['empty', 'tooLong', 'snChars', 'notCampaignId', 'notNumber', 'notWhole', 'tooSmall', 'tooLarge'] as const;
export type KioskProblem = (typeof KIOSK_PROBLEMS)[number];

/** A URL value the board refused, and why: shown small on the board with the default it uses instead. */
export interface KioskNote {
  param: 'gateway' | 'campaign' | 'interval';
  /** The value as written in the URL. */
  value: string;
  problems: KioskProblem[];
}

export interface KioskParams {
  /** Only gateways whose SN starts with this are shown; null shows every gateway. */
  gatewayPrefix: string | null;
  /** Only tasks of this campaign (an id from the Campaigns view); null shows every task. */
  campaignId: string | null;
  intervalSeconds: number;
  /** One per rejected value. */
  notes: KioskNote[];
}

// Zod carries the problem's name as its message; the board words it.
const say = (problem: KioskProblem) => problem;

// An SN prefix: the characters an SN may hold (src/protocol/sn.ts), so the filter cannot match
// something no topic could carry.
const gatewaySchema = z
  .string()
  .trim()
  .min(1, say('empty'))
  .max(64, say('tooLong'))
  .regex(/^[A-Za-z0-9_-]+$/, say('snChars'));

const campaignSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, say('notCampaignId'));

const intervalSchema = z.coerce
  .number({ error: say('notNumber') })
  .int(say('notWhole'))
  .min(MIN_INTERVAL_SECONDS, say('tooSmall'))
  .max(MAX_INTERVAL_SECONDS, say('tooLarge'));

function isProblem(message: string): message is KioskProblem {
  return (KIOSK_PROBLEMS as readonly string[]).includes(message);
}

function problems(error: z.ZodError): KioskProblem[] {
  return error.issues.map((issue) => issue.message).filter(isProblem);
}

/** The wallboard's parameters from a query string such as `?kiosk&gateway=DOCK-7&interval=5`. */
export function parseKioskParams(search: string): KioskParams {
  const params = new URLSearchParams(search);
  const notes: KioskNote[] = [];
  const result: KioskParams = { gatewayPrefix: null, campaignId: null, intervalSeconds: DEFAULT_INTERVAL_SECONDS, notes };

  const gateway = params.get('gateway');
  if (gateway !== null) {
    const parsed = gatewaySchema.safeParse(gateway);
    if (parsed.success) result.gatewayPrefix = parsed.data;
    else notes.push({ param: 'gateway', value: gateway, problems: problems(parsed.error) });
  }

  const campaign = params.get('campaign');
  if (campaign !== null) {
    const parsed = campaignSchema.safeParse(campaign);
    if (parsed.success) result.campaignId = parsed.data;
    else notes.push({ param: 'campaign', value: campaign, problems: problems(parsed.error) });
  }

  const interval = params.get('interval');
  if (interval !== null) {
    const parsed = intervalSchema.safeParse(interval.trim() === '' ? Number.NaN : interval);
    if (parsed.success) result.intervalSeconds = parsed.data;
    else notes.push({ param: 'interval', value: interval, problems: problems(parsed.error) });
  }
  return result;
}
