import { useTranslation } from 'react-i18next';
import { productName } from '../../protocol/models';
import { useFormat } from '../../ui/i18n/use-format';
import type { UpgradeTask } from '../../tasks/task-types';

/**
 * The task page's heading: the gateway and the firmware it gets ("DOCK-1 → DJI Dock 2 10.02.0104
 * and Matrice 3D 09.00.0108"), so a person sees which upgrade this is; the bid stays in the facts.
 */
export function useTaskTitle(task: UpgradeTask | undefined, bid: string): string {
  const { t } = useTranslation('monitor');
  const f = useFormat();
  if (task === undefined) return t('detail.title');
  const firmware = task.devices.flatMap((d) => {
    if (d.targetVersion === undefined) return [];
    const model = d.modelKey === undefined ? null : (productName(d.modelKey) ?? d.modelKey);
    return [model === null ? d.targetVersion : t('detail.firmware', { model, version: d.targetVersion })];
  });
  const device = task.gateway === '' ? bid : task.gateway;
  return firmware.length === 0
    ? t('detail.titleNoFirmware', { device })
    : t('detail.titleOf', { device, firmware: f.list([...new Set(firmware)], 'and') });
}
