import { useTranslation } from 'react-i18next';
import { initialLanguageChoice } from '../ui/i18n/i18n';
import { LANGUAGE_NAMES } from '../ui/i18n/languages';
import { useLanguage } from '../ui/i18n/use-language';
import { DEFAULT_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, type KioskNote } from './kiosk-params';

/**
 * The board's notes on refused URL values, in the active language. A `?lang=` the console does not
 * ship is noted here too: the wallboard has no operator shell to show the console's own note.
 */
export function useKioskNotes(notes: readonly KioskNote[]): string[] {
  const { t } = useTranslation('kiosk');
  const language = useLanguage();
  const lines: string[] = notes.map((note) => {
    const problem = note.problems
      .map((p) => t(`problem.${p}`, { min: MIN_INTERVAL_SECONDS, max: MAX_INTERVAL_SECONDS }))
      .join(t('notes.joiner'));
    return t(`notes.${note.param}`, { value: note.value, problem, seconds: DEFAULT_INTERVAL_SECONDS });
  });
  const rejectedLang = initialLanguageChoice()?.rejectedUrlValue ?? null;
  if (rejectedLang !== null) lines.push(t('notes.lang', { value: rejectedLang, language: LANGUAGE_NAMES[language] }));
  return lines;
}
