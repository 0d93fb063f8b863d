import { FALLBACK_LANGUAGE, type Language } from './languages.ts';

/**
 * The language formatters and messages use when the caller does not pass one: the language the
 * console shows, set by setLanguage once its strings are loaded (English until then, and in tests).
 */
let current: Language = FALLBACK_LANGUAGE;

export function activeLanguage(): Language {
  return current;
}

export function setActiveLanguage(language: Language): void {
  current = language;
}
