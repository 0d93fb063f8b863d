import type { StatusKind } from '../ui/status-badge';
import { TASK_STATE_KIND } from '../tasks/state-look';
import type { TaskState } from '../tasks/task-types';
import { useTaskWords } from './use-task-words';

// The same icons as the console's StatusBadge, sized in em so they grow with the board's type
// (the badge is sized for a desk monitor and stays small on a 4K TV).
const LOOK: Record<StatusKind, { icon: string; className: string }> = {
  pending: { icon: '○', className: 'bg-neutral-700 text-neutral-100' },
  active: { icon: '↻', className: 'bg-blue-900 text-blue-100' },
  paused: { icon: '⏸', className: 'bg-amber-900 text-amber-100' },
  success: { icon: '✓', className: 'bg-green-900 text-green-100' },
  failure: { icon: '✕', className: 'bg-red-900 text-red-100' },
  warning: { icon: '⚠', className: 'bg-amber-500 text-black' },
  unknown: { icon: '?', className: 'bg-neutral-700 text-neutral-100' },
};

/** The task's state in words, with an icon; never told by colour alone. */
export function StateLabel({ state }: { state: TaskState }) {
  const words = useTaskWords();
  const look = LOOK[TASK_STATE_KIND[state]];
  return (
    <span className={`inline-flex items-center gap-[0.3em] rounded-[0.25em] px-[0.4em] py-[0.05em] font-semibold ${look.className}`}>
      <span aria-hidden="true">{look.icon}</span>
      {words.state(state)}
    </span>
  );
}
