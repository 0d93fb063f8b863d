import { useTranslation } from 'react-i18next';
import { TextField } from '../ui/text-field';
import type { CampaignOptionsText, OptionsParse } from './campaign-options';
import { useMessageText } from '../ui/i18n/message';

export interface CampaignOptionsFieldsProps {
  text: CampaignOptionsText;
  parsed: OptionsParse;
  onChange: (text: CampaignOptionsText) => void;
}

/** Max parallel upgrades, the failure stop rule and the canary size; empty means no limit / off. */
export function CampaignOptionsFields({ text, parsed, onChange }: CampaignOptionsFieldsProps) {
  const { t } = useTranslation('upgrades');
  const say = useMessageText();
  const { errors } = parsed;
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 text-sm font-semibold">{t('options.legend')}</legend>
      <TextField
        label={t('options.maxParallel')}
        inputMode="numeric"
        value={text.maxParallel}
        onChange={(e) => onChange({ ...text, maxParallel: e.target.value })}
        hint={t('options.maxParallelHint')}
        error={errors.maxParallel === null ? null : say(errors.maxParallel)}
      />
      <TextField
        label={t('options.pauseAfterFailures')}
        value={text.pauseAfterFailures}
        onChange={(e) => onChange({ ...text, pauseAfterFailures: e.target.value })}
        hint={t('options.pauseAfterFailuresHint')}
        error={errors.pauseAfterFailures === null ? null : say(errors.pauseAfterFailures)}
      />
      <TextField
        label={t('options.canary')}
        inputMode="numeric"
        value={text.canary}
        onChange={(e) => onChange({ ...text, canary: e.target.value })}
        hint={t('options.canaryHint')}
        error={errors.canary === null ? null : say(errors.canary)}
      />
    </fieldset>
  );
}
