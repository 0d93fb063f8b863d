import { ConfirmDialog } from '../ui/confirm-dialog';

export interface RemoveGatewayDialogProps {
  sn: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before forgetting a gateway; Escape or Cancel keeps it (focus starts on Cancel). */
export function RemoveGatewayDialog({ sn, onConfirm, onCancel }: RemoveGatewayDialogProps) {
  return (
    <ConfirmDialog title={`Remove gateway ${sn}?`} confirmLabel="Remove" confirmVariant="danger" onConfirm={onConfirm} onCancel={onCancel}>
      <p>This console forgets the gateway and its devices. It comes back if it reports to the broker again.</p>
    </ConfirmDialog>
  );
}
