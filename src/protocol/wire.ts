/** The JSON shapes this module builds, field names exactly as on the wire. */
import type { OtaCreateDevice } from './messages.ts';
import type { StepKey, SubStatus, TaskStatus } from './status.ts';

export interface WireMessage<M extends string, D> {
  tid: string;
  bid: string;
  /** ms since epoch */
  timestamp: number;
  method: M;
  data: D;
  gateway?: string;
  need_reply?: 0 | 1;
}

export type OtaCreateMessage = WireMessage<'ota_create', { devices: OtaCreateDevice[] }>;

/** events_reply / status_reply: tid, bid and method echo the device's message. */
export type ReplyMessage = WireMessage<string, { result: 0 }>;

export interface OtaProgressWireData {
  result: number;
  output: {
    status: TaskStatus;
    sub_status?: SubStatus | '';
    progress: { percent: number; step_key?: StepKey; current_step?: StepKey | 1 | 2; step?: 1 | 2 };
    ext?: { rate: number };
  };
}
export type OtaProgressMessage = WireMessage<'ota_progress', OtaProgressWireData>;

export type ServicesReplyMessage = WireMessage<string, { result: number; output: { status: TaskStatus } }>;

export interface TopoWireFields {
  domain: string;
  type: number;
  sub_type: number;
  thing_version?: string;
  version?: string;
  device_secret?: string;
  nonce?: string;
}
export interface UpdateTopoWireData extends TopoWireFields {
  sub_devices: (TopoWireFields & { sn: string; index?: string })[];
}
export type UpdateTopoMessage = WireMessage<'update_topo', UpdateTopoWireData>;

export interface StateWireData {
  firmware_version?: string;
  compatible_status?: 0 | 1;
  firmware_upgrade_status?: 0 | 1;
}

/** state and osd carry no method. */
export interface PropertyMessage<D> {
  tid: string;
  bid: string;
  timestamp: number;
  gateway: string;
  data: D;
}
export type StateMessage = PropertyMessage<StateWireData>;
export type OsdMessage = PropertyMessage<{ mode_code: number }>;
