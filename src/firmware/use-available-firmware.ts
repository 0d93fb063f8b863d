import { useMemo } from 'react';
import type { Firmware } from './firmware';
import { useFirmwareCatalog } from './get-catalog';
import { useManualFirmware } from './manual-firmware-context';

/**
 * Every firmware an operator can choose: the catalog's valid entries, then the manual ones.
 * `catalog` is the query, for loading/error/retry UI. Pass undefined while the config loads.
 */
export function useAvailableFirmware(catalogUrl: string | undefined) {
  const catalog = useFirmwareCatalog(catalogUrl);
  const manual = useManualFirmware();
  const catalogFirmware = catalog.data?.firmware;
  const firmware = useMemo<Firmware[]>(() => [...(catalogFirmware ?? []), ...manual], [catalogFirmware, manual]);
  return { firmware, catalog };
}
