/**
 * The words of a task failure (task-failure.ts) in one language, from a message renderer: screens
 * pass useMessageText() (useFailureTexts), reports englishText or the operator's language.
 */
import { messagesOf, type Message } from '../ui/i18n/message.ts';
import type { ProtocolLabels } from '../ui/i18n/protocol-labels.ts';
import type { NextStep } from '../protocol/next-steps.ts';
import type { FailureReason, TaskFailure } from './task-failure.ts';
import type { en } from './locales/en.ts';

export const taskMessage = messagesOf<'tasks', typeof en>('tasks');

/** Words a message (or text shown as it is) in one language. */
export type Say = (text: Message | string) => string;

export interface FailureTexts {
  /** "312015: The dock is busy ...", "Download failed", "The dock did not answer the command". */
  reason(reason: FailureReason): string;
  nextStep(step: NextStep): string;
  /** Both, for a single line: "{reason}. {next step}". */
  line(failure: TaskFailure): string;
}

export function failureTextsFor(say: Say, labels: Pick<ProtocolLabels, 'resultCode' | 'subStatus'>): FailureTexts {
  const reason = (r: FailureReason): string => {
    switch (r.kind) {
      case 'code':
        return say(taskMessage('resultCodeLine', { code: String(r.code), text: labels.resultCode(r.code) }));
      case 'step-result':
        return say(taskMessage('failure.stepResult', { code: String(r.code) }));
      case 'sub-status':
        return labels.subStatus(r.value);
      case 'status':
        return say(taskMessage(`failure.${r.status}`));
      case 'no-reply':
        return say(taskMessage('failure.noReply'));
      case 'superseded':
        return say(taskMessage('failure.superseded'));
      case 'mismatch':
        return say(
          taskMessage('failure.mismatch', {
            reported: r.reported ?? say(taskMessage('failure.anotherVersion')),
            target: r.target ?? say(taskMessage('failure.theTarget')),
          }),
        );
    }
  };
  const nextStep = (step: NextStep): string => say(taskMessage(`nextStep.${step}`));
  return { reason, nextStep, line: (f) => say(taskMessage('failure.line', { reason: reason(f.reason), nextStep: nextStep(f.nextStep) })) };
}
