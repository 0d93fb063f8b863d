import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import {
  disableNotifications,
  enableNotifications,
  notificationPermission,
  notificationsWanted,
  type NotifyPermission,
} from './campaign-alerts';

/** Browser notifications are asked for only here, on a click. */
export function CampaignNotifyToggle() {
  const { t } = useTranslation('campaigns');
  const [wanted, setWanted] = useState(notificationsWanted);
  const [permission, setPermission] = useState<NotifyPermission>(notificationPermission);
  if (permission === 'unsupported') return <p className="text-sm text-slate-600">{t('notify.unsupported')}</p>;
  if (wanted) {
    return (
      <Button
        onClick={() => {
          disableNotifications();
          setWanted(false);
        }}
      >
        {t('notify.stop')}
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        onClick={() => {
          void enableNotifications().then((p) => {
            setPermission(p);
            setWanted(p === 'granted');
          });
        }}
      >
        {t('notify.start')}
      </Button>
      {permission === 'denied' ? <span className="text-sm text-slate-600">{t('notify.blocked')}</span> : null}
    </div>
  );
}
