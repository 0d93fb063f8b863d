/**
 * Campaign records between the broker and this console (docs/campaigns-on-broker.md, "Records in
 * detail"): writes the header and gateway records of the campaigns this link owns (only what
 * changed), the write-ahead record of an attempt, and mirrors every other campaign of the board
 * into the campaigns store, describing the tasks of its attempts (devices, from/to versions) in the
 * tasks store, so tasks another console started show what they upgrade.
 */
import { encodeRecord } from '../protocol/campaign-records.ts';
import { campaignGatewayTopic, campaignHeaderTopic } from '../protocol/campaign-topics.ts';
import type { NewTaskInput } from '../tasks/task-types.ts';
import { boardCampaign, type BoardEntry } from './campaign-board.ts';
import type { LinkContext } from './campaign-link-types.ts';
import { attemptTaskInput } from './campaign-task-input.ts';
import type { Campaign } from './campaign-types.ts';
import { gatewayFromRecord, gatewayRecord, headerRecord } from './campaign-wire.ts';

export interface RecordSync {
  /** The write-ahead step: the gateway's record with its new attempt, resolved on the PUBACK. */
  recordAttempt(id: string, gateway: string): Promise<void>;
  /** Publishes the records of a campaign this link owns that changed since last written. */
  writeRecords(campaign: Campaign): void;
  /** After a reconnect: what was written before may not have reached the broker. */
  forgetWritten(): void;
  /**
   * The board's campaigns into the campaigns store, except those this link owns (`owned`), whose
   * truth is here; a campaign that left the board (retention) leaves the store once it ended.
   */
  mirror(owned: ReadonlySet<string>, at: number): void;
}

export function createRecordSync(ctx: LinkContext): RecordSync {
  const { deps, ns } = ctx;
  const { campaigns } = deps;
  /** Payload last published per header topic, and the gateway object each gateway record was written from. */
  const writtenHeader = new Map<string, string>();
  const writtenGateway = new Map<string, object>();
  /** Board entries whose attempts were handed to the tasks store already (a changed entry is a new object). */
  const describedEntries = new WeakSet<BoardEntry>();
  const describedRecords = new WeakSet<object>();
  /** Campaigns last taken from the board. */
  let mirrored = new Set<string>();

  const findCampaign = (id: string): Campaign | undefined => campaigns.getState().campaigns.find((c) => c.id === id);

  function writeGateway(campaign: Campaign, index: number): Promise<void> {
    const gw = campaign.gateways[index];
    if (gw === undefined) return Promise.resolve();
    const topic = campaignGatewayTopic(ns, campaign.id, gw.gateway);
    const payload = encodeRecord(topic, gatewayRecord(campaign, gw, index, deps.now()));
    writtenGateway.set(topic, gw);
    return ctx.publishRecord(topic, payload).catch((error: unknown) => {
      if (writtenGateway.get(topic) === gw) writtenGateway.delete(topic);
      throw error;
    });
  }

  /** The attempts of gateway records not seen before, as task descriptions. */
  function describeTasks(at: number): void {
    const inputs: NewTaskInput[] = [];
    for (const entry of ctx.board().campaigns.values()) {
      if (describedEntries.has(entry) || entry.newer !== null) continue;
      describedEntries.add(entry);
      for (const record of entry.gateways.values()) {
        if (describedRecords.has(record) || record.attempts.length === 0) continue;
        describedRecords.add(record);
        const gw = gatewayFromRecord(record);
        for (const attempt of gw.attempts) inputs.push(attemptTaskInput(entry.id, gw, attempt));
      }
    }
    if (inputs.length > 0) deps.tasks.getState().tasksDescribed(inputs, at);
  }

  return {
    recordAttempt(id, gateway) {
      const campaign = findCampaign(id);
      const index = campaign?.gateways.findIndex((g) => g.gateway === gateway) ?? -1;
      if (campaign === undefined || index < 0) return Promise.reject(new Error(`campaign ${id} has no gateway ${gateway}`));
      return writeGateway(campaign, index);
    },
    writeRecords(campaign) {
      const headerTopic = campaignHeaderTopic(ns, campaign.id);
      let header: string;
      try {
        header = encodeRecord(headerTopic, headerRecord(campaign, deps.label));
        campaign.gateways.forEach((gw, index) => {
          const topic = campaignGatewayTopic(ns, campaign.id, gw.gateway);
          if (writtenGateway.get(topic) !== gw) writeGateway(campaign, index).catch(() => undefined);
        });
      } catch (error) {
        ctx.refused(error instanceof Error ? error.message : String(error));
        return;
      }
      if (writtenHeader.get(headerTopic) === header) return;
      writtenHeader.set(headerTopic, header);
      ctx.publishRecord(headerTopic, header).catch(() => {
        if (writtenHeader.get(headerTopic) === header) writtenHeader.delete(headerTopic);
      });
    },
    forgetWritten() {
      writtenHeader.clear();
      writtenGateway.clear();
    },
    mirror(owned, at) {
      const board = ctx.board();
      const remote: Campaign[] = [];
      for (const entry of board.campaigns.values()) {
        const c = boardCampaign(entry).campaign;
        if (c !== null) remote.push(c);
      }
      campaigns.getState().campaignsFromBroker(remote, owned);
      describeTasks(at);
      const present = new Set(remote.map((c) => c.id));
      for (const id of mirrored)
        if (!present.has(id) && !board.campaigns.has(id) && !owned.has(id)) campaigns.getState().campaignRemoved(id);
      mirrored = present;
    },
  };
}
