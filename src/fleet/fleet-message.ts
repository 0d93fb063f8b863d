/**
 * Texts the fleet's pure modules (SN checks, import parsing, add outcomes) hand to the screen: a
 * key of the 'fleet' namespace and its values, worded where they are shown (useMessageText), so a
 * language switch re-words them; englishText words them for the parsers' English strings.
 */
import { messagesOf, type Message, type MessageKey } from '../ui/i18n/message.ts';
import type { en } from './locales/en.ts';

/** A key of the 'fleet' namespace; plural keys without their _one/_other suffix. */
export type FleetKey = MessageKey<typeof en>;

export type FleetMessage = Message<'fleet', FleetKey>;

/** A message, or text shown as it is (device data, a browser's error message). */
export type FleetText = FleetMessage | string;

export const message = messagesOf<'fleet', typeof en>('fleet');
