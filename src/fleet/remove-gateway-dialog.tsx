import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { Button } from '../ui/button';

export interface RemoveGatewayDialogProps {
  sn: string;
  onConfirm: () => void;
  onCancel: () => void;
}

function buttonsOf(dialog: HTMLElement | null): HTMLButtonElement[] {
  return dialog === null ? [] : [...dialog.querySelectorAll('button')];
}

/** Asks before forgetting a gateway; Escape or Cancel keeps it. Focus stays inside while it is open. */
export function RemoveGatewayDialog({ sn, onConfirm, onCancel }: RemoveGatewayDialogProps) {
  const titleId = useId();
  const textId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Cancel (the first button) gets the focus: a stray Enter must not remove anything.
    buttonsOf(dialogRef.current)[0]?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const buttons = buttonsOf(dialogRef.current);
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  return (
    <div className="fixed inset-0 z-10 flex items-center justify-center bg-slate-900/40 p-4">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onKeyDown={onKeyDown}
        className="flex w-full max-w-md flex-col gap-3 rounded bg-white p-5 shadow-lg"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          Remove gateway {sn}?
        </h2>
        <p id={textId} className="text-sm text-slate-700">
          This console forgets the gateway and its devices. It comes back if it reports to the broker again.
        </p>
        <div className="flex justify-end gap-2">
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="danger" onClick={onConfirm}>
            Remove
          </Button>
        </div>
      </div>
    </div>
  );
}
