import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ui/confirm-dialog';

export interface RemoveGatewayDialogProps {
  sn: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before forgetting a gateway; Escape or Cancel keeps it (focus starts on Cancel). */
export function RemoveGatewayDialog({ sn, onConfirm, onCancel }: RemoveGatewayDialogProps) {
  const { t } = useTranslation('fleet');
  return (
    <ConfirmDialog
      title={t('remove.title', { sn })}
      confirmLabel={t('remove.confirm')}
      confirmVariant="danger"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('remove.body')}</p>
    </ConfirmDialog>
  );
}
