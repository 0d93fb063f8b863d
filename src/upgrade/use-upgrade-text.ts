import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMessage, type Message, type Translate } from './upgrade-message.ts';

/** Renders the pure modules' messages in the active language; re-renders the caller on a switch. */
export function useUpgradeText(): (msg: Message) => string {
  const { t } = useTranslation('upgrades');
  return useCallback(
    (msg: Message) => {
      // The key is typed (UpgradesKey); i18next's per-key value typing cannot follow a key chosen at
      // run time, so the values are passed as the flat record the message builders made.
      const translate = t as unknown as Translate;
      return renderMessage(msg, translate);
    },
    [t],
  );
}

/** Counts on this screen are shown ungrouped ("1003 of 1003 selected"), as they always were. */
export const UNGROUPED: Intl.NumberFormatOptions = { useGrouping: false };
