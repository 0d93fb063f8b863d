import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../ui/badge';
import { Button } from '../ui/button';
import { useFormat } from '../ui/i18n/use-format';
import { ProgressBar } from '../ui/progress-bar';
import type { Firmware } from './firmware';
import type { PreflightResult } from './preflight-result';
import { useMessageText } from '../ui/i18n/message';
import { usePreflightOutcomeLabel } from './use-preflight-outcome-label';
import { usePreflight } from './use-preflight';

// Green only for a proven MD5: a matching size says the file is there, not that it is the right one.
function tone(result: Pick<PreflightResult, 'outcome' | 'mode'>): BadgeTone {
  if (result.outcome === 'ok') return result.mode === 'md5' ? 'success' : 'info';
  return result.outcome === 'unverifiable' ? 'warning' : 'danger';
}

/** The "Check" controls of one firmware and its latest pre-flight result. */
export function PreflightPanel({ firmware }: { firmware: Firmware }) {
  const { t } = useTranslation('firmware');
  const f = useFormat();
  const text = useMessageText();
  const outcomeLabel = usePreflightOutcomeLabel();
  const { result, running, progress, check, cancel } = usePreflight(firmware);
  const percent = progress && progress.total > 0 ? Math.floor((progress.bytes * 100) / progress.total) : 0;
  const fileName = firmware.fileName;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => check('size')} disabled={running} aria-label={t('preflight.checkLabel', { fileName })}>
          {t('preflight.check')}
        </Button>
        <Button onClick={() => check('md5')} disabled={running} aria-label={t('preflight.verifyLabel', { fileName })}>
          {t('preflight.verify')}
        </Button>
        {running ? (
          <Button variant="danger" onClick={cancel} aria-label={t('preflight.cancelLabel', { fileName })}>
            {t('preflight.cancel')}
          </Button>
        ) : null}
        {running && !progress ? <span className="text-sm text-slate-600">{t('preflight.checking')}</span> : null}
      </div>
      {running && progress ? (
        <ProgressBar
          label={t('preflight.progressLabel', { fileName })}
          value={percent}
          valueText={t('preflight.progressValue', { percent: f.percent(percent), fileName })}
        />
      ) : null}
      <div aria-live="polite" className="text-sm">
        {result ? (
          <p>
            <Badge tone={tone(result)}>{outcomeLabel(result)}</Badge> <span className="text-slate-700">{text(result.message)}</span>
          </p>
        ) : null}
      </div>
    </div>
  );
}
