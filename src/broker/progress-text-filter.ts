/**
 * Which ota_progress payload texts cross from the broker worker to the page. The page keeps a
 * task's raw JSON for its timeline; at fleet scale (every dock at 1 Hz) posting, rebuilding and
 * keeping every payload cost the renderer 2-4% of its CPU and the page a tenth of its heap. Most
 * of those payloads are ticks that repeat the one before with a new percent and rate, whose
 * fields are all in the timeline already. So a text crosses only when the event says something
 * new for its task: the first event seen for it, a change of status, sub-status or step, a
 * non-zero result or step_result, or a status that ends the task. A tick crosses with an empty
 * text, which the task log records as "not kept".
 */
import type { OtaProgressDecoded } from '../protocol/messages.ts';
import { isTerminalStatus } from '../protocol/status.ts';
import type { ProgressText } from './batch-wire.ts';

/** Tasks remembered at once; past this the longest-unseen are forgotten (their next event is "new"). */
export const MAX_REMEMBERED_TASKS = 50_000;

/** What a tick repeats: the event's words, not its percent or rate. */
interface Said {
  status: string;
  subStatus: string | null;
  step: string | null;
}

function repeats(before: Said | undefined, m: OtaProgressDecoded): boolean {
  return before !== undefined && before.status === m.status && before.subStatus === m.subStatusRaw && before.step === m.step;
}

/** The text to send for each event: its own, or '' for a tick that repeats what came before. */
export function createProgressTextFilter(limit: number = MAX_REMEMBERED_TASKS): ProgressText {
  /** Per task (its bid, else its gateway): what its last event with a text said. */
  const last = new Map<string, Said>();
  return (message) => {
    const { meta } = message;
    const key = meta.bid !== null && meta.bid !== '' ? meta.bid : `gateway:${meta.gateway}`;
    if (isTerminalStatus(message.status)) {
      last.delete(key);
      return meta.text;
    }
    const failed = message.result !== 0 || (message.stepResult !== null && message.stepResult !== 0);
    if (!failed && repeats(last.get(key), message)) return '';
    // Delete first: a set of an existing key keeps its old place, and the oldest go first below.
    last.delete(key);
    last.set(key, { status: message.status, subStatus: message.subStatusRaw, step: message.step });
    if (last.size > limit) {
      const oldest = last.keys().next();
      if (oldest.done !== true) last.delete(oldest.value);
    }
    return meta.text;
  };
}
