import { useTranslation } from 'react-i18next';
import { useBrokerCapability } from './campaign-hooks';

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
