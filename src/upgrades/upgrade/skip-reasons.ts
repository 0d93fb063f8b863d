/** Why a selected gateway gets no ota_create, as data (for tests and counts) and as a sentence. */
import { modelLabel } from '../../protocol/models.ts';
import { MAX_OTA_DEVICES } from '../../protocol/builders.ts';

export type SkipReason =
  /** None of the gateway's devices has the model of a chosen firmware. */
  | { kind: 'no-matching-device'; models: readonly string[]; deviceModels: readonly string[] }
  /** Every matching device already reports the target version (and is consistent). */
  | { kind: 'already-on-target'; devices: readonly { sn: string; version: string }[] }
  | { kind: 'offline'; liveness: 'stale' | 'unseen' }
  | { kind: 'busy'; cause: BusyCause }
  | { kind: 'too-many-targets'; count: number }
  | { kind: 'invalid-sn'; sn: string; problem: string }
  /** Two chosen firmware aim at one device (a model-less firmware and one for the gateway's model). */
  | { kind: 'conflict'; sn: string; files: readonly string[] };

export type BusyCause =
  | { source: 'task'; bid: string }
  | { source: 'upgrade-status'; sn: string }
  | { source: 'osd'; sn: string; modeCode: number };

export type SkipKind = SkipReason['kind'];

/** Short names for counts ("3 offline") and filters. */
export const SKIP_KIND_LABEL: Record<SkipKind, string> = {
  'no-matching-device': 'no matching device',
  'already-on-target': 'already on target',
  offline: 'offline',
  busy: 'busy',
  'too-many-targets': 'too many devices',
  'invalid-sn': 'invalid SN',
  conflict: 'conflicting firmware',
};

function busyText(cause: BusyCause): string {
  switch (cause.source) {
    case 'task':
      return `Busy: an upgrade is already running on it (task ${cause.bid})`;
    case 'upgrade-status':
      return `Busy: ${cause.sn} reports firmware_upgrade_status 1 (upgrading)`;
    case 'osd':
      return `Busy: ${cause.sn} reports it is upgrading (osd mode_code ${cause.modeCode})`;
  }
}

/** One sentence for the operator, shown beside the gateway and in the preview. */
export function skipReasonText(reason: SkipReason): string {
  switch (reason.kind) {
    case 'no-matching-device': {
      if (reason.models.length === 0) return 'No matching device: no firmware is chosen for its devices';
      const wanted = reason.models.map(modelLabel).join(' or ');
      const has = reason.deviceModels.length > 0 ? reason.deviceModels.map(modelLabel).join(', ') : 'no device with a known model yet';
      return `No matching device: the chosen firmware is for ${wanted}; this gateway has ${has}`;
    }
    case 'already-on-target':
      return `Already on the target version (${reason.devices.map((d) => `${d.sn} ${d.version}`).join(', ')})`;
    case 'offline':
      return reason.liveness === 'unseen' ? 'Offline: never heard from' : 'Offline: no message recently (stale)';
    case 'busy':
      return busyText(reason.cause);
    case 'too-many-targets':
      return `${reason.count} devices match; one ota_create takes at most ${MAX_OTA_DEVICES}`;
    case 'invalid-sn':
      return `Invalid SN "${reason.sn}": ${reason.problem}`;
    case 'conflict':
      return `${reason.sn} matches two chosen firmware (${reason.files.join(' and ')}); choose None in one group`;
  }
}
