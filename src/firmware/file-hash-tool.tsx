import { useId } from 'react';
import { Button } from '../ui/button';
import { ProgressBar } from '../ui/progress-bar';
import { formatBytes } from './format';
import type { CreateMd5Worker } from './hash-file-in-worker';
import { useFileHash, type FileHashResult } from './use-file-hash';

export interface FileHashToolProps {
  onHashed: (result: FileHashResult) => void;
  createWorker?: CreateMd5Worker;
}

/** "Hash a local file": MD5 and size of a firmware file on this computer, read in chunks off the main thread. */
export function FileHashTool({ onHashed, createWorker }: FileHashToolProps) {
  const { state, start, cancel } = useFileHash(onHashed, createWorker);
  const inputId = useId();
  const percent = state.status === 'hashing' && state.total > 0 ? Math.floor((state.bytes * 100) / state.total) : 0;
  return (
    <section aria-labelledby={`${inputId}-title`} className="flex flex-col gap-2 rounded border border-slate-200 bg-white p-4">
      <h3 id={`${inputId}-title`} className="font-semibold">
        Hash a local file
      </h3>
      <p className="text-sm text-slate-600">The file stays on this computer; its name, size and MD5 fill the form below.</p>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        File to hash
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
          <ProgressBar label={`Hashing ${state.fileName}`} value={percent} valueText={`${percent}% of ${formatBytes(state.total)}`} />
          <Button variant="danger" onClick={cancel}>
            Cancel
          </Button>
        </div>
      ) : null}
      <div aria-live="polite" className="text-sm">
        {state.status === 'done' ? (
          <p>
            {state.fileName}: {formatBytes(state.size)}, MD5 <span className="font-mono">{state.md5}</span>
          </p>
        ) : null}
        {state.status === 'canceled' ? <p>Hashing {state.fileName} was canceled.</p> : null}
        {state.status === 'error' ? <p className="text-red-700">{state.message}</p> : null}
      </div>
    </section>
  );
}
