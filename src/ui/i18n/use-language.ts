import { useTranslation } from 'react-i18next';
import { isLanguage, FALLBACK_LANGUAGE, type Language } from './languages.ts';

/** The active language; the calling component re-renders when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return typeof lng === 'string' && isLanguage(lng) ? lng : FALLBACK_LANGUAGE;
}
