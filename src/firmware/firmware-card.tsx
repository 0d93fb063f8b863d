import { useId, type ReactNode } from 'react';
import { modelLabel } from '../protocol/models';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import type { Firmware } from './firmware';
import { formatBytes, formatDate } from './format';
import { PreflightPanel } from './preflight-panel';

function Field({ term, children, mono }: { term: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="flex flex-col sm:flex-row sm:gap-2">
      <dt className="w-28 shrink-0 text-slate-500">{term}</dt>
      <dd className={`break-all ${mono ? 'font-mono text-xs leading-5' : ''}`}>{children}</dd>
    </div>
  );
}

/** One firmware with everything an operator checks before choosing it. */
export function FirmwareCard({ firmware, onRemove }: { firmware: Firmware; onRemove?: (key: string) => void }) {
  const headingId = useId();
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded border border-slate-200 bg-white p-4">
      <header className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold">
          {firmware.productName} {firmware.productVersion}
        </h3>
        {firmware.source === 'manual' ? <Badge tone="info">manual</Badge> : null}
        {onRemove ? (
          <Button className="ml-auto" onClick={() => onRemove(firmware.key)} aria-label={`Remove ${firmware.fileName}`}>
            Remove
          </Button>
        ) : null}
      </header>
      <dl className="flex flex-col gap-1 text-sm">
        <Field term="Model">{firmware.model ? `${modelLabel(firmware.model)} (${firmware.model})` : 'The gateway itself'}</Field>
        <Field term="Version">{firmware.productVersion}</Field>
        <Field term="File name">{firmware.fileName}</Field>
        <Field term="Size">{formatBytes(firmware.fileSize)}</Field>
        <Field term="MD5" mono>
          {firmware.md5}
        </Field>
        <Field term="URL" mono>
          {firmware.fileUrl}
        </Field>
        <Field term={firmware.source === 'manual' ? 'Added' : 'Released'}>{formatDate(firmware.releasedAt)}</Field>
        {firmware.releaseNotes ? (
          <Field term="Release notes">
            <span className="whitespace-pre-line">{firmware.releaseNotes}</span>
          </Field>
        ) : null}
      </dl>
      <PreflightPanel firmware={firmware} />
    </article>
  );
}
