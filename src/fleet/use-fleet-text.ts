import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMessage, type FleetText } from './fleet-message.ts';

/**
 * Translates a FleetText in the active language; the component re-renders on a language switch.
 * Read from the loaded 'fleet' bundle: t() is typed per literal key and cannot take the key union.
 */
export function useFleetText(): (text: FleetText) => string {
  const { i18n } = useTranslation('fleet');
  const lang = i18n.language;
  return useCallback(
    (text: FleetText) => {
      if (typeof text === 'string') return text;
      const lookup = (path: string) => {
        const value: unknown = i18n.getResource(lang, 'fleet', path);
        return typeof value === 'string' ? value : undefined;
      };
      return renderMessage(text, lookup, lang);
    },
    [i18n, lang],
  );
}
