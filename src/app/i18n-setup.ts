import { applyInitialLanguage, initI18n } from '../ui/i18n/i18n.ts';
import { loadChineseFont } from './chinese-font.ts';
import { enResources } from './i18n-resources.en.ts';

function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw on access when storage is blocked.
    return null;
  }
}

/** Registers the strings: English now, Simplified Chinese as its own chunk when first needed. */
export function setUpI18n(storage: Storage | null = localStorageOrNull()): void {
  initI18n({
    en: enResources,
    loaders: {
      'zh-CN': () => {
        // The font is not waited for: the text shows at once and takes the font when it arrives.
        loadChineseFont().catch(() => undefined);
        return import('./i18n-resources.zh-CN.ts').then((m) => m.zhCNResources);
      },
    },
    storage,
  });
}

/** Start-up: the language from the URL, the saved choice or the browser, loaded before the first render. */
export function startI18n(): Promise<unknown> {
  setUpI18n();
  return applyInitialLanguage({ search: window.location.search, browser: navigator.languages ?? [navigator.language] });
}
