/**
 * The task of a campaign attempt, as its gateway's plan entry describes it: the devices with their
 * model and from/to versions. The sender creates it before publishing; a console that reads a
 * campaign another console drives describes that console's tasks with it (task-describe.ts). Pure.
 */
import type { NewTaskInput } from '../tasks/task-types.ts';
import type { CampaignAttempt, CampaignGateway } from './campaign-types.ts';

export function attemptTaskInput(campaignId: string, gw: CampaignGateway, attempt: CampaignAttempt): NewTaskInput {
  const previous = gw.attempts.find((a) => a.attempt === attempt.attempt - 1);
  return {
    bid: attempt.bid,
    tid: attempt.tid,
    gateway: gw.gateway,
    devices: gw.devices.map((d) => {
      const info = gw.deviceInfo.find((i) => i.sn === d.sn);
      return {
        sn: d.sn,
        targetVersion: d.product_version,
        fileName: d.file_name,
        fileSize: d.file_size,
        ...(info?.modelKey === undefined ? {} : { modelKey: info.modelKey }),
        ...(info?.fromVersion === undefined ? {} : { fromVersion: info.fromVersion }),
      };
    }),
    attempt: attempt.attempt,
    ...(previous === undefined ? {} : { retryOf: previous.bid }),
    campaignId,
  };
}
