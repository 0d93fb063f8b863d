import { useTranslation } from 'react-i18next';
import { useMessageText } from '../ui/i18n/message';
import { TextField } from '../ui/text-field';
import { MAX_CAMPAIGN_NAME } from '../campaigns/campaign-name';
import { automaticNameMessage } from '../campaigns/campaign-texts';
import type { CampaignPlan } from '../campaigns/campaign-types';

export interface CampaignNameFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The plan as it stands, to show the automatic name an empty field gives; null while there is none. */
  plan: Pick<CampaignPlan, 'firmware' | 'items'> | null;
  className?: string;
}

/**
 * The optional "Campaign name" input (accessible name "Campaign name"); its hint shows the name the
 * campaign gets when it is left empty. Self-contained so the Upgrade layout can place it anywhere.
 */
export function CampaignNameField({ value, onChange, plan, className }: CampaignNameFieldProps) {
  const { t } = useTranslation('upgrades');
  const say = useMessageText();
  const hint =
    plan === null
      ? t('campaignName.hintNoPlan')
      : t('campaignName.hint', { automatic: say(automaticNameMessage(plan.firmware, plan.items.length)) });
  return (
    <TextField
      label={t('campaignName.label')}
      value={value}
      maxLength={MAX_CAMPAIGN_NAME}
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
      hint={hint}
      {...(className === undefined ? {} : { className })}
    />
  );
}
