import { useRef, useState } from 'react';
import { Button } from '../../ui/button';
import type { Campaign } from '../campaign-types';

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
  const [confirmAbort, setConfirmAbort] = useState(false);
  const abortButton = useRef<HTMLButtonElement>(null);
  const open = campaign.state === 'running' || campaign.state === 'paused';
  if (readOnly) return <p className="text-sm text-slate-600">Campaigns cannot be changed here.</p>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {/* One button that changes its label, so keyboard focus stays on it across Pause/Resume. */}
      {open ? (
        <Button variant={campaign.state === 'paused' ? 'primary' : 'secondary'} onClick={campaign.state === 'paused' ? onResume : onPause}>
          {campaign.state === 'paused' ? 'Resume' : 'Pause'}
        </Button>
      ) : null}
      {hasFailed && campaign.state !== 'aborted' ? <Button onClick={onRetryFailed}>Retry failed</Button> : null}
      {open && !confirmAbort ? (
        <Button ref={abortButton} variant="danger" onClick={() => setConfirmAbort(true)}>
          Abort
        </Button>
      ) : null}
      {open && confirmAbort ? (
        <div role="group" aria-label="Confirm abort" className="flex flex-wrap items-center gap-2 rounded border border-red-300 bg-red-50 px-2 py-1">
          <span className="text-sm">No new upgrades will be sent; upgrades already running go on.</span>
          <Button
            variant="danger"
            onClick={() => {
              setConfirmAbort(false);
              onAbort();
            }}
          >
            Abort campaign
          </Button>
          {/* Focus lands on the safe choice; keeping the campaign gives focus back to Abort. */}
          <Button
            autoFocus
            onClick={() => {
              setConfirmAbort(false);
              requestAnimationFrame(() => abortButton.current?.focus());
            }}
          >
            Keep it
          </Button>
        </div>
      ) : null}
    </div>
  );
}
