import { useTranslation } from 'react-i18next';
import { initialLanguageChoice } from '../ui/i18n/i18n';

/** `?lang=xx` for a language we do not ship says so, rather than silently showing another language. */
export function LanguageNote() {
  const { t } = useTranslation('app');
  const rejected = initialLanguageChoice()?.rejectedUrlValue ?? null;
  if (rejected === null) return null;
  return (
    <p role="note" className="border-b border-slate-200 bg-white px-4 py-1 text-sm text-slate-700">
      {t('language.unknownInUrl', { value: rejected })}
    </p>
  );
}
