/**
 * Texts of the Upgrade screen's pure modules (skip reasons, start reasons, option errors) as data:
 * a key of the 'upgrades' namespace and its values, worded where they are shown. Values may be
 * messages or lists themselves, so a sentence is translated as a whole and never glued from parts.
 */
import { messagesOf, type Message, type MessageKey } from '../ui/i18n/message.ts';
import type { en } from './locales/en.ts';

/** Every key of the 'upgrades' namespace (plural keys by their base name). */
export type UpgradesKey = MessageKey<typeof en>;

export type UpgradeMessage = Message<'upgrades', UpgradesKey>;

export const message = messagesOf<'upgrades', typeof en>('upgrades');
