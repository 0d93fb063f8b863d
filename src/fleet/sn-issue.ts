/**
 * Why a typed or imported SN cannot be used, as a FleetMessage. src/protocol/sn.ts stays the
 * English rule (the broker and the sim use it); this follows it check for check, with the same
 * English words through en.ts (sn-issue.test.ts holds the two equal for any text).
 */
import { describeChar, SN_MAX_LENGTH } from '../protocol/sn.ts';
import { message, type FleetMessage } from './fleet-message.ts';

const ALLOWED = /^[A-Za-z0-9_-]$/;
const VALID = /^[A-Za-z0-9_-]+$/;

function charMessage(ch: string): FleetMessage | string {
  if (ch === ' ') return message('sn.space');
  const described = describeChar(ch);
  // Invisible characters are shown by code point (U+200B), the same in every language.
  return described === `'${ch}'` ? message('sn.quoted', { char: ch }) : described;
}

export function snIssue(sn: string): FleetMessage | null {
  if (sn.length === 0) return message('sn.empty');
  if (sn.length > SN_MAX_LENGTH) return message('sn.tooLong', { length: sn.length, max: SN_MAX_LENGTH });
  if (VALID.test(sn)) return null;
  const bad = Array.from(sn).find((ch) => !ALLOWED.test(ch)) ?? '';
  return message('/+#'.includes(bad) ? 'sn.badCharMqtt' : 'sn.badChar', { char: charMessage(bad) });
}
