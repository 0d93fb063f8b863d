/**
 * Pause, Resume, Abort, Retry from any operator console (docs/campaigns-on-broker.md, "Commands"):
 * the console that drives a campaign applies them with the campaigns store's own actions; any other
 * publishes them to `{ns}/campaigns/{id}/commands` (QoS 1, not retained) for the driver, which
 * applies each commandId once.
 */
import {
  CAMPAIGN_FORMAT_VERSION,
  encodeRecord,
  type CampaignCommandName,
  type CampaignCommandRecord,
} from '../protocol/campaign-records.ts';
import { campaignCommandsTopic } from '../protocol/campaign-topics.ts';
import type { LinkContext } from './campaign-link-types.ts';

export interface CampaignCommands {
  /** A command for a campaign this link drives: applied once per commandId. */
  apply(command: CampaignCommandRecord): void;
  /** An operator's command: applied here when `drivesIt`, else published to the driver. */
  issue(id: string, name: CampaignCommandName, gateway: string | undefined, drivesIt: boolean): Promise<void>;
}

export function createCampaignCommands(ctx: LinkContext): CampaignCommands {
  const { deps } = ctx;
  const applied = new Set<string>();

  function apply(command: CampaignCommandRecord): void {
    if (applied.has(command.commandId)) return;
    applied.add(command.commandId);
    const at = deps.now();
    const store = deps.campaigns.getState();
    const id = command.campaignId;
    ctx.log(`campaign ${id}: ${command.command}${command.gateway === undefined ? '' : ` ${command.gateway}`} from ${command.from.label}`);
    switch (command.command) {
      case 'pause':
        store.campaignPaused(id, at);
        break;
      case 'resume':
        store.campaignResumed(id, at);
        break;
      case 'abort':
        store.campaignAborted(id, at);
        break;
      case 'retry-failed':
        store.failedRetried(id, at);
        break;
      case 'retry-gateway':
        if (command.gateway !== undefined) store.gatewayRetried(id, command.gateway, at);
        break;
    }
  }

  return {
    apply,
    async issue(id, name, gateway, drivesIt) {
      const record: CampaignCommandRecord = {
        v: CAMPAIGN_FORMAT_VERSION,
        commandId: deps.ids.uuid(),
        campaignId: id,
        command: name,
        ...(gateway === undefined ? {} : { gateway }),
        from: { clientId: deps.clientId, label: deps.label },
        at: deps.now(),
      };
      if (drivesIt) {
        apply(record);
        return;
      }
      const topic = campaignCommandsTopic(ctx.ns, id);
      await ctx.publishRecord(topic, encodeRecord(topic, record), false);
    },
  };
}
