import { useCallback, useEffect, useRef, useState } from 'react';
import { createMd5Worker, hashFileInWorker, HashCanceledError, type CreateMd5Worker, type FileHashJob } from './hash-file-in-worker';

export type FileHashState =
  | { status: 'idle' }
  | { status: 'hashing'; fileName: string; bytes: number; total: number }
  | { status: 'done'; fileName: string; md5: string; size: number }
  | { status: 'canceled'; fileName: string }
  | { status: 'error'; fileName: string; message: string };

export interface FileHashResult {
  fileName: string;
  md5: string;
  size: number;
}

/** MD5 and size of a local file, computed in a Web Worker; a new file cancels the previous run. */
export function useFileHash(onDone: (result: FileHashResult) => void, createWorker: CreateMd5Worker = createMd5Worker) {
  const [state, setState] = useState<FileHashState>({ status: 'idle' });
  const job = useRef<FileHashJob | null>(null);
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  }, [onDone]);

  const start = useCallback(
    (file: File) => {
      job.current?.cancel();
      const fileName = file.name;
      setState({ status: 'hashing', fileName, bytes: 0, total: file.size });
      const current = hashFileInWorker(file, (bytes, total) => setState({ status: 'hashing', fileName, bytes, total }), createWorker);
      job.current = current;
      current.result.then(
        (digest) => {
          if (job.current !== current) return;
          job.current = null;
          setState({ status: 'done', fileName, md5: digest.md5, size: digest.size });
          onDoneRef.current({ fileName, md5: digest.md5, size: digest.size });
        },
        (error: unknown) => {
          if (job.current !== current && !(error instanceof HashCanceledError)) return;
          if (job.current === current) job.current = null;
          if (error instanceof HashCanceledError)
            setState((s) => (s.status === 'hashing' && s.fileName === fileName ? { status: 'canceled', fileName } : s));
          else setState({ status: 'error', fileName, message: error instanceof Error ? error.message : String(error) });
        },
      );
    },
    [createWorker],
  );

  const cancel = useCallback(() => {
    const current = job.current;
    job.current = null;
    current?.cancel();
  }, []);

  // Leaving the screen must not leave a worker reading a 600 MB file.
  useEffect(() => () => job.current?.cancel(), []);

  return { state, start, cancel };
}
