import type { i18n as I18n } from 'i18next';
import { FALLBACK_LANGUAGE, normalizeLanguage } from '../ui/i18n/languages.ts';
import { renderMessage } from '../ui/i18n/message.ts';
import type { AlertTexts } from './campaign-alerts.ts';
import { campaignNameMessage, message, pausedReasonMessage, type CampaignMessage } from './campaign-texts.ts';

/**
 * The badge and notification words from an i18n instance (the app's, or a test's), read at the
 * moment they are shown: a notification goes out in the language the console is in when it fires.
 */
export function alertTextsFor(instance: I18n): AlertTexts {
  const say = (text: CampaignMessage | string) =>
    typeof text === 'string' ? text : renderMessage(text, normalizeLanguage(instance.language) ?? FALLBACK_LANGUAGE, instance);
  return {
    badge(badge) {
      if (badge === null) return '';
      return say(badge.kind === 'paused' ? message('alerts.badgePaused', { count: badge.count }) : message('alerts.badgeFinished'));
    },
    notification({ campaign, kind }) {
      const name = campaignNameMessage(campaign);
      if (kind === 'finished') return { title: say(message('alerts.finishedTitle', { name })), body: say(message('alerts.finishedBody')) };
      const body = campaign.pausedReason === null ? message('alerts.pausedBody') : pausedReasonMessage(campaign.pausedReason);
      return { title: say(message('alerts.pausedTitle', { name })), body: say(body) };
    },
    onChange(listener) {
      instance.on('languageChanged', listener);
      return () => instance.off('languageChanged', listener);
    },
  };
}
