/** Why a selected gateway gets no ota_create, as data (for tests and counts) and as a sentence. */
import { modelLabel } from '../protocol/models.ts';
import { MAX_OTA_DEVICES } from '../protocol/builders.ts';
import { englishText, listOf } from '../ui/i18n/message.ts';
import { message, type UpgradeMessage } from './upgrade-message.ts';

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
  { source: 'task'; bid: string } | { source: 'upgrade-status'; sn: string } | { source: 'osd'; sn: string; modeCode: number };

function busyMessage(cause: BusyCause): UpgradeMessage {
  switch (cause.source) {
    case 'task':
      return message('skip.busyTask', { bid: cause.bid });
    case 'upgrade-status':
      return message('skip.busyUpgradeStatus', { sn: cause.sn });
    case 'osd':
      return message('skip.busyOsd', { sn: cause.sn, modeCode: cause.modeCode });
  }
}

/** One sentence for the operator, shown beside the gateway and in the preview. */
export function skipReasonMessage(reason: SkipReason): UpgradeMessage {
  switch (reason.kind) {
    case 'no-matching-device': {
      if (reason.models.length === 0) return message('skip.noFirmwareForDevices');
      const wanted = listOf(reason.models.map(modelLabel), 'or');
      if (reason.deviceModels.length === 0) return message('skip.noMatchingKnownModel', { wanted });
      return message('skip.noMatchingDevice', { wanted, has: listOf(reason.deviceModels.map(modelLabel), 'plain') });
    }
    case 'already-on-target':
      return message('skip.alreadyOnTarget', {
        devices: listOf(
          reason.devices.map((d) => `${d.sn} ${d.version}`),
          'plain',
        ),
      });
    case 'offline':
      return message(reason.liveness === 'unseen' ? 'skip.offlineUnseen' : 'skip.offlineStale');
    case 'busy':
      return busyMessage(reason.cause);
    case 'too-many-targets':
      return message('skip.tooManyTargets', { matched: reason.count, max: MAX_OTA_DEVICES });
    case 'invalid-sn':
      // The problem sentence comes from src/protocol's validation, which stays English.
      return message('skip.invalidSn', { sn: reason.sn, problem: reason.problem });
    case 'conflict':
      return message('skip.conflict', { sn: reason.sn, files: listOf(reason.files, 'and') });
  }
}

/** The sentence in English (logs, tests). */
export function skipReasonText(reason: SkipReason): string {
  return englishText(skipReasonMessage(reason));
}
