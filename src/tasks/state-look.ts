import { statusLabel } from '../protocol/labels';
import { en } from './locales/en';
import type { StatusKind } from '../ui/status-badge';
import type { TaskState } from './task-types';

/**
 * Words for the shown task states in English: the protocol's labels (src/protocol/labels.ts) where
 * the state is a device status, else the 'tasks' namespace's English words (one word per state
 * everywhere: Monitor, kiosk, campaigns and reports).
 * Components show useTaskStateLabel() (use-status-words.ts), the same words in the active language.
 */
export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = {
  queued: en.state.queued,
  published: en.state.published,
  accepted: en.state.accepted,
  'no-reply': en.state['no-reply'],
  sent: statusLabel('sent'),
  in_progress: statusLabel('in_progress'),
  paused: statusLabel('paused'),
  stalled: en.state.stalled,
  ok: statusLabel('ok'),
  verified: en.state.verified,
  'version-mismatch': en.state['version-mismatch'],
  failed: statusLabel('failed'),
  rejected: statusLabel('rejected'),
  canceled: statusLabel('canceled'),
  timeout: statusLabel('timeout'),
};

export const TASK_STATE_KIND: Readonly<Record<TaskState, StatusKind>> = {
  queued: 'pending',
  published: 'pending',
  accepted: 'pending',
  'no-reply': 'warning',
  sent: 'pending',
  in_progress: 'active',
  paused: 'paused',
  stalled: 'warning',
  ok: 'success',
  verified: 'success',
  'version-mismatch': 'warning',
  failed: 'failure',
  rejected: 'failure',
  canceled: 'failure',
  timeout: 'failure',
};

export type BarTone = 'info' | 'success' | 'danger' | 'warning' | 'neutral';

export function barTone(state: TaskState): BarTone {
  const kind = TASK_STATE_KIND[state];
  if (kind === 'success') return 'success';
  if (kind === 'failure') return 'danger';
  if (kind === 'warning' || kind === 'paused') return 'warning';
  return 'info';
}
