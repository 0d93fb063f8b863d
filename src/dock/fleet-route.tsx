/**
 * The Fleet screen with what the fleet itself cannot know (src/fleet imports no other feature):
 * the newest catalog version per model, and each gateway's last upgrade from the tasks.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFirmwareCatalog } from '../firmware/get-catalog.ts';
import FleetScreen from '../fleet/fleet-screen.tsx';
import { LastUpgradeCell } from './last-upgrade-cell.tsx';
import { newestVersions } from './newest-versions.ts';

export interface FleetRouteProps {
  /** undefined while the runtime configuration loads. */
  catalogUrl: string | undefined;
}

export default function FleetRoute({ catalogUrl }: FleetRouteProps) {
  const { t } = useTranslation('fleet');
  const catalog = useFirmwareCatalog(catalogUrl);
  const firmware = catalog.data?.firmware;
  const newest = useMemo(() => (firmware === undefined ? undefined : newestVersions(firmware)), [firmware]);
  const note = catalog.isError ? t('overview.catalogFailed') : newest === undefined ? t('overview.catalogLoading') : undefined;
  return <FleetScreen newestVersions={newest} catalogNote={note} UpgradeCell={LastUpgradeCell} />;
}
