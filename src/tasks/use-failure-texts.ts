import { useMemo } from 'react';
import { useMessageText } from '../ui/i18n/message.ts';
import { useProtocolLabels } from '../ui/i18n/protocol-labels.ts';
import { failureTextsFor, type FailureTexts } from './failure-texts.ts';

/** A failure's reason and next step in the active language; re-renders the caller on a language switch. */
export function useFailureTexts(): FailureTexts {
  const say = useMessageText();
  const labels = useProtocolLabels();
  return useMemo(() => failureTextsFor(say, labels), [say, labels]);
}
