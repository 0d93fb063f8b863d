/**
 * The campaign's stored facts (pause and skip reasons, gateway states, results) as messages of the
 * 'campaigns' namespace, and the words of one language built from a message renderer: the screens
 * pass useMessageText() (use-campaign-texts.ts), the badge and notifications renderMessage in the
 * console's language when they fire (campaign-alert-texts.ts), the report englishText.
 */
import { listOf, messagesOf, type Message, type MessageKey } from '../ui/i18n/message.ts';
import type { ProtocolLabels } from '../ui/i18n/protocol-labels.ts';
import type { Verification } from '../tasks/task-types.ts';
import { failureTextsFor, taskMessage, type FailureTexts } from '../tasks/failure-texts.ts';
import type { Campaign, CampaignFirmware, GatewayWait, PausedReason, SkipReason } from './campaign-types.ts';
import { automaticName, isNameGiven } from './campaign-name.ts';
import type { GatewayResult, GatewayRowState } from './campaign-rows.ts';
import type { en } from './locales/en.ts';

export type CampaignKey = MessageKey<typeof en>;
export type CampaignMessage = Message<'campaigns', CampaignKey>;
export const message = messagesOf<'campaigns', typeof en>('campaigns');

/** Words a message (or text shown as it is) in one language. */
export type Say = (text: Message | string) => string;

export interface CampaignTexts {
  rowState(state: GatewayRowState): string;
  /** A sub-status value as reported (unknown values shown as sent). */
  subStatus(value: string): string;
  /** The meaning of a result code. */
  resultCode(code: number): string;
  /** The Result column: "312015: The dock is busy .... Wait until the dock is idle ...", the skip reason, or ''. */
  result(result: GatewayResult): string;
  /** A failure's reason and next step apart (the report has a column for each). */
  failure: FailureTexts;
  skipReason(reason: SkipReason): string;
  verified(verification: Exclude<Verification, null>): string;
}

export function pausedReasonMessage(reason: PausedReason): CampaignMessage | string {
  switch (reason.kind) {
    case 'operator':
      return message('pausedReason.operator');
    case 'failures':
      return message('pausedReason.failures', { failures: message('unit.failure', { count: reason.failures }), limit: reason.limit });
    case 'failures-percent':
      return message('pausedReason.failuresPercent', {
        failures: message('unit.failure', { count: reason.failures }),
        percent: { percent: reason.percent },
        limitFailures: message('unit.failure', { count: reason.limit }),
        gateways: message('unit.gateway', { count: reason.gateways }),
      });
    case 'canary':
      return message('pausedReason.canary', { failed: reason.failed, gateways: message('unit.gateway', { count: reason.canary }) });
    case 'text':
      return reason.text;
  }
}

/** The campaign's fields its name is made of. */
export type NamedCampaign = Pick<Campaign, 'name' | 'nameGiven' | 'firmware' | 'gateways'>;

/**
 * The operator's name as given; else "DJI Dock 2 → 10.02.0104, 10 gateways" built from the plan,
 * so it reads in the current language (the stored automatic name is English).
 */
export function campaignNameMessage(campaign: NamedCampaign): CampaignMessage | string {
  return isNameGiven(campaign) ? campaign.name : automaticNameMessage(campaign.firmware, campaign.gateways.length);
}

/** The automatic name of a campaign over these firmware and this many gateways. */
export function automaticNameMessage(firmware: readonly CampaignFirmware[], gateways: number): CampaignMessage {
  const auto = automaticName(firmware, gateways);
  const items = auto.firmware.map((f) =>
    f.product === null ? f.version : message('name.firmware', { product: f.product, version: f.version }),
  );
  const named =
    items.length === 0
      ? message('name.noVersion')
      : auto.more > 0
        ? message('name.more', { firmware: listOf(items, 'plain'), count: auto.more })
        : listOf(items, 'and');
  return message('name.auto', { firmware: named, gateways: message('unit.gateway', { count: auto.gateways }) });
}

const OWNER_KEYS = {
  elsewhere: 'skipReason.owner.elsewhere',
  'other-campaign': 'skipReason.owner.otherCampaign',
  'this-console': 'skipReason.owner.thisConsole',
} as const;

export function skipReasonMessage(reason: SkipReason): CampaignMessage | string {
  if (reason.kind === 'text') return reason.text;
  return message('skipReason.busy', { bid: reason.bid, owner: message(OWNER_KEYS[reason.owner]) });
}

/** Why the idle gate holds a gateway: "Dock working: waiting until idle". */
export function gatewayWaitMessage(wait: GatewayWait): CampaignMessage {
  if (wait.kind === 'unknown') return message('timing.gateway.unknown');
  if (wait.role === 'aircraft') {
    if (wait.activity === 'flying') return message('timing.gateway.flying', { sn: wait.device });
    if (wait.activity === 'upgrading') return message('timing.gateway.aircraftUpgrading', { sn: wait.device });
    return message('timing.gateway.aircraftUnknownCode', { sn: wait.device, code: String(wait.modeCode) });
  }
  switch (wait.activity) {
    case 'working':
      return message('timing.gateway.working');
    case 'debugging':
      return message('timing.gateway.debugging');
    case 'upgrading':
      return message('timing.gateway.upgrading');
    default:
      return message('timing.gateway.unknownCode', { code: String(wait.modeCode) });
  }
}

// A campaign's own gateway states; a task's state is worded by the 'tasks' namespace, as everywhere.
const ROW_STATE_KEYS: Partial<Record<GatewayRowState, CampaignKey>> = {
  'not-sent': 'rowState.notSent',
  skipped: 'rowState.skipped',
  'retry-queued': 'rowState.retryQueued',
};

const TASK_STATE_MESSAGES: Partial<Record<GatewayRowState, Message>> = {
  queued: taskMessage('state.queued'),
  published: taskMessage('state.published'),
  accepted: taskMessage('state.accepted'),
  'no-reply': taskMessage('state.no-reply'),
  stalled: taskMessage('state.stalled'),
  verified: taskMessage('state.verified'),
  'version-mismatch': taskMessage('state.version-mismatch'),
};

const VERIFIED_KEYS = {
  pending: 'verified.pending',
  verified: 'verified.yes',
  'version-mismatch': 'verified.mismatch',
} as const satisfies Record<Exclude<Verification, null>, CampaignKey>;

/** The campaign's words through `say`; gateway states that are device statuses use the protocol's words. */
export function campaignTextsFor(say: Say, labels: ProtocolLabels): CampaignTexts {
  const failure = failureTextsFor(say, labels);
  const texts: CampaignTexts = {
    rowState(state) {
      const key = ROW_STATE_KEYS[state];
      if (key !== undefined) return say(message(key));
      const taskWords = TASK_STATE_MESSAGES[state];
      return taskWords === undefined ? labels.status(state) : say(taskWords);
    },
    subStatus: (value) => labels.subStatus(value),
    resultCode: (code) => labels.resultCode(code),
    skipReason: (reason) => say(skipReasonMessage(reason)),
    result(result) {
      if (result === null) return '';
      if (result.kind === 'skipped') return texts.skipReason(result.reason);
      if (result.kind === 'waiting') return say(gatewayWaitMessage(result.wait));
      if (result.kind === 'failure') return failure.line(result.failure);
      if (result.kind === 'code')
        return say(message('table.resultLine', { code: String(result.code), text: labels.resultCode(result.code) }));
      return result.text;
    },
    verified: (v) => say(message(VERIFIED_KEYS[v])),
    failure,
  };
  return texts;
}
