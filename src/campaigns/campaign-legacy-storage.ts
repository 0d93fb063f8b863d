/**
 * What the previous version kept in localStorage: every campaign in one JSON document under
 * 'ota-console.campaigns' (format version 1). Read once, on the first start with IndexedDB, to move
 * them into records; then the key is removed. Reading never throws.
 */
import { z } from 'zod';
import { campaignSchema } from './campaign-record-schema.ts';
import { MAX_CAMPAIGNS, type Campaign } from './campaign-types.ts';

export const LEGACY_CAMPAIGNS_KEY = 'ota-console.campaigns';

export type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem'>;

const envelopeSchema = z.object({ version: z.literal(1), savedAt: z.number().finite(), campaigns: z.array(z.unknown()) });

/** The stored campaigns, oldest first; null when the key is absent (an unreadable document reads as none). */
export function readLegacyCampaigns(storage: LegacyStorage): Campaign[] | null {
  let text: string | null;
  try {
    text = storage.getItem(LEGACY_CAMPAIGNS_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return [];
  const campaigns: Campaign[] = [];
  const ids = new Set<string>();
  for (const item of envelope.data.campaigns.slice(-MAX_CAMPAIGNS)) {
    const parsed = campaignSchema.safeParse(item);
    if (!parsed.success || ids.has(parsed.data.id)) continue;
    ids.add(parsed.data.id);
    campaigns.push(parsed.data);
  }
  return campaigns;
}

export function removeLegacyCampaigns(storage: LegacyStorage): void {
  try {
    storage.removeItem(LEGACY_CAMPAIGNS_KEY);
  } catch {
    // Refused now: the campaigns are moved already, a second move changes nothing.
  }
}
