import { messagesOf, type Message, type MessageKey } from '../ui/i18n/message.ts';
import type { en } from './locales/en.ts';

/** A text of the 'app' namespace (shell, settings, configuration notes), worded where it is shown. */
export type AppMessage = Message<'app', MessageKey<typeof en>>;

export const message = messagesOf<'app', typeof en>('app');
