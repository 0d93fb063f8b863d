import { useState } from 'react';
import { Button } from '../../ui/button';
import { disableNotifications, enableNotifications, notificationPermission, notificationsWanted, type NotifyPermission } from './campaign-alerts';

/** Browser notifications are asked for only here, on a click. */
export function CampaignNotifyToggle() {
  const [wanted, setWanted] = useState(notificationsWanted);
  const [permission, setPermission] = useState<NotifyPermission>(notificationPermission);
  if (permission === 'unsupported') return <p className="text-sm text-slate-600">This browser has no notifications; the page title shows when a campaign pauses or finishes.</p>;
  if (wanted) {
    return (
      <Button
        onClick={() => {
          disableNotifications();
          setWanted(false);
        }}
      >
        Stop notifications
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
        Notify me when a campaign pauses or finishes
      </Button>
      {permission === 'denied' ? <span className="text-sm text-slate-600">Notifications are blocked for this site in the browser settings.</span> : null}
    </div>
  );
}
