import { useEffect } from 'react';
import { useTaskTimingsChanged } from '../tasks/tasks-hooks';
import type { TaskTimings } from '../tasks/task-types';
import type { RuntimeConfig } from './config/config-schema';
import { useRuntimeConfig } from './config/use-runtime-config';

/** The task store's timings from the runtime config (seconds there, milliseconds in the model). */
export function taskTimingsFor(
  config: Pick<RuntimeConfig, 'stalledAfterSeconds' | 'replyTimeoutSeconds' | 'verifyGraceSeconds'>,
): TaskTimings {
  return {
    stalledAfterMs: config.stalledAfterSeconds * 1000,
    replyTimeoutMs: config.replyTimeoutSeconds * 1000,
    verifyGraceMs: config.verifyGraceSeconds * 1000,
  };
}

/**
 * Mounted once: keeps stalled / no reply / verification deadlines in line with config.json,
 * saved settings and the URL. Features cannot read the app's config themselves (layering).
 */
export function TaskTimingsSync() {
  const runtime = useRuntimeConfig();
  const timingsChanged = useTaskTimingsChanged();
  const timings = runtime.status === 'ready' ? taskTimingsFor(runtime.config) : null;
  const key = timings === null ? null : `${timings.stalledAfterMs}/${timings.replyTimeoutMs}/${timings.verifyGraceMs}`;
  useEffect(() => {
    if (timings !== null) timingsChanged(timings);
    // key stands for timings: a new object each render, equal values must not re-run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, timingsChanged]);
  return null;
}
