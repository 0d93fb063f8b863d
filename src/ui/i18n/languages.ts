/** The languages the console ships, in the order the Settings switch lists them. */
export const SUPPORTED_LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const FALLBACK_LANGUAGE: Language = 'en';

/**
 * One namespace per folder, its strings in that folder's locales/{en,zh-CN}.ts: 'common' is src/ui's,
 * 'protocol' src/ui/i18n/protocol's, 'upgrades' src/upgrade's, each other one the folder of its name
 * (src/app/i18n-resources.*.ts gathers them).
 */
export const NAMESPACES = [
  'common',
  'protocol',
  'app',
  'fleet',
  'firmware',
  'upgrades',
  'tasks',
  'campaigns',
  'monitor',
  'kiosk',
  'diagnostics',
  'dock',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Names shown in the language switch, each in its own language so a lost operator can find theirs. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '简体中文' };

export const LANGUAGE_STORAGE_KEY = 'ota-console:language';

/**
 * A BCP 47 tag to a shipped language, or null. Any Chinese written in simplified characters maps to
 * zh-CN (zh, zh-Hans, zh-SG, zh-Hans-HK); traditional (zh-TW, zh-HK, zh-Hant) does not: we ship no
 * traditional script and mainland wording would be a worse guess than English for a settings
 * screen an operator can still read.
 */
export function normalizeLanguage(tag: string): Language | null {
  const t = tag.trim().toLowerCase().replaceAll('_', '-');
  if (t === '') return null;
  const [primary, ...rest] = t.split('-');
  if (primary === 'en') return 'en';
  if (primary !== 'zh') return null;
  if (rest.includes('hant') || (!rest.includes('hans') && (rest.includes('tw') || rest.includes('hk') || rest.includes('mo')))) return null;
  return 'zh-CN';
}

export function isLanguage(value: string): value is Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export interface LanguageInputs {
  /** `location.search`: `?lang=` wins over everything. */
  search: string;
  /** The choice saved by the Settings switch, if any. */
  saved: string | null;
  /** `navigator.languages`, most preferred first. */
  browser: readonly string[];
}

export interface LanguageChoice {
  language: Language;
  from: 'url' | 'saved' | 'browser' | 'default';
  /** Set when `?lang=` named a language we do not ship: the page says so instead of ignoring it silently. */
  rejectedUrlValue: string | null;
}

/** `?lang=`, then the saved choice, then the browser's languages, then English. */
export function chooseLanguage({ search, saved, browser }: LanguageInputs): LanguageChoice {
  const requested = new URLSearchParams(search).get('lang');
  let rejectedUrlValue: string | null = null;
  if (requested !== null) {
    const fromUrl = normalizeLanguage(requested);
    if (fromUrl !== null) return { language: fromUrl, from: 'url', rejectedUrlValue };
    rejectedUrlValue = requested;
  }
  if (saved !== null && isLanguage(saved)) return { language: saved, from: 'saved', rejectedUrlValue };
  for (const tag of browser) {
    const language = normalizeLanguage(tag);
    if (language !== null) return { language, from: 'browser', rejectedUrlValue };
  }
  return { language: FALLBACK_LANGUAGE, from: 'default', rejectedUrlValue };
}
