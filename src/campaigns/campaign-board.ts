/**
 * What the broker holds under the campaign namespace, assembled from records as they arrive (in
 * any order): per campaign its header, gateway records and lease; the drivers present; the probes.
 * Pure: a new board for every change, the same one when nothing changed.
 */
import type {
  CampaignGatewayRecord,
  CampaignHeaderRecord,
  CampaignLeaseRecord,
  CampaignRecord,
  DriverPresenceRecord,
  ProbeRecord,
} from '../protocol/campaign-records.ts';
import type { CampaignTopic } from '../protocol/campaign-topics.ts';
import { campaignFromRecords } from './campaign-wire.ts';
import type { Campaign } from './campaign-types.ts';

export interface BoardEntry {
  id: string;
  header: CampaignHeaderRecord | null;
  /** A record of this campaign in a newer format: the campaign is shown read-only. */
  newer: { v: number; name: string | null } | null;
  gateways: ReadonlyMap<string, CampaignGatewayRecord>;
  lease: CampaignLeaseRecord | null;
}

export interface Board {
  campaigns: ReadonlyMap<string, BoardEntry>;
  drivers: ReadonlyMap<string, DriverPresenceRecord>;
  probes: ReadonlyMap<string, ProbeRecord>;
}

export function emptyBoard(): Board {
  return { campaigns: new Map(), drivers: new Map(), probes: new Map() };
}

function entryFor(campaigns: Map<string, BoardEntry>, id: string): BoardEntry {
  return campaigns.get(id) ?? { id, header: null, newer: null, gateways: new Map(), lease: null };
}

function campaignIdOf(topic: CampaignTopic): string | null {
  return topic.kind === 'driver' || topic.kind === 'probe' ? null : topic.id;
}

/** Applies records in arrival order. Commands are not kept (the driver acts on them as they come). */
export function boardReduced(board: Board, records: readonly CampaignRecord[]): Board {
  let campaigns: Map<string, BoardEntry> | null = null;
  let drivers: Map<string, DriverPresenceRecord> | null = null;
  let probes: Map<string, ProbeRecord> | null = null;
  const editCampaigns = (): Map<string, BoardEntry> => (campaigns ??= new Map(board.campaigns));
  const editDrivers = (): Map<string, DriverPresenceRecord> => (drivers ??= new Map(board.drivers));
  const editProbes = (): Map<string, ProbeRecord> => (probes ??= new Map(board.probes));
  const setEntry = (id: string, change: (e: BoardEntry) => BoardEntry): void => {
    const all = editCampaigns();
    const next = change(entryFor(all, id));
    if (next.header === null && next.newer === null && next.gateways.size === 0 && next.lease === null) all.delete(id);
    else all.set(id, next);
  };
  const withGateway = (e: BoardEntry, sn: string, record: CampaignGatewayRecord | null): BoardEntry => {
    const gateways = new Map(e.gateways);
    if (record === null) gateways.delete(sn);
    else gateways.set(sn, record);
    return { ...e, gateways };
  };

  for (const record of records) {
    switch (record.type) {
      case 'header':
        setEntry(record.id, (e) => ({ ...e, header: record.header, newer: null }));
        break;
      case 'gateway':
        setEntry(record.id, (e) => withGateway(e, record.sn, record.gateway));
        break;
      case 'lease':
        setEntry(record.id, (e) => ({ ...e, lease: record.lease }));
        break;
      case 'driver':
        editDrivers().set(record.clientId, record.presence);
        break;
      case 'probe':
        editProbes().set(record.clientId, record.probe);
        break;
      case 'command':
        break;
      case 'newer': {
        const id = campaignIdOf(record.topic);
        if (id !== null && record.topic.kind === 'header')
          setEntry(id, (e) => ({ ...e, header: null, newer: { v: record.v, name: record.name } }));
        else if (id !== null) setEntry(id, (e) => ({ ...e, newer: e.newer ?? { v: record.v, name: null } }));
        break;
      }
      case 'cleared': {
        const topic = record.topic;
        if (topic.kind === 'driver') editDrivers().delete(topic.clientId);
        else if (topic.kind === 'probe') editProbes().delete(topic.clientId);
        else if (topic.kind === 'header') setEntry(topic.id, (e) => ({ ...e, header: null, newer: null }));
        else if (topic.kind === 'gateway') setEntry(topic.id, (e) => withGateway(e, topic.sn, null));
        else if (topic.kind === 'lease') setEntry(topic.id, (e) => ({ ...e, lease: null }));
        break;
      }
    }
  }
  if (campaigns === null && drivers === null && probes === null) return board;
  return { campaigns: campaigns ?? board.campaigns, drivers: drivers ?? board.drivers, probes: probes ?? board.probes };
}

/** A campaign as the board knows it. */
export interface BoardCampaign {
  id: string;
  header: CampaignHeaderRecord | null;
  /** Read-only: written by a newer format of the records. */
  newer: { v: number; name: string | null } | null;
  lease: CampaignLeaseRecord | null;
  /** Every gateway record named by the header is in. */
  complete: boolean;
  /** The assembled campaign once complete (and not newer); null before. */
  campaign: Campaign | null;
}

const assembled = new WeakMap<BoardEntry, Campaign | null>();

export function boardCampaign(entry: BoardEntry): BoardCampaign {
  const header = entry.header;
  const complete = header !== null && entry.newer === null && entry.gateways.size === header.counters.gateways;
  let campaign = assembled.get(entry);
  if (campaign === undefined) {
    campaign = complete ? campaignFromRecords(header, entry.gateways.values()) : null;
    assembled.set(entry, campaign);
  }
  return { id: entry.id, header, newer: entry.newer, lease: entry.lease, complete, campaign };
}

export function boardCampaigns(board: Board): BoardCampaign[] {
  return [...board.campaigns.values()].map(boardCampaign);
}
