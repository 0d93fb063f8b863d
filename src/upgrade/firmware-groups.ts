/**
 * Firmware is chosen one radio group per model key, so a dock firmware and an aircraft firmware can
 * be chosen together and go out in one ota_create. Firmware without a model targets the gateway
 * itself and has a group of its own.
 */
import type { Firmware } from '../firmware/firmware.ts';
import { modelLabel } from '../protocol/models.ts';
import { englishText } from '../ui/i18n/message.ts';
import { message, type UpgradeMessage } from './upgrade-message.ts';

/** The group of firmware that names no model (it targets the gateway device, whatever its model). */
export const GATEWAY_GROUP = 'gateway';

export type FirmwareGroupKey = string;

export interface FirmwareGroup {
  key: FirmwareGroupKey;
  /** The model key, or null for the gateway group. */
  model: string | null;
  /** The radio group's accessible name in English: starts with "Firmware" (the screen shows groupLabelMessage translated). */
  label: string;
  firmware: readonly Firmware[];
}

/** Group key of a firmware: its model, or GATEWAY_GROUP. Model keys never equal "gateway". */
export function groupKeyOf(firmware: Pick<Firmware, 'model'>): FirmwareGroupKey {
  return firmware.model ?? GATEWAY_GROUP;
}

export function groupLabelMessage(model: string | null): UpgradeMessage {
  return model === null ? message('firmware.groupForGateway') : message('firmware.groupForModel', { product: modelLabel(model), model });
}

export function groupLabel(model: string | null): string {
  return englishText(groupLabelMessage(model));
}

/** Contains the product, version and file name, as the accessibility contract asks. */
export function firmwareRadioLabel(firmware: Pick<Firmware, 'productName' | 'productVersion' | 'fileName'>): string {
  return `${firmware.productName} ${firmware.productVersion} — ${firmware.fileName}`;
}

/** Groups in first-seen order (catalog order, then manual), the gateway group last. */
export function groupFirmware(list: readonly Firmware[]): FirmwareGroup[] {
  const groups = new Map<FirmwareGroupKey, Firmware[]>();
  for (const firmware of list) {
    const key = groupKeyOf(firmware);
    const members = groups.get(key);
    if (members) members.push(firmware);
    else groups.set(key, [firmware]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(a === GATEWAY_GROUP) - Number(b === GATEWAY_GROUP));
  return ordered.map(([key, firmware]) => {
    const model = key === GATEWAY_GROUP ? null : key;
    return { key, model, label: groupLabel(model), firmware };
  });
}

/** Chosen firmware key per group -> the firmware, dropping choices whose entry is gone. */
export function chosenFirmware(list: readonly Firmware[], choice: ReadonlyMap<FirmwareGroupKey, string>): Firmware[] {
  const byKey = new Map(list.map((f) => [f.key, f]));
  const chosen: Firmware[] = [];
  for (const [group, key] of choice) {
    const firmware = byKey.get(key);
    if (firmware !== undefined && groupKeyOf(firmware) === group) chosen.push(firmware);
  }
  return chosen;
}
