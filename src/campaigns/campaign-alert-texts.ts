import type { i18n as I18n } from 'i18next';
import { FALLBACK_LANGUAGE, normalizeLanguage } from '../ui/i18n/languages.ts';
import { formattersFor } from '../ui/i18n/use-format.ts';
import type { AlertTexts } from './campaign-alerts.ts';
import { campaignNameText, pausedReasonText } from './campaign-texts.ts';

/**
 * The badge and notification words from an i18n instance (the app's, or a test's), read at the
 * moment they are shown: a notification goes out in the language the console is in when it fires.
 */
export function alertTextsFor(instance: I18n): AlertTexts {
  const current = () => {
    const language = normalizeLanguage(instance.language) ?? FALLBACK_LANGUAGE;
    return { t: instance.getFixedT(language, 'campaigns'), f: formattersFor(language) };
  };
  return {
    badge(badge) {
      if (badge === null) return '';
      const { t } = current();
      return badge.kind === 'paused' ? t('alerts.badgePaused', { count: badge.count }) : t('alerts.badgeFinished');
    },
    notification({ campaign, kind }) {
      const { t, f } = current();
      const name = campaignNameText(campaign, t);
      if (kind === 'finished') return { title: t('alerts.finishedTitle', { name }), body: t('alerts.finishedBody') };
      const body = campaign.pausedReason === null ? t('alerts.pausedBody') : pausedReasonText(campaign.pausedReason, t, f);
      return { title: t('alerts.pausedTitle', { name }), body };
    },
    onChange(listener) {
      instance.on('languageChanged', listener);
      return () => instance.off('languageChanged', listener);
    },
  };
}
