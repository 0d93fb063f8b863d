import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../ui/i18n/i18n';
import { isLanguage, LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '../../ui/i18n/languages';
import { useLanguage } from '../../ui/i18n/use-language';

/** The Settings "Language" select: switches at once and is remembered on this device. */
export function LanguageSwitch() {
  const { t } = useTranslation('app');
  const language = useLanguage();
  const id = useId();
  const [failure, setFailure] = useState<string | null>(null);

  function choose(value: string) {
    if (!isLanguage(value)) return;
    setFailure(null);
    setLanguage(value).catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex max-w-xl flex-col gap-1">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t('language.heading')}
      </h2>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={language}
        aria-describedby={`${id}-hint`}
        onChange={(e) => choose(e.target.value)}
        className="w-56 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {SUPPORTED_LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {t('language.hint')}
      </p>
      {failure === null ? null : (
        <p role="alert" className="text-sm text-red-700">
          {t('language.loadFailed', { message: failure })}
        </p>
      )}
    </section>
  );
}
