import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { modelLabel } from '../protocol/models';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { useFormat } from '../ui/i18n/use-format';
import type { Firmware } from './firmware';
import { PreflightPanel } from './preflight-panel';

function Field({ term, children, mono }: { term: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="flex flex-col sm:flex-row sm:gap-2">
      <dt className="w-28 shrink-0 text-slate-500">{term}</dt>
      <dd className={`break-all ${mono ? 'font-mono text-xs leading-5' : ''}`}>{children}</dd>
    </div>
  );
}

/**
 * One firmware as a compact row: name, model, file and size on one line, the pre-flight check
 * under it, and everything else an operator checks before choosing it (MD5, URL, notes) on demand.
 */
export function FirmwareCard({ firmware, onRemove }: { firmware: Firmware; onRemove?: (key: string) => void }) {
  const { t } = useTranslation('firmware');
  const f = useFormat();
  const headingId = useId();
  const facts = [firmware.model ?? t('card.gatewayItself'), firmware.fileName, f.bytes(firmware.fileSize)];
  if (firmware.releasedAt !== null) facts.push(f.date(firmware.releasedAt));
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-1.5 rounded border border-slate-200 bg-white px-3 py-2">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 id={headingId} className="font-semibold">
          {firmware.productName} {firmware.productVersion}
        </h3>
        {firmware.source === 'manual' ? <Badge tone="info">{t('card.manual')}</Badge> : null}
        <span className="text-sm break-all text-slate-600">{facts.join(' · ')}</span>
        {onRemove ? (
          <Button
            className="ml-auto"
            onClick={() => onRemove(firmware.key)}
            aria-label={t('card.removeLabel', { fileName: firmware.fileName })}
          >
            {t('card.remove')}
          </Button>
        ) : null}
      </header>
      <PreflightPanel firmware={firmware} />
      <details className="text-sm">
        <summary className="w-fit cursor-pointer text-slate-700">{t('card.details')}</summary>
        <dl className="mt-1 flex flex-col gap-1">
          <Field term={t('card.model')}>
            {firmware.model ? t('card.modelValue', { label: modelLabel(firmware.model), model: firmware.model }) : t('card.gatewayItself')}
          </Field>
          <Field term={t('card.version')}>{firmware.productVersion}</Field>
          <Field term={t('card.fileName')}>{firmware.fileName}</Field>
          <Field term={t('card.size')}>{f.bytesWithExact(firmware.fileSize)}</Field>
          <Field term={t('card.md5')} mono>
            {firmware.md5}
          </Field>
          <Field term={t('card.url')} mono>
            {firmware.fileUrl}
          </Field>
          <Field term={firmware.source === 'manual' ? t('card.added') : t('card.released')}>{f.date(firmware.releasedAt)}</Field>
          {firmware.releaseNotes ? (
            <Field term={t('card.releaseNotes')}>
              <span className="whitespace-pre-line">{firmware.releaseNotes}</span>
            </Field>
          ) : null}
        </dl>
      </details>
    </article>
  );
}
