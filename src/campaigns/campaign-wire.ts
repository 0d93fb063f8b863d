/**
 * A campaign as records on the broker and back (docs/campaigns-on-broker.md): a small header and
 * one record per gateway, so no message grows with the campaign's size. Pure.
 */
import {
  CAMPAIGN_FORMAT_VERSION,
  type CampaignGatewayRecord,
  type CampaignHeaderRecord,
  type RecordAttempt,
} from '../protocol/campaign-records.ts';
import { TASK_STATES, type TaskState } from '../tasks/task-types.ts';
import type { Campaign, CampaignAttempt, CampaignGateway } from './campaign-types.ts';

function counters(campaign: Campaign): CampaignHeaderRecord['counters'] {
  let active = 0;
  let succeeded = 0;
  let failed = 0;
  let skipped = 0;
  for (const gw of campaign.gateways) {
    const last = gw.attempts.at(-1);
    if (gw.skippedReason !== null) skipped += 1;
    else if (last?.outcome === 'succeeded') succeeded += 1;
    else if (last?.outcome === 'failed') failed += 1;
    else if (last !== undefined) active += 1;
  }
  return {
    gateways: campaign.gateways.length,
    active,
    succeeded,
    failed,
    skipped,
    failuresBeforeResume: campaign.failuresBeforeResume,
    canaryDone: campaign.canaryDone,
  };
}

export function headerRecord(campaign: Campaign, createdBy: string): CampaignHeaderRecord {
  return {
    v: CAMPAIGN_FORMAT_VERSION,
    id: campaign.id,
    name: campaign.name,
    ...(campaign.nameGiven === undefined ? {} : { nameGiven: campaign.nameGiven }),
    createdBy: campaign.createdBy ?? createdBy,
    createdAt: campaign.createdAt,
    firmware: campaign.firmware,
    options: { maxParallel: campaign.maxParallel, pauseAfterFailures: campaign.pauseAfterFailures, canarySize: campaign.canarySize },
    state: campaign.state,
    pausedReason: campaign.pausedReason,
    finishedAt: campaign.finishedAt,
    counters: counters(campaign),
    updatedAt: campaign.updatedAt,
    ...(campaign.timing === undefined ? {} : { timing: campaign.timing }),
    ...(campaign.waiting == null ? {} : { waiting: campaign.waiting }),
  };
}

export function gatewayRecord(campaign: Campaign, gw: CampaignGateway, index: number, now: number): CampaignGatewayRecord {
  return {
    v: CAMPAIGN_FORMAT_VERSION,
    campaignId: campaign.id,
    gateway: gw.gateway,
    index,
    devices: gw.devices,
    deviceInfo: gw.deviceInfo,
    attempts: gw.attempts,
    retryRequested: gw.retryRequested,
    skippedReason: gw.skippedReason,
    updatedAt: now,
    ...(gw.waiting == null ? {} : { waiting: gw.waiting }),
  };
}

const KNOWN_STATES: ReadonlySet<string> = new Set(TASK_STATES);

function attemptFromRecord(a: RecordAttempt): CampaignAttempt {
  return { ...a, lastState: a.lastState !== null && KNOWN_STATES.has(a.lastState) ? (a.lastState as TaskState) : null };
}

/** A gateway of a campaign as its record on the broker holds it. */
export function gatewayFromRecord(r: CampaignGatewayRecord): CampaignGateway {
  return {
    gateway: r.gateway,
    devices: r.devices,
    deviceInfo: r.deviceInfo.map((d) => ({
      sn: d.sn,
      ...(d.modelKey === undefined ? {} : { modelKey: d.modelKey }),
      ...(d.fromVersion === undefined ? {} : { fromVersion: d.fromVersion }),
    })),
    attempts: r.attempts.map(attemptFromRecord),
    retryRequested: r.retryRequested,
    skippedReason: r.skippedReason,
    ...(r.waiting == null ? {} : { waiting: r.waiting }),
  };
}

/** The campaign the records describe; `gateways` in any order (they are put back in plan order). */
export function campaignFromRecords(header: CampaignHeaderRecord, gateways: Iterable<CampaignGatewayRecord>): Campaign {
  const ordered = [...gateways].sort((a, b) => a.index - b.index || a.gateway.localeCompare(b.gateway));
  return {
    id: header.id,
    name: header.name,
    ...(header.nameGiven === undefined ? {} : { nameGiven: header.nameGiven }),
    createdAt: header.createdAt,
    createdBy: header.createdBy,
    firmware: header.firmware.map((f) => ({
      id: f.id,
      productVersion: f.productVersion,
      fileName: f.fileName,
      ...(f.model === undefined ? {} : { model: f.model }),
    })),
    maxParallel: header.options.maxParallel,
    pauseAfterFailures: header.options.pauseAfterFailures,
    canarySize: header.options.canarySize,
    gateways: ordered.map(gatewayFromRecord),
    state: header.state,
    pausedReason: header.pausedReason,
    failuresBeforeResume: header.counters.failuresBeforeResume,
    canaryDone: header.counters.canaryDone,
    finishedAt: header.finishedAt,
    updatedAt: header.updatedAt,
    ...(header.timing === undefined ? {} : { timing: header.timing }),
    ...(header.waiting == null ? {} : { waiting: header.waiting }),
  };
}
