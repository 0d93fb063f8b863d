/**
 * The campaign's stored facts (pause and skip reasons, gateway states, results) in words of one
 * language. The React side builds it from useTranslation/useProtocolLabels/useFormat
 * (use-campaign-texts.ts), the title badge and notifications from the i18n instance
 * (campaign-alert-texts.ts). No i18next at run time here: `t` comes in as an argument.
 */
import type { TFunction } from 'i18next';
import type { ProtocolLabels } from '../ui/i18n/protocol-labels.ts';
import type { Formatters } from '../ui/i18n/use-format.ts';
import type { Campaign, PausedReason, SkipReason } from './campaign-types.ts';
import type { Verification } from '../tasks/task-types.ts';
import type { GatewayResult, GatewayRowState } from './campaign-rows.ts';

export type CampaignT = TFunction<'campaigns'>;
type NumberFormat = Pick<Formatters, 'number' | 'percent'>;

export interface CampaignTexts {
  rowState(state: GatewayRowState): string;
  /** A sub-status value as reported (unknown values shown as sent). */
  subStatus(value: string): string;
  /** The meaning of a result code. */
  resultCode(code: number): string;
  /** The Result column: "312015: The dock is busy ...", the skip reason, or ''. */
  result(result: GatewayResult): string;
  skipReason(reason: SkipReason): string;
  verified(verification: Exclude<Verification, null>): string;
}

export function pausedReasonText(reason: PausedReason, t: CampaignT, f: NumberFormat): string {
  switch (reason.kind) {
    case 'operator':
      return t('pausedReason.operator');
    case 'failures':
      return t('pausedReason.failures', { failures: t('unit.failure', { count: reason.failures }), limit: f.number(reason.limit) });
    case 'failures-percent':
      return t('pausedReason.failuresPercent', {
        failures: t('unit.failure', { count: reason.failures }),
        percent: f.percent(reason.percent),
        limitFailures: t('unit.failure', { count: reason.limit }),
        gateways: t('unit.gateway', { count: reason.gateways }),
      });
    case 'canary':
      return t('pausedReason.canary', { failed: f.number(reason.failed), gateways: t('unit.gateway', { count: reason.canary }) });
    case 'text':
      return reason.text;
  }
}

/** "10.1.0 on 4 gateways": built from the campaign, so it reads in the current language (the stored name is English). */
export function campaignNameText(campaign: Pick<Campaign, 'firmware' | 'gateways'>, t: CampaignT): string {
  const versions = campaign.firmware.map((f) => f.productVersion).join(t('name.join'));
  return t('name.versions', { versions: versions === '' ? t('name.noVersion') : versions, gateways: t('unit.gateway', { count: campaign.gateways.length }) });
}

export function skipReasonText(reason: SkipReason, t: CampaignT): string {
  if (reason.kind === 'text') return reason.text;
  const owner =
    reason.owner === 'elsewhere'
      ? t('skipReason.owner.elsewhere')
      : reason.owner === 'other-campaign'
        ? t('skipReason.owner.otherCampaign')
        : t('skipReason.owner.thisConsole');
  return t('skipReason.busy', { bid: reason.bid, owner });
}

/** Gateway states that are device statuses use the protocol's words; the others are the campaign's. */
export function rowStateText(state: GatewayRowState, t: CampaignT, labels: ProtocolLabels): string {
  switch (state) {
    case 'queued':
      return t('rowState.queued');
    case 'published':
      return t('rowState.published');
    case 'accepted':
      return t('rowState.accepted');
    case 'no-reply':
      return t('rowState.noReply');
    case 'stalled':
      return t('rowState.stalled');
    case 'verified':
      return t('rowState.verified');
    case 'version-mismatch':
      return t('rowState.versionMismatch');
    case 'not-sent':
      return t('rowState.notSent');
    case 'skipped':
      return t('rowState.skipped');
    case 'retry-queued':
      return t('rowState.retryQueued');
    default:
      return labels.status(state);
  }
}

export function campaignTextsFor(t: CampaignT, labels: ProtocolLabels): CampaignTexts {
  const texts: CampaignTexts = {
    rowState: (state) => rowStateText(state, t, labels),
    subStatus: (value) => labels.subStatus(value),
    resultCode: (code) => labels.resultCode(code),
    skipReason: (reason) => skipReasonText(reason, t),
    result(result) {
      if (result === null) return '';
      if (result.kind === 'skipped') return texts.skipReason(result.reason);
      if (result.kind === 'code') return t('table.resultLine', { code: result.code, text: labels.resultCode(result.code) });
      return result.text;
    },
    verified: (v) => (v === 'pending' ? t('verified.pending') : v === 'verified' ? t('verified.yes') : t('verified.mismatch')),
  };
  return texts;
}
