import { FALLBACK_LANGUAGE, type Language } from './languages.ts';

/**
 * The language formatters use when the caller does not pass one. Kept apart from the i18next
 * instance so format.ts (and the feature format modules that re-export it) stay free of i18next
 * and work in node tests, where it is simply English.
 */
let current: Language = FALLBACK_LANGUAGE;

export function activeLanguage(): Language {
  return current;
}

export function setActiveLanguage(language: Language): void {
  current = language;
}
