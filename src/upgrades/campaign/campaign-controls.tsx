import { useState } from 'react';
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
  const open = campaign.state === 'running' || campaign.state === 'paused';
  if (readOnly) return <p className="text-sm text-slate-600">Campaigns cannot be changed here.</p>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {campaign.state === 'running' ? <Button onClick={onPause}>Pause</Button> : null}
      {campaign.state === 'paused' ? (
        <Button variant="primary" onClick={onResume}>
          Resume
        </Button>
      ) : null}
      {hasFailed && campaign.state !== 'aborted' ? <Button onClick={onRetryFailed}>Retry failed</Button> : null}
      {open && !confirmAbort ? (
        <Button variant="danger" onClick={() => setConfirmAbort(true)}>
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
          <Button onClick={() => setConfirmAbort(false)}>Keep it</Button>
        </div>
      ) : null}
    </div>
  );
}
