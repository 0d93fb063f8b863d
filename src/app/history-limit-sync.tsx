import { useEffect } from 'react';
import { useTaskHistory } from '../tasks/tasks-history-context';
import { useRuntimeConfig } from './config/use-runtime-config';

/** Mounted once: the task history's cap follows the runtime config (`taskHistoryLimit`). */
export function HistoryLimitSync() {
  const runtime = useRuntimeConfig();
  const history = useTaskHistory();
  const limit = runtime.status === 'ready' ? runtime.config.taskHistoryLimit : null;
  useEffect(() => {
    if (limit !== null) history?.historyCapChanged(limit);
  }, [history, limit]);
  return null;
}
