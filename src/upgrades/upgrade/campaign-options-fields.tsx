import { TextField } from '../../ui/text-field';
import type { CampaignOptionsText, OptionsParse } from './campaign-options';

export interface CampaignOptionsFieldsProps {
  text: CampaignOptionsText;
  parsed: OptionsParse;
  onChange: (text: CampaignOptionsText) => void;
}

/** Max parallel upgrades, the failure stop rule and the canary size; empty means no limit / off. */
export function CampaignOptionsFields({ text, parsed, onChange }: CampaignOptionsFieldsProps) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-3">
      <legend className="mb-1 text-sm font-semibold">Campaign options</legend>
      <TextField
        label="Max parallel upgrades"
        inputMode="numeric"
        value={text.maxParallel}
        onChange={(e) => onChange({ ...text, maxParallel: e.target.value })}
        hint="Empty: no limit."
        error={parsed.errors.maxParallel}
      />
      <TextField
        label="Pause after failures"
        value={text.pauseAfterFailures}
        onChange={(e) => onChange({ ...text, pauseAfterFailures: e.target.value })}
        hint="A number of failures, or a percent such as 10%. Empty: never pause."
        error={parsed.errors.pauseAfterFailures}
      />
      <TextField
        label="Canary gateways"
        inputMode="numeric"
        value={text.canary}
        onChange={(e) => onChange({ ...text, canary: e.target.value })}
        hint="Optional: upgrade this many first; the rest wait until they all succeed."
        error={parsed.errors.canary}
      />
    </fieldset>
  );
}
