/**
 * A campaign's name: the operator's when given, else an automatic one that reads as what it does
 * ("DJI Dock 2 → 10.02.0104, 10 gateways"), not a list of version strings. The automatic name is
 * stored in English for older consoles; screens word it from the plan in their own language
 * (campaign-texts.ts campaignNameMessage). Pure.
 */
import { productName } from '../protocol/models.ts';
import type { Campaign, CampaignFirmware, CampaignPlan } from './campaign-types.ts';

/** Longest operator name accepted (the plan file allows the same). */
export const MAX_CAMPAIGN_NAME = 200;

/** Firmware named in full in an automatic name; the rest are counted ("and 2 more"). */
export const NAMED_FIRMWARE = 2;

export interface FirmwareNamePart {
  /** The product ("DJI Dock 2"), or null when the model is not known. */
  product: string | null;
  version: string;
}

export interface AutomaticName {
  firmware: FirmwareNamePart[];
  /** Firmware left out of `firmware`. */
  more: number;
  gateways: number;
}

export function automaticName(firmware: readonly CampaignFirmware[], gateways: number): AutomaticName {
  const parts = firmware.map((f) => ({ product: f.model === undefined ? null : productName(f.model), version: f.productVersion }));
  return { firmware: parts.slice(0, NAMED_FIRMWARE), more: Math.max(0, parts.length - NAMED_FIRMWARE), gateways };
}

/** The operator's name trimmed, or null when blank or absent. */
export function givenName(name: string | null | undefined): string | null {
  const trimmed = name?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, MAX_CAMPAIGN_NAME);
}

/** The automatic name in English, as stored for consoles that cannot word it themselves. */
export function englishAutomaticName(name: AutomaticName): string {
  const items = name.firmware.map((f) => (f.product === null ? f.version : `${f.product} → ${f.version}`));
  let firmware = items.length === 0 ? 'Upgrade' : items.join(' and ');
  if (name.more > 0) firmware = `${items.join(', ')} and ${name.more} more`;
  return `${firmware}, ${name.gateways} gateway${name.gateways === 1 ? '' : 's'}`;
}

/** The name and whose it is, for a new campaign. */
export function nameForPlan(plan: Pick<CampaignPlan, 'name' | 'firmware' | 'items'>): { name: string; nameGiven: boolean } {
  const given = givenName(plan.name);
  return given !== null
    ? { name: given, nameGiven: true }
    : { name: englishAutomaticName(automaticName(plan.firmware, plan.items.length)), nameGiven: false };
}

/** What builds before `nameGiven` stored as the automatic name ("10.1.0 + 9.0.1 on 4 gateways"). */
export function legacyAutomaticName(campaign: Pick<Campaign, 'firmware' | 'gateways'>): string {
  const versions = campaign.firmware.map((f) => f.productVersion).join(' + ');
  const count = campaign.gateways.length;
  return `${versions === '' ? 'Upgrade' : versions} on ${count} gateway${count === 1 ? '' : 's'}`;
}

/** Whether the stored name is the operator's; a record without `nameGiven` is read by its text. */
export function isNameGiven(campaign: Pick<Campaign, 'name' | 'nameGiven' | 'firmware' | 'gateways'>): boolean {
  if (campaign.nameGiven !== undefined) return campaign.nameGiven && campaign.name.trim() !== '';
  return campaign.name.trim() !== '' && campaign.name !== legacyAutomaticName(campaign);
}
