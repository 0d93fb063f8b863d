import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setActiveLanguage } from './active-language.ts';
import {
  chooseLanguage,
  FALLBACK_LANGUAGE,
  LANGUAGE_STORAGE_KEY,
  NAMESPACES,
  SUPPORTED_LANGUAGES,
  type Language,
  type LanguageChoice,
  type Namespace,
} from './languages.ts';

/** The console's one i18next instance; react-i18next's hooks read it. */
export const i18n = i18next.createInstance();

/** Every namespace of one language, as the app's aggregators (src/app/i18n-resources.*.ts) build it. */
export type LanguageBundle = Readonly<Record<Namespace, object>>;

/** How each non-English language arrives: a dynamic import, so English users never download it. */
export type LanguageLoaders = Partial<Record<Exclude<Language, 'en'>, () => Promise<LanguageBundle>>>;

let loaders: LanguageLoaders = {};
let storage: Storage | null = null;
let initialChoice: LanguageChoice | null = null;

function addBundle(language: Language, bundle: LanguageBundle): void {
  for (const ns of NAMESPACES) i18n.addResourceBundle(language, ns, bundle[ns], true, true);
}

function applyToDocument(language: Language): void {
  setActiveLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Synchronous start in English with every English namespace registered, so the first render (and
 * every component test) has its strings without waiting. The app then calls applyInitialLanguage.
 */
export function initI18n(options: { en: LanguageBundle; loaders: LanguageLoaders; storage: Storage | null }): void {
  loaders = options.loaders;
  storage = options.storage;
  // A fresh set-up has not chosen yet; test files share this module and must not see another's choice.
  initialChoice = null;
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      lng: FALLBACK_LANGUAGE,
      fallbackLng: FALLBACK_LANGUAGE,
      supportedLngs: [...SUPPORTED_LANGUAGES],
      load: 'currentOnly',
      ns: [...NAMESPACES],
      defaultNS: 'common',
      resources: {},
      initAsync: false,
      returnNull: false,
      // React escapes what it renders; escaping here too would show "&amp;" on screen.
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
  }
  addBundle('en', options.en);
  applyToDocument(FALLBACK_LANGUAGE);
}

function isLoaded(language: Language): boolean {
  return NAMESPACES.every((ns) => i18n.hasResourceBundle(language, ns));
}

/**
 * Loads the language's strings if needed, switches every mounted component to it, and sets
 * `<html lang>`. `persist: false` for choices that are not the user's (the URL, the browser).
 * Rejects when the strings cannot be loaded (a stale deployment missing the chunk): the language
 * stays as it was.
 */
export async function setLanguage(language: Language, { persist = true }: { persist?: boolean } = {}): Promise<void> {
  if (!isLoaded(language)) {
    const load = language === 'en' ? undefined : loaders[language];
    if (load === undefined) throw new Error(`No strings registered for ${language}`);
    addBundle(language, await load());
  }
  await i18n.changeLanguage(language);
  applyToDocument(language);
  if (persist) {
    try {
      storage?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage full or refused (private mode): the switch still applies to this tab.
    }
  }
}

function savedLanguage(): string | null {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** `?lang=`, then the saved choice, then the browser, then English; resolves once the strings are in. */
export async function applyInitialLanguage(inputs: { search: string; browser: readonly string[] }): Promise<LanguageChoice> {
  const choice = chooseLanguage({ ...inputs, saved: savedLanguage() });
  initialChoice = choice;
  if (choice.language !== i18n.language) {
    try {
      await setLanguage(choice.language, { persist: false });
    } catch {
      initialChoice = { ...choice, language: FALLBACK_LANGUAGE };
    }
  }
  return initialChoice;
}

/** What the start-up decided, e.g. to show that `?lang=xx` was not a language we ship. */
export function initialLanguageChoice(): LanguageChoice | null {
  return initialChoice;
}
