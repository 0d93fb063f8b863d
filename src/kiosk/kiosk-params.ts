/**
 * The wallboard is configured by its URL only (nobody touches the TV): `gateway` (SN prefix
 * filter), `campaign` (one campaign's tasks), `interval` (seconds per page) and `lang`. Broker and credentials are the runtime
 * config's own parameters. A bad value never stops the board: it falls back to the default and
 * the board shows a small note saying so.
 */
import { z } from 'zod';

export const DEFAULT_INTERVAL_SECONDS = 10;
export const MIN_INTERVAL_SECONDS = 2;
export const MAX_INTERVAL_SECONDS = 600;

/** Languages with texts today. `lang` is accepted and kept for the i18n issue; only 'en' exists. */
export const SUPPORTED_LANGS = ['en'] as const;
export type KioskLang = (typeof SUPPORTED_LANGS)[number];

export interface KioskParams {
  /** Only gateways whose SN starts with this are shown; null shows every gateway. */
  gatewayPrefix: string | null;
  /** Only tasks of this campaign (an id from the Campaigns view); null shows every task. */
  campaignId: string | null;
  intervalSeconds: number;
  /** The language the texts are in. */
  lang: KioskLang;
  /** The language the URL asked for (a BCP 47 tag), kept for when more languages exist. */
  requestedLang: string | null;
  /** One line per rejected or unsupported value, shown small on the board. */
  notes: string[];
}

// An SN prefix: the characters an SN may hold (src/protocol/sn.ts), so the filter cannot match
// something no topic could carry.
const gatewaySchema = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(64, 'is longer than an SN')
  .regex(/^[A-Za-z0-9_-]+$/, "may hold only letters, digits, '-' and '_'");

const campaignSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a campaign id');

const intervalSchema = z.coerce
  .number({ error: 'is not a number' })
  .int('must be whole seconds')
  .min(MIN_INTERVAL_SECONDS, `must be at least ${MIN_INTERVAL_SECONDS} s`)
  .max(MAX_INTERVAL_SECONDS, `must be at most ${MAX_INTERVAL_SECONDS} s`);

const langSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'is not a language tag such as "en" or "zh-CN"');

function problem(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

function isSupported(tag: string): tag is KioskLang {
  return (SUPPORTED_LANGS as readonly string[]).includes(tag);
}

/** The wallboard's parameters from a query string such as `?kiosk&gateway=DOCK-7&interval=5`. */
export function parseKioskParams(search: string): KioskParams {
  const params = new URLSearchParams(search);
  const notes: string[] = [];
  const result: KioskParams = { gatewayPrefix: null, campaignId: null, intervalSeconds: DEFAULT_INTERVAL_SECONDS, lang: 'en', requestedLang: null, notes };

  const gateway = params.get('gateway');
  if (gateway !== null) {
    const parsed = gatewaySchema.safeParse(gateway);
    if (parsed.success) result.gatewayPrefix = parsed.data;
    else notes.push(`gateway "${gateway}" ${problem(parsed.error)}: showing every gateway`);
  }

  const campaign = params.get('campaign');
  if (campaign !== null) {
    const parsed = campaignSchema.safeParse(campaign);
    if (parsed.success) result.campaignId = parsed.data;
    else notes.push(`campaign "${campaign}" ${problem(parsed.error)}: showing every upgrade`);
  }

  const interval = params.get('interval');
  if (interval !== null) {
    const parsed = intervalSchema.safeParse(interval.trim() === '' ? Number.NaN : interval);
    if (parsed.success) result.intervalSeconds = parsed.data;
    else notes.push(`interval "${interval}" ${problem(parsed.error)}: pages turn every ${DEFAULT_INTERVAL_SECONDS} s`);
  }

  const lang = params.get('lang');
  if (lang !== null) {
    const parsed = langSchema.safeParse(lang);
    if (!parsed.success) {
      notes.push(`lang "${lang}" ${problem(parsed.error)}: showing English`);
    } else {
      result.requestedLang = parsed.data;
      const primary = parsed.data.toLowerCase().split('-')[0] ?? '';
      if (isSupported(primary)) result.lang = primary;
      else notes.push(`lang "${parsed.data}" is not available yet: showing English`);
    }
  }
  return result;
}
