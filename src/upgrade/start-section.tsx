import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Firmware } from '../firmware/firmware';
import { isMismatch } from '../firmware/preflight-result';
import { useGatewaySns } from '../fleet/fleet-hooks';
import { CheckboxField } from '../ui/checkbox-field';
import { Button } from '../ui/button';
import { useMessageText } from '../ui/i18n/message';
import { useFormat } from '../ui/i18n/use-format';
import { useCampaignActions } from '../campaigns/campaign-hooks';
import { buildCampaignPlan } from './build-plan';
import { EMPTY_OPTIONS_TEXT, parseCampaignOptions, type CampaignOptionsText } from './campaign-options';
import { CampaignOptionsFields } from './campaign-options-fields';
import { CampaignTimingFields } from './campaign-timing-fields';
import { defaultTimingText, parseTiming, timingBlockedMessage, type TimingText } from './campaign-timing-options';
import { ConfirmStartDialog } from './confirm-start-dialog';
import { willSend, type OfferedUpgradeType } from './resolve-targets';
import { useSelected, useSelectionActions } from './selection-context';
import { startBlockedMessage } from './start-reason';
import { UpgradePreview } from './upgrade-preview';
import { usePreflightResults } from './use-preflight-results';
import { useResolutions } from './use-resolutions';

export interface StartSectionProps {
  chosen: readonly Firmware[];
  readOnly: boolean;
  /** Called with the new campaign's id once it is started and the selection cleared. */
  onStarted: (campaignId: string) => void;
}

/** Preview, campaign options, pre-flight gate and the Start upgrade -> Confirm flow. */
export function StartSection({ chosen, readOnly, onStarted }: StartSectionProps) {
  const gatewaySns = useGatewaySns();
  const selected = useSelected();
  const selection = useSelectionActions();
  const campaigns = useCampaignActions();
  const selectedSns = useMemo(() => gatewaySns.filter((sn) => selected.has(sn)), [gatewaySns, selected]);
  const [types, setTypes] = useState<ReadonlyMap<string, OfferedUpgradeType>>(() => new Map());
  const resolutions = useResolutions({ sns: selectedSns, chosen, types });
  const sendCount = resolutions.filter(willSend).length;
  const [optionsText, setOptionsText] = useState<CampaignOptionsText>(EMPTY_OPTIONS_TEXT);
  const parsed = parseCampaignOptions(optionsText, sendCount);
  const [timingText, setTimingText] = useState<TimingText>(() => defaultTimingText());
  const timing = parseTiming(timingText);
  const preflight = usePreflightResults(chosen);
  const [override, setOverride] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const reasonId = useId();
  const { t } = useTranslation('upgrades');
  const say = useMessageText();
  const format = useFormat();

  const mismatched = chosen.filter((_, i) => isMismatch(preflight[i]?.outcome ?? 'ok'));
  const unverifiable = chosen.filter((_, i) => preflight[i]?.outcome === 'unverifiable');
  const blocked = startBlockedMessage({
    readOnly,
    chosen,
    selectedCount: selectedSns.length,
    sendCount,
    options: parsed,
    preflight,
    override,
  });
  const timingBlocked = timingBlockedMessage(timing);
  const reason = blocked !== null ? say(blocked) : timingBlocked !== null ? say(timingBlocked) : null;
  const plan =
    parsed.options === null || sendCount === 0 || timing.timing === null
      ? null
      : { ...buildCampaignPlan(resolutions, parsed.options), timing: timing.timing };
  const usedFirmware = chosen.filter((f) => resolutions.some((r) => willSend(r) && r.targets.some((t) => t.firmware.key === f.key)));

  const onTypeChange = useCallback((sn: string, type: OfferedUpgradeType) => setTypes((prev) => new Map(prev).set(sn, type)), []);

  function confirm() {
    if (plan === null || reason !== null) return;
    let id: string;
    try {
      id = campaigns.start(plan);
    } catch (error) {
      setStartError(error instanceof Error ? error.message : String(error));
      return;
    }
    selection.clear();
    setConfirming(false);
    setTypes(new Map());
    setOverride(false);
    onStarted(id);
  }

  return (
    <>
      <UpgradePreview resolutions={resolutions} onTypeChange={onTypeChange} />
      <section aria-labelledby="upgrade-start-title" className="flex flex-col gap-3">
        <h2 id="upgrade-start-title" className="text-lg font-semibold">
          {t('start.title')}
        </h2>
        <CampaignOptionsFields text={optionsText} parsed={parsed} onChange={setOptionsText} />
        <CampaignTimingFields text={timingText} parsed={timing} onChange={setTimingText} />
        {unverifiable.length > 0 ? (
          <p className="text-sm text-amber-800">
            {t('start.unverifiable', {
              files: format.list(
                unverifiable.map((f) => f.fileName),
                'plain',
              ),
            })}
          </p>
        ) : null}
        {mismatched.length > 0 ? (
          <CheckboxField
            label={t('start.override')}
            hint={t('start.overrideHint', {
              files: format.list(
                mismatched.map((f) => f.fileName),
                'plain',
              ),
            })}
            checked={override}
            onChange={(e) => setOverride(e.target.checked)}
          />
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="primary"
            disabled={reason !== null}
            aria-describedby={reason !== null ? reasonId : undefined}
            onClick={() => {
              setStartError(null);
              setConfirming(true);
            }}
          >
            {t('start.button')}
          </Button>
          {reason !== null ? (
            <p id={reasonId} className="text-sm text-slate-700">
              {reason}
            </p>
          ) : null}
        </div>
      </section>
      {confirming && plan !== null && reason === null ? (
        <ConfirmStartDialog
          plan={plan}
          firmware={usedFirmware}
          overridden={override ? mismatched.map((f) => f.fileName) : []}
          error={startError}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </>
  );
}
