/**
 * Builds before issue 10 stored pause and skip reasons as English sentences. A campaign stored by
 * them is read back into the descriptors this build stores, so a reload after the update still shows
 * the reason in the operator's language. A sentence none of the patterns knows stays text.
 */
import type { BusyTaskOwner, PausedReason, SkipReason } from './campaign-types.ts';

const COUNT_RULE = /^Paused: (\d+) failures? reached the limit of (\d+)$/;
const PERCENT_RULE = /^Paused: (\d+) failures? reached the limit of (\d+(?:\.\d+)?)% \((\d+) failures? of (\d+) gateways?\)$/;
const CANARY = /^Paused: the canary failed on (\d+) of (\d+) gateways?$/;
const BUSY =
  /^Skipped: another upgrade is active on this gateway \(task (.+), (started elsewhere|of another campaign|started from this console)\)$/;

const OWNERS: Readonly<Record<string, BusyTaskOwner>> = {
  'started elsewhere': 'elsewhere',
  'of another campaign': 'other-campaign',
  'started from this console': 'this-console',
};

export function pausedReasonFromText(text: string): PausedReason {
  if (text === 'Paused by the operator') return { kind: 'operator' };
  let m = COUNT_RULE.exec(text);
  if (m !== null) return { kind: 'failures', failures: Number(m[1]), limit: Number(m[2]) };
  m = PERCENT_RULE.exec(text);
  if (m !== null)
    return { kind: 'failures-percent', failures: Number(m[1]), percent: Number(m[2]), limit: Number(m[3]), gateways: Number(m[4]) };
  m = CANARY.exec(text);
  if (m !== null) return { kind: 'canary', failed: Number(m[1]), canary: Number(m[2]) };
  return { kind: 'text', text };
}

export function skipReasonFromText(text: string): SkipReason {
  const m = BUSY.exec(text);
  const owner = m === null ? undefined : OWNERS[m[2] ?? ''];
  return m === null || owner === undefined ? { kind: 'text', text } : { kind: 'busy', bid: m[1] ?? '', owner };
}
