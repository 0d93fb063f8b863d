import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { useFormat } from '../ui/i18n/use-format';
import { ProgressBar } from '../ui/progress-bar';
import type { CreateMd5Worker } from './hash-file-in-worker';
import { useFileHash, type FileHashResult } from './use-file-hash';

export interface FileHashToolProps {
  onHashed: (result: FileHashResult) => void;
  createWorker?: CreateMd5Worker;
}

/** "Hash a local file": MD5 and size of a firmware file on this computer, read in chunks off the main thread. */
export function FileHashTool({ onHashed, createWorker }: FileHashToolProps) {
  const { t } = useTranslation('firmware');
  const f = useFormat();
  const { state, start, cancel } = useFileHash(onHashed, createWorker);
  const inputId = useId();
  const percent = state.status === 'hashing' && state.total > 0 ? Math.floor((state.bytes * 100) / state.total) : 0;
  return (
    <section aria-labelledby={`${inputId}-title`} className="flex flex-col gap-2 rounded border border-slate-200 bg-white p-4">
      <h3 id={`${inputId}-title`} className="font-semibold">
        {t('hash.title')}
      </h3>
      <p className="text-sm text-slate-600">{t('hash.intro')}</p>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {t('hash.fileLabel')}
      </label>
      <input
        id={inputId}
        type="file"
        className="text-sm"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) start(file);
          // Choosing the same file again must hash it again.
          event.target.value = '';
        }}
      />
      {state.status === 'hashing' ? (
        <div className="flex items-center gap-3">
          <ProgressBar
            label={t('hash.progressLabel', { fileName: state.fileName })}
            value={percent}
            valueText={t('hash.progressValue', { percent: f.percent(percent), size: f.bytesWithExact(state.total) })}
          />
          <Button variant="danger" onClick={cancel}>
            {t('hash.cancel')}
          </Button>
        </div>
      ) : null}
      <div aria-live="polite" className="text-sm">
        {state.status === 'done' ? (
          <p>
            {t('hash.done', { fileName: state.fileName, size: f.bytesWithExact(state.size) })}{' '}
            <span className="font-mono">{state.md5}</span>
          </p>
        ) : null}
        {state.status === 'canceled' ? <p>{t('hash.canceled', { fileName: state.fileName })}</p> : null}
        {/* A worker or file-reading error, worded by the browser: shown as it comes. */}
        {state.status === 'error' ? <p className="text-red-700">{state.message}</p> : null}
      </div>
    </section>
  );
}
