import type { Translation } from '../../ui/i18n/translation-type.ts';
import type { en } from './en.ts';

/** The 'upgrades' namespace in Simplified Chinese: exactly the keys of en.ts. */
export const zhCN: Translation<typeof en> = {};
