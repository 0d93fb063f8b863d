import type { TaskFailure } from '../tasks/task-failure';
import { useFailureTexts } from '../tasks/use-failure-texts';

/**
 * A row's failure in one line: why, and what to do next. A sub-status or version the row already shows is
 * not said twice; the whole text is in the title when the column cuts it.
 */
export function FailureLine({ failure }: { failure: TaskFailure }) {
  const texts = useFailureTexts();
  const whole = texts.line(failure);
  const said = failure.reason.kind === 'sub-status' || failure.reason.kind === 'mismatch';
  const shown = said ? texts.nextStep(failure.nextStep) : whole;
  return (
    <span className="truncate text-xs text-red-800" title={whole}>
      {shown}
    </span>
  );
}
