import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProtocolLabels } from '../ui/i18n/protocol-labels.ts';
import { useFormat } from '../ui/i18n/use-format.ts';
import type { Campaign, PausedReason } from './campaign-types.ts';
import { campaignNameText, campaignTextsFor, pausedReasonText, type CampaignTexts } from './campaign-texts.ts';

/** The campaign's words in the active language; re-renders the caller on a language switch. */
export interface CampaignViewTexts extends CampaignTexts {
  pausedReason(reason: PausedReason): string;
  name(campaign: Pick<Campaign, 'firmware' | 'gateways'>): string;
}

export function useCampaignTexts(): CampaignViewTexts {
  const { t } = useTranslation('campaigns');
  const labels = useProtocolLabels();
  const f = useFormat();
  return useMemo(
    () => ({ ...campaignTextsFor(t, labels), pausedReason: (reason: PausedReason) => pausedReasonText(reason, t, f), name: (c: Pick<Campaign, 'firmware' | 'gateways'>) => campaignNameText(c, t) }),
    [t, labels, f],
  );
}
