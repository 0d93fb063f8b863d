/** What `decode` returns: one typed value per inbound message, never an exception. */
import type { CampaignRecord } from './campaign-records.ts';
import type { StepKey, SubStatus, TaskStatus } from './status.ts';
import type { TopicFamily } from './topics.ts';

export interface MessageMeta {
  topic: string;
  family: TopicFamily;
  /** The SN in the topic: the gateway for services/events/status, the device for state/osd. */
  sn: string;
  /** envelope.gateway when it is a valid SN, else the topic SN. */
  gateway: string;
  tid: string | null;
  bid: string | null;
  /** ms since epoch; devices that send a numeric string are accepted. */
  timestamp: number | null;
  /**
   * The method as sent; for a message sent without one and read by its shape or its ids
   * (decode.ts decodeUnmethoded), the method it was read as.
   */
  method: string | null;
  /** The device asked for an answer (need_reply = 1). */
  needReply: boolean;
  /** Payload size in bytes. */
  size: number;
  /**
   * The payload's text as received, for the raw message view. Text, not the parsed value: one
   * string crosses from the broker worker and sits in the task log where a parsed payload was a
   * dozen objects, 10,000 times a second at fleet scale (issue 9). '' for osd and state: telemetry
   * that is never shown raw, and a dock's osd is a few KB every 2 s.
   */
  text: string;
}

/** 2 = consistency upgrade, 3 = regular upgrade, 4 = PSDK (Dock 3). DJI's demo backend swaps the names of 2 and 3. */
export const FIRMWARE_UPGRADE_TYPES = [2, 3, 4] as const;
export type FirmwareUpgradeType = (typeof FIRMWARE_UPGRADE_TYPES)[number];

/** One entry of ota_create data.devices as this console builds it, with exactly the wire field names. */
export interface OtaCreateDevice {
  sn: string;
  product_version: string;
  file_url: string;
  md5: string;
  file_size: number;
  file_name: string;
  firmware_upgrade_type: FirmwareUpgradeType;
}

/**
 * One entry of an ota_create seen on the broker (another console or a backend sent it): only the
 * SN is certain. DJI's own example lists a second device with just sn, product_version and
 * firmware_upgrade_type, so every other field may be absent.
 */
export interface ObservedOtaDevice {
  sn: string;
  product_version?: string;
  file_url?: string;
  md5?: string;
  file_size?: number;
  file_name?: string;
  firmware_upgrade_type?: FirmwareUpgradeType;
}

export interface TopoDevice {
  sn: string;
  /**
   * "3" = dock, "0" = aircraft; always a string here, whatever the device sent. null when the
   * message has none (the topic definition page's generic example omits it).
   */
  domain: string | null;
  type: number;
  subType: number;
  /** `domain-type-sub_type`, see models.ts; null without a domain. */
  modelKey: string | null;
  index?: string;
  /** thing_version, or the older `version`. */
  thingVersion?: string;
}

export interface OtaProgressDecoded {
  kind: 'ota_progress';
  meta: MessageMeta;
  /** Not a failure signal by itself: devices report status "failed" with result 0. */
  result: number;
  status: TaskStatus;
  /** null when absent, empty, or a value the protocol does not define (see subStatusRaw). */
  subStatus: SubStatus | null;
  /** sub_status exactly as sent when it is non-empty text, so an unknown value can still be shown. */
  subStatusRaw: string | null;
  step: StepKey | null;
  /**
   * 0..100 within the current step (clamped); null when the message has no progress or no
   * percent: the task keeps the percent it had.
   */
  percent: number | null;
  /** progress.step_result: non-zero means the step failed (older DJI documentation); null when absent. */
  stepResult: number | null;
  /** Download speed in bytes/s (ext.rate). */
  rate: number | null;
}

export interface OtaCreateDecoded {
  kind: 'ota_create';
  meta: MessageMeta;
  devices: ObservedOtaDevice[];
}

export interface OtaCreateReplyDecoded {
  kind: 'ota_create_reply';
  meta: MessageMeta;
  result: number;
  status: TaskStatus | null;
}

export interface UpdateTopoDecoded {
  kind: 'update_topo';
  meta: MessageMeta;
  gateway: TopoDevice;
  /** Empty = the aircraft is offline or unpaired. */
  subDevices: TopoDevice[];
}

export interface StateDecoded {
  kind: 'state';
  meta: MessageMeta;
  deviceSn: string;
  firmwareVersion?: string;
  /** 1 = the device needs a consistency upgrade. */
  compatibleStatus?: 0 | 1;
  /** 1 = upgrading. */
  firmwareUpgradeStatus?: 0 | 1;
}

export interface OsdDecoded {
  kind: 'osd';
  meta: MessageMeta;
  deviceSn: string;
  /** Dock 3 / aircraft 13 = firmware upgrading; null when the message has no mode_code. */
  modeCode: number | null;
}

/** A well-formed message the console does not act on (hms events, other services, ...): counted, not an error. */
export interface IgnoredDecoded {
  kind: 'ignored';
  meta: MessageMeta;
  reason: string;
}

/** A message that could not be decoded. `reason` is shown to support staff as is. */
export interface InvalidDecoded {
  kind: 'invalid';
  topic: string;
  reason: string;
  size: number;
  /** Known when the topic itself was fine. */
  family: TopicFamily | null;
  sn: string | null;
}

/** A record under the campaign namespace (campaign-records.ts), already validated. */
export interface CampaignRecordDecoded {
  kind: 'campaign_record';
  topic: string;
  size: number;
  /** Delivered as a retained message (the broker's copy), not live. */
  retained: boolean;
  record: CampaignRecord;
}

export type Decoded =
  | OtaProgressDecoded
  | CampaignRecordDecoded
  | OtaCreateDecoded
  | OtaCreateReplyDecoded
  | UpdateTopoDecoded
  | StateDecoded
  | OsdDecoded
  | IgnoredDecoded
  | InvalidDecoded;

export type DecodedKind = Decoded['kind'];
