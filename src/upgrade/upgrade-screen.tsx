import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAvailableFirmware } from '../firmware/use-available-firmware';
import { chosenFirmware, type FirmwareGroupKey } from './firmware-groups';
import { FirmwarePicker } from './firmware-picker';
import { GatewayPicker } from './gateway-picker';
import { StartSection } from './start-section';

export interface UpgradeScreenProps {
  /** From the runtime config; undefined while it loads. */
  catalogUrl?: string;
  /** Read-only sessions never publish: the start stays disabled with that reason. */
  readOnly?: boolean;
  /** Where to go after a start; the Monitor by default. */
  startedPath?: (campaignId: string) => string;
}

const toMonitor = () => '/monitor';

/** Pick firmware (one per model) and gateways, check the files, preview, and start a campaign. */
export default function UpgradeScreen({ catalogUrl, readOnly = false, startedPath = toMonitor }: UpgradeScreenProps) {
  const { firmware, catalog } = useAvailableFirmware(catalogUrl);
  const [choice, setChoice] = useState<ReadonlyMap<FirmwareGroupKey, string>>(() => new Map());
  const chosen = useMemo(() => chosenFirmware(firmware, choice), [firmware, choice]);
  const navigate = useNavigate();
  const { t } = useTranslation('upgrades');
  const onChoose = useCallback((group: FirmwareGroupKey, key: string | null) => {
    setChoice((prev) => {
      const next = new Map(prev);
      if (key === null) next.delete(group);
      else next.set(group, key);
      return next;
    });
  }, []);
  const catalogStatus = {
    loading: catalogUrl === undefined || (catalog.isPending && !catalog.isError),
    error: catalog.isError ? catalog.error.message : null,
    retrying: catalog.isFetching,
    retry: () => void catalog.refetch(),
  };

  return (
    <section aria-labelledby="screen-title" className="flex flex-col gap-6 p-6">
      <h1 id="screen-title" className="text-xl font-semibold">
        {t('screen.title')}
      </h1>
      <FirmwarePicker firmware={firmware} catalog={catalogStatus} choice={choice} chosen={chosen} onChoose={onChoose} />
      <GatewayPicker chosen={chosen} />
      <StartSection chosen={chosen} readOnly={readOnly} onStarted={(id) => void navigate(startedPath(id))} />
    </section>
  );
}
