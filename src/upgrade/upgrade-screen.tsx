import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAvailableFirmware } from '../firmware/use-available-firmware';
import { useGatewaySns } from '../fleet/fleet-hooks';
import { useFormat } from '../ui/i18n/use-format';
import { newestVersions } from '../firmware/newest-versions';
import { chosenFirmware, type FirmwareGroupKey } from './firmware-groups';
import { FirmwarePicker } from './firmware-picker';
import { GatewayPicker } from './gateway-picker';
import type { OfferedUpgradeType } from './resolve-targets';
import { useSelected } from './selection-context';
import { StartSection } from './start-section';
import { UNGROUPED } from './ungrouped';
import { UpgradePreview } from './upgrade-preview';
import { useResolutions } from './use-resolutions';

export interface UpgradeScreenProps {
  /** From the runtime config; undefined while it loads. */
  catalogUrl?: string;
  /** Read-only sessions never publish: the start stays disabled with that reason. */
  readOnly?: boolean;
  /** Where to go after a start; the Monitor by default. */
  startedPath?: (campaignId: string) => string;
}

const toMonitor = () => '/monitor';

type View = 'gateways' | 'preview';

const tabClass = (on: boolean) =>
  `rounded px-3 py-1 text-sm font-medium ${on ? 'bg-slate-900 text-white' : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`;

/**
 * Pick firmware (one per model) and gateways, check the files, preview, and start a campaign.
 * One page that scrolls as a whole: firmware and targets on the left, and on the right a summary
 * with the options and "Start upgrade" that stays in view (a 1440x900 screen shows all of it).
 */
export default function UpgradeScreen({ catalogUrl, readOnly = false, startedPath = toMonitor }: UpgradeScreenProps) {
  const { firmware, catalog } = useAvailableFirmware(catalogUrl);
  const [choice, setChoice] = useState<ReadonlyMap<FirmwareGroupKey, string>>(() => new Map());
  const chosen = useMemo(() => chosenFirmware(firmware, choice), [firmware, choice]);
  const newest = useMemo(() => newestVersions(firmware), [firmware]);
  const [view, setView] = useState<View>('gateways');
  const [types, setTypes] = useState<ReadonlyMap<string, OfferedUpgradeType>>(() => new Map());
  const gatewaySns = useGatewaySns();
  const selected = useSelected();
  const selectedSns = useMemo(() => gatewaySns.filter((sn) => selected.has(sn)), [gatewaySns, selected]);
  const resolutions = useResolutions({ sns: selectedSns, chosen, types });
  const navigate = useNavigate();
  const { t } = useTranslation('upgrades');
  const f = useFormat();
  const onChoose = useCallback((group: FirmwareGroupKey, key: string | null) => {
    setChoice((prev) => {
      const next = new Map(prev);
      if (key === null) next.delete(group);
      else next.set(group, key);
      return next;
    });
  }, []);
  const onTypeChange = useCallback((sn: string, type: OfferedUpgradeType) => setTypes((prev) => new Map(prev).set(sn, type)), []);
  const { isPending, isError, isFetching, error, refetch } = catalog;
  const catalogStatus = useMemo(
    () => ({
      loading: catalogUrl === undefined || (isPending && !isError),
      error: isError && error !== null ? error.message : null,
      retrying: isFetching,
      retry: () => void refetch(),
    }),
    [catalogUrl, isPending, isError, isFetching, error, refetch],
  );

  return (
    <section aria-labelledby="screen-title" className="grid items-start gap-x-6 gap-y-4 px-6 pt-4 pb-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <h1 id="screen-title" className="text-xl font-semibold lg:col-span-2">
        {t('screen.title')}
      </h1>
      <div className="flex min-w-0 flex-col gap-4">
        <FirmwarePicker firmware={firmware} catalog={catalogStatus} choice={choice} chosen={chosen} newest={newest} onChoose={onChoose} />
        <div role="group" aria-label={t('view.label')} className="flex flex-wrap gap-2">
          <button
            type="button"
            aria-pressed={view === 'gateways'}
            className={tabClass(view === 'gateways')}
            onClick={() => setView('gateways')}
          >
            {t('view.gateways')}
          </button>
          <button
            type="button"
            aria-pressed={view === 'preview'}
            className={tabClass(view === 'preview')}
            onClick={() => setView('preview')}
          >
            {t('view.preview', { n: f.number(selectedSns.length, UNGROUPED) })}
          </button>
        </div>
        {view === 'gateways' ? (
          <GatewayPicker chosen={chosen} newest={newest} />
        ) : (
          <UpgradePreview resolutions={resolutions} onTypeChange={onTypeChange} />
        )}
      </div>
      <div className="flex flex-col gap-3 lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:overflow-y-auto">
        <StartSection
          chosen={chosen}
          readOnly={readOnly}
          selectedCount={selectedSns.length}
          resolutions={resolutions}
          onStarted={(id) => {
            setTypes(new Map());
            void navigate(startedPath(id));
          }}
        />
      </div>
    </section>
  );
}
