import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseTheme, isThemeChoice, THEME_CHOICES, useThemeChoice } from '../../ui/theme/theme';

/** The Settings "Theme" select: light, dark or the system's; switches at once and is remembered on this device. */
export function ThemeSwitch() {
  const { t } = useTranslation('app');
  const choice = useThemeChoice();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="flex max-w-xl flex-col gap-1">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t('theme.heading')}
      </h2>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t('theme.label')}
      </label>
      <select
        id={id}
        value={choice}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          if (isThemeChoice(e.target.value)) chooseTheme(e.target.value);
        }}
        className="w-56 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {t(`theme.${value}`)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {t('theme.hint')}
      </p>
    </section>
  );
}
