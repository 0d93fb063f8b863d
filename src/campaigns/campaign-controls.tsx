import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import type { Campaign } from './campaign-types';

export interface CampaignControlsProps {
  campaign: Campaign;
  hasFailed: boolean;
  readOnly: boolean;
  onPause(): void;
  onResume(): void;
  onAbort(): void;
  onRetryFailed(): void;
}

/** Pause / Resume, Abort (asks once: it cannot be undone) and Retry failed. */
export function CampaignControls({ campaign, hasFailed, readOnly, onPause, onResume, onAbort, onRetryFailed }: CampaignControlsProps) {
  const { t } = useTranslation('campaigns');
  const [confirmAbort, setConfirmAbort] = useState(false);
  const abortButton = useRef<HTMLButtonElement>(null);
  const open = campaign.state === 'running' || campaign.state === 'paused';
  if (readOnly) return <p className="text-sm text-slate-600">{t('controls.readOnly')}</p>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {/* One button that changes its label, so keyboard focus stays on it across Pause/Resume. */}
      {open ? (
        <Button variant={campaign.state === 'paused' ? 'primary' : 'secondary'} onClick={campaign.state === 'paused' ? onResume : onPause}>
          {campaign.state === 'paused' ? t('controls.resume') : t('controls.pause')}
        </Button>
      ) : null}
      {hasFailed && campaign.state !== 'aborted' ? <Button onClick={onRetryFailed}>{t('controls.retryFailed')}</Button> : null}
      {open && !confirmAbort ? (
        <Button ref={abortButton} variant="danger" onClick={() => setConfirmAbort(true)}>
          {t('controls.abort')}
        </Button>
      ) : null}
      {open && confirmAbort ? (
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
