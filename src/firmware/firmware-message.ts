import { messagesOf, type Message, type MessageKey } from '../ui/i18n/message.ts';
import type { en } from './locales/en.ts';

/** A text of the 'firmware' namespace, e.g. 'preflight.detail.sizeOk'. */
export type FirmwareKey = MessageKey<typeof en>;

/** A sentence chosen by a pure module (validation, catalog, pre-flight), worded where it is shown. */
export type FirmwareMessage = Message<'firmware', FirmwareKey>;

export const message = messagesOf<'firmware', typeof en>('firmware');
