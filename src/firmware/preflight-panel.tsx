import { Badge, type BadgeTone } from '../ui/badge';
import { Button } from '../ui/button';
import { ProgressBar } from '../ui/progress-bar';
import type { Firmware } from './firmware';
import { PREFLIGHT_OUTCOME_LABEL, type PreflightOutcome } from './preflight-result';
import { usePreflight } from './use-preflight';

const TONE: Record<PreflightOutcome, BadgeTone> = {
  ok: 'success',
  'size-mismatch': 'danger',
  'md5-mismatch': 'danger',
  unverifiable: 'warning',
};

/** The "Check" controls of one firmware and its latest pre-flight result. */
export function PreflightPanel({ firmware }: { firmware: Firmware }) {
  const { result, running, progress, check, cancel } = usePreflight(firmware);
  const percent = progress && progress.total > 0 ? Math.floor((progress.bytes * 100) / progress.total) : 0;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => check('size')} disabled={running} aria-label={`Check ${firmware.fileName}`}>
          Check
        </Button>
        <Button onClick={() => check('md5')} disabled={running} aria-label={`Download and verify MD5 of ${firmware.fileName}`}>
          Download and verify MD5
        </Button>
        {running ? (
          <Button variant="danger" onClick={cancel} aria-label={`Cancel check of ${firmware.fileName}`}>
            Cancel
          </Button>
        ) : null}
        {running && !progress ? <span className="text-sm text-slate-600">Checking…</span> : null}
      </div>
      {running && progress ? (
        <ProgressBar label={`Downloading ${firmware.fileName}`} value={percent} valueText={`${percent}% of ${firmware.fileName} downloaded`} />
      ) : null}
      <div aria-live="polite" className="text-sm">
        {result ? (
          <p>
            <Badge tone={TONE[result.outcome]}>{PREFLIGHT_OUTCOME_LABEL[result.outcome]}</Badge>{' '}
            <span className="text-slate-700">{result.detail}</span>
          </p>
        ) : null}
      </div>
    </div>
  );
}
