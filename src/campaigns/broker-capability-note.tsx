import { useTranslation } from 'react-i18next';
import { useBrokerCapability, useNewerCampaigns } from './campaign-hooks';

/** Said instead of an empty list when the broker cannot hold campaigns (the retained probe never came back). */
export function BrokerCapabilityNote() {
  const { t } = useTranslation('campaigns');
  const capability = useBrokerCapability();
  if (capability !== 'unsupported') return null;
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm">
      {t('broker.cannotHold')}
    </p>
  );
}

/** Campaigns written by a newer format of the records: listed read-only, with a note. */
export function NewerCampaignsNote() {
  const { t } = useTranslation('campaigns');
  const newer = useNewerCampaigns();
  const entries = Object.entries(newer);
  if (entries.length === 0) return null;
  return (
    <ul aria-label={t('broker.newerLabel')} className="flex flex-col gap-1 text-sm">
      {entries.map(([id, { v, name }]) => (
        <li key={id} className="rounded border border-amber-300 bg-amber-50 px-3 py-2">
          {t('broker.newer', { name: name ?? id, v })}
        </li>
      ))}
    </ul>
  );
}
