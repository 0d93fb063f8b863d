import { useTranslation } from 'react-i18next';
import type { Firmware } from '../firmware/firmware';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { useFormat } from '../ui/i18n/use-format';
import { UNGROUPED } from './ungrouped';
import type { CampaignPlan } from '../campaigns/campaign-types';

export interface ConfirmStartDialogProps {
  plan: CampaignPlan;
  /** The firmware the plan sends, with product names for the sentence. */
  firmware: readonly Firmware[];
  overridden: readonly string[];
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** States what is about to go out: the number of gateways, each firmware and its version. */
export function ConfirmStartDialog({ plan, firmware, overridden, error, onConfirm, onCancel }: ConfirmStartDialogProps) {
  const { t } = useTranslation('upgrades');
  const f = useFormat();
  const gateways = plan.items.length;
  const devices = plan.items.reduce((n, item) => n + item.devices.length, 0);
  const rule = plan.pauseAfterFailures;
  const pause =
    rule === null
      ? t('confirm.neverPause')
      : 'count' in rule
        ? t('confirm.pauseAfterCount', { count: rule.count, n: f.number(rule.count, UNGROUPED) })
        : t('confirm.pauseAfterPercent', { percent: f.percent(rule.percent) });
  const parallel =
    plan.maxParallel === null ? t('confirm.noParallelLimit') : t('confirm.atMostParallel', { max: f.number(plan.maxParallel, UNGROUPED) });
  return (
    <ConfirmDialog title={t('confirm.title')} onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        {t('confirm.intro', {
          gateways: t('confirm.gateways', { count: gateways, n: f.number(gateways, UNGROUPED) }),
          devices: t('confirm.devices', { count: devices, n: f.number(devices, UNGROUPED) }),
        })}
      </p>
      <ul className="list-disc pl-5">
        {firmware.map((fw) => (
          <li key={fw.key}>{t('confirm.firmware', { product: fw.productName, version: fw.productVersion, file: fw.fileName })}</li>
        ))}
      </ul>
      <p>
        {plan.canarySize === null
          ? t('confirm.limits', { parallel, pause })
          : t('confirm.limitsWithCanary', {
              parallel,
              pause,
              canary: t('confirm.canaryFirst', { count: plan.canarySize, n: f.number(plan.canarySize, UNGROUPED) }),
            })}
      </p>
      {overridden.length > 0 ? (
        <p className="font-medium text-red-800">{t('confirm.overridden', { files: f.list(overridden, 'plain') })}</p>
      ) : null}
      {error !== null ? (
        <p role="alert" className="text-red-800">
          {t('confirm.error', { error })}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
