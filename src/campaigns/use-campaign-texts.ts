import { useMemo } from 'react';
import { useMessageText } from '../ui/i18n/message.ts';
import { useProtocolLabels } from '../ui/i18n/protocol-labels.ts';
import type { PausedReason } from './campaign-types.ts';
import { campaignNameMessage, campaignTextsFor, pausedReasonMessage, type CampaignTexts, type NamedCampaign } from './campaign-texts.ts';

/** The campaign's words in the active language; re-renders the caller on a language switch. */
export interface CampaignViewTexts extends CampaignTexts {
  pausedReason(reason: PausedReason): string;
  /** The operator's name, or the automatic one in the active language. */
  name(campaign: NamedCampaign): string;
}

export function useCampaignTexts(): CampaignViewTexts {
  const say = useMessageText();
  const labels = useProtocolLabels();
  return useMemo(
    () => ({
      ...campaignTextsFor(say, labels),
      pausedReason: (reason: PausedReason) => say(pausedReasonMessage(reason)),
      name: (c: NamedCampaign) => say(campaignNameMessage(c)),
    }),
    [say, labels],
  );
}
