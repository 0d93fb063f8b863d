import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { campaignControlReasonKey, type CampaignControlPermission } from './campaign-permission';
import type { Campaign } from './campaign-types';

export interface CampaignControlsProps {
  campaign: Campaign;
  hasFailed: boolean;
  /** Whether this console may change the campaign (campaign-permission.ts); when not, the buttons are disabled with the reason. */
  permission: CampaignControlPermission;
  /** Set on the element that says why the controls are disabled, so other controls (the table's Retry) can point at it. */
  reasonId?: string;
  onPause(): void;
  onResume(): void;
  onAbort(): void;
  onRetryFailed(): void;
}

/**
 * Pause / Resume, Abort (asks once: it cannot be undone) and Retry failed. A console that may not
 * change the campaign shows them disabled, each described by the reason shown beside them.
 */
export function CampaignControls(props: CampaignControlsProps) {
  const { campaign, hasFailed, permission, onPause, onResume, onAbort, onRetryFailed } = props;
  const { t } = useTranslation('campaigns');
  const [confirmAbort, setConfirmAbort] = useState(false);
  const abortButton = useRef<HTMLButtonElement>(null);
  const ownId = useId();
  const reasonId = props.reasonId ?? ownId;
  const open = campaign.state === 'running' || campaign.state === 'paused';
  const retry = hasFailed && campaign.state !== 'aborted';
  const blocked =
    permission.allowed || (!open && !retry) ? null : t(campaignControlReasonKey(permission.block), { reason: permission.detail ?? '' });
  const why = blocked === null ? {} : { disabled: true, 'aria-describedby': reasonId };
  return (
    <div className="flex flex-wrap items-center gap-2">
      {/* One button that changes its label, so keyboard focus stays on it across Pause/Resume. */}
      {open ? (
        <Button
          variant={campaign.state === 'paused' ? 'primary' : 'secondary'}
          onClick={campaign.state === 'paused' ? onResume : onPause}
          {...why}
        >
          {campaign.state === 'paused' ? t('controls.resume') : t('controls.pause')}
        </Button>
      ) : null}
      {retry ? (
        <Button onClick={onRetryFailed} {...why}>
          {t('controls.retryFailed')}
        </Button>
      ) : null}
      {open && (!confirmAbort || blocked !== null) ? (
        <Button ref={abortButton} variant="danger" onClick={() => setConfirmAbort(true)} {...why}>
          {t('controls.abort')}
        </Button>
      ) : null}
      {blocked !== null ? (
        <p id={reasonId} className="text-sm text-slate-700">
          {blocked}
        </p>
      ) : null}
      {open && confirmAbort && blocked === null ? (
        <div
          role="group"
          aria-label={t('controls.confirmLabel')}
          className="flex flex-wrap items-center gap-2 rounded border border-red-300 bg-red-50 px-2 py-1"
        >
          <span className="text-sm">{t('controls.confirmText')}</span>
          <Button
            variant="danger"
            onClick={() => {
              setConfirmAbort(false);
              onAbort();
            }}
          >
            {t('controls.confirmAbort')}
          </Button>
          {/* Focus lands on the safe choice; keeping the campaign gives focus back to Abort. */}
          <Button
            autoFocus
            onClick={() => {
              setConfirmAbort(false);
              requestAnimationFrame(() => abortButton.current?.focus());
            }}
          >
            {t('controls.keep')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
