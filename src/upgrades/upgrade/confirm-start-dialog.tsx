import type { Firmware } from '../../firmware/firmware';
import type { CampaignPlan } from '../campaign-types';
import { ConfirmDialog } from '../../ui/confirm-dialog';

export interface ConfirmStartDialogProps {
  plan: CampaignPlan;
  /** The firmware the plan sends, with product names for the sentence. */
  firmware: readonly Firmware[];
  overridden: readonly string[];
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

function pauseText(plan: CampaignPlan): string {
  const rule = plan.pauseAfterFailures;
  if (rule === null) return 'never pause on failures';
  return 'count' in rule ? `pause after ${rule.count} failure${rule.count === 1 ? '' : 's'}` : `pause after ${rule.percent}% failures`;
}

/** States what is about to go out: the number of gateways, each firmware and its version. */
export function ConfirmStartDialog({ plan, firmware, overridden, error, onConfirm, onCancel }: ConfirmStartDialogProps) {
  const gateways = plan.items.length;
  const devices = plan.items.reduce((n, item) => n + item.devices.length, 0);
  return (
    <ConfirmDialog title="Start the upgrade?" onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        Upgrade {gateways} gateway{gateways === 1 ? '' : 's'} ({devices} device{devices === 1 ? '' : 's'}) with:
      </p>
      <ul className="list-disc pl-5">
        {firmware.map((f) => (
          <li key={f.key}>
            {f.productName} version {f.productVersion} ({f.fileName})
          </li>
        ))}
      </ul>
      <p>
        {plan.maxParallel === null ? 'No limit on parallel upgrades' : `At most ${plan.maxParallel} at once`}; {pauseText(plan)}
        {plan.canarySize === null ? '' : `; ${plan.canarySize} canary gateway${plan.canarySize === 1 ? '' : 's'} first`}.
      </p>
      {overridden.length > 0 ? <p className="font-medium text-red-800">Pre-flight mismatch overridden for {overridden.join(', ')}.</p> : null}
      {error !== null ? (
        <p role="alert" className="text-red-800">
          Could not start: {error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
