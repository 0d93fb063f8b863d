import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Firmware } from '../firmware/firmware';
import { isMismatch } from '../firmware/preflight-result';
import { CheckboxField } from '../ui/checkbox-field';
import { Button } from '../ui/button';
import { useMessageText } from '../ui/i18n/message';
import { useFormat } from '../ui/i18n/use-format';
import { useCampaignActions } from '../campaigns/campaign-hooks';
import { buildCampaignPlan } from './build-plan';
import { EMPTY_OPTIONS_TEXT, parseCampaignOptions, type CampaignOptionsText } from './campaign-options';
import { CampaignOptionsFields } from './campaign-options-fields';
import { CampaignNameField } from './campaign-name-field';
import { CampaignTimingFields } from './campaign-timing-fields';
import { defaultTimingText, parseTiming, timingBlockedMessage, type TimingText } from './campaign-timing-options';
import { ConfirmStartDialog } from './confirm-start-dialog';
import { willSend, type GatewayResolution } from './resolve-targets';
import { useSelectionActions } from './selection-context';
import { startBlockedMessage } from './start-reason';
import { UNGROUPED } from './ungrouped';
import { usePreflightResults } from './use-preflight-results';

export interface StartSectionProps {
  chosen: readonly Firmware[];
  readOnly: boolean;
  /** How many known gateways are ticked. */
  selectedCount: number;
  /** What each ticked gateway would get (or why not), in display order. */
  resolutions: readonly GatewayResolution[];
  /** Called with the new campaign's id once it is started and the selection cleared. */
  onStarted: (campaignId: string) => void;
}

/** The summary, campaign options, pre-flight gate and the Start upgrade -> Confirm flow. */
export function StartSection({ chosen, readOnly, selectedCount, resolutions, onStarted }: StartSectionProps) {
  const selection = useSelectionActions();
  const campaigns = useCampaignActions();
  const sending = resolutions.filter(willSend);
  const sendCount = sending.length;
  const deviceCount = sending.reduce((n, r) => n + r.targets.length, 0);
  const skippedCount = resolutions.length - sendCount;
  const [optionsText, setOptionsText] = useState<CampaignOptionsText>(EMPTY_OPTIONS_TEXT);
  const [campaignName, setCampaignName] = useState('');
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
    selectedCount,
    sendCount,
    options: parsed,
    preflight,
    override,
  });
  const timingBlocked = timingBlockedMessage(timing);
  const timingParts = [
    timingText.windowOn ? t('timing.windowOn') : null,
    timingText.notBefore !== '' ? t('timing.notBefore') : null,
    timingText.gate ? t('timing.gate') : null,
  ].filter((part) => part !== null);
  const timingState = timingParts.length === 0 ? t('aside.timingNone') : format.list(timingParts, 'plain');
  const reason = blocked !== null ? say(blocked) : timingBlocked !== null ? say(timingBlocked) : null;
  const plan =
    parsed.options === null || sendCount === 0 || timing.timing === null
      ? null
      : { ...buildCampaignPlan(resolutions, parsed.options), timing: timing.timing, name: campaignName };
  const usedFirmware = chosen.filter((f) => resolutions.some((r) => willSend(r) && r.targets.some((t) => t.firmware.key === f.key)));

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
    setOverride(false);
    setCampaignName('');
    onStarted(id);
  }

  return (
    <>
      <section aria-labelledby="upgrade-start-title" className="flex flex-col gap-3 rounded border border-slate-200 bg-white p-4">
        <h2 id="upgrade-start-title" className="text-lg font-semibold">
          {t('start.title')}
        </h2>
        <p className="text-sm text-slate-700" aria-live="polite">
          {t('preview.summary', {
            sends: format.number(sendCount, UNGROUPED),
            devices: t('preview.devices', { count: deviceCount, n: format.number(deviceCount, UNGROUPED) }),
            skipped: t('preview.skippedGateways', { count: skippedCount, n: format.number(skippedCount, UNGROUPED) }),
          })}
        </p>
        <CampaignNameField value={campaignName} onChange={setCampaignName} plan={plan} />
        <CampaignOptionsFields text={optionsText} parsed={parsed} onChange={setOptionsText} />
        {/* Folded (details on demand) so the summary and Start fit one screen; opens itself on an error. */}
        <details open={timingBlocked !== null ? true : undefined} className="rounded border border-slate-200 px-3 py-2">
          <summary className="cursor-pointer text-sm font-semibold">
            {t('aside.timingSummary', { legend: t('timing.legend'), state: timingState })}
          </summary>
          <div className="pt-2">
            <CampaignTimingFields text={timingText} parsed={timing} onChange={setTimingText} />
          </div>
        </details>
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
