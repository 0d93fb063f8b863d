/** Turns the resolved targets into the campaign plan: exactly the ota_create entries to send. */
import type { Firmware } from '../firmware/firmware.ts';
import type { OtaCreateDevice } from '../protocol/messages.ts';
import type { CampaignFirmware, CampaignPlan, CampaignPlanItem } from '../campaigns/campaign-types.ts';
import type { CampaignOptions } from './campaign-options.ts';
import { willSend, type GatewayResolution, type TargetDevice } from './resolve-targets.ts';

/** One wire entry of an ota_create, field for field from the firmware entry (docs/protocol.md). */
export function otaDeviceOf(target: TargetDevice): OtaCreateDevice {
  const { firmware } = target;
  return {
    sn: target.sn,
    product_version: firmware.productVersion,
    file_url: firmware.fileUrl,
    md5: firmware.md5,
    file_size: firmware.fileSize,
    file_name: firmware.fileName,
    firmware_upgrade_type: target.upgradeType,
  };
}

function planItem(resolution: GatewayResolution): CampaignPlanItem {
  return {
    gateway: resolution.gatewaySn,
    devices: resolution.targets.map(otaDeviceOf),
    deviceInfo: resolution.targets.map((t) => ({
      sn: t.sn,
      ...(t.modelKey === null ? {} : { modelKey: t.modelKey }),
      ...(t.fromVersion === null ? {} : { fromVersion: t.fromVersion }),
    })),
  };
}

function campaignFirmware(firmware: Firmware): CampaignFirmware {
  return {
    id: firmware.id,
    productVersion: firmware.productVersion,
    fileName: firmware.fileName,
    ...(firmware.model === null ? {} : { model: firmware.model }),
  };
}

/** Only the gateways that will be sent, in the order given; the firmware actually used by them. */
export function buildCampaignPlan(resolutions: readonly GatewayResolution[], options: CampaignOptions): CampaignPlan {
  const sending = resolutions.filter(willSend);
  const used = new Map<string, Firmware>();
  for (const r of sending) for (const t of r.targets) used.set(t.firmware.key, t.firmware);
  return {
    firmware: [...used.values()].map(campaignFirmware),
    items: sending.map(planItem),
    maxParallel: options.maxParallel,
    pauseAfterFailures: options.pauseAfterFailures,
    canarySize: options.canarySize,
  };
}
