/**
 * Campaigns survive a reload: a versioned, bounded copy in localStorage. Storage is untrusted
 * (older builds, other tabs, hand edits), so each campaign is checked on the way in and a bad one
 * is dropped alone. Writes are debounced, except flush() which the sender calls before every
 * publish: the stored campaign is the write-ahead log that keeps a reload from sending twice.
 */
import { z } from 'zod';
import { FIRMWARE_UPGRADE_TYPES } from '../protocol/messages.ts';
import { pausedReasonFromText, skipReasonFromText } from './campaign-legacy-reasons.ts';
import type { CampaignsStore } from './campaign-store.ts';
import { MAX_CAMPAIGNS, type Campaign } from './campaign-types.ts';
import { TASK_STATES } from '../tasks/task-types.ts';

export const CAMPAIGNS_STORAGE_KEY = 'ota-console.campaigns';
export const CAMPAIGNS_FORMAT_VERSION = 1;
/** Characters at most; tasks take another share of the origin's ~5M. */
export const MAX_CAMPAIGN_CHARS = 1_000_000;

export type CampaignStorage = Pick<Storage, 'getItem' | 'setItem'>;

const time = z.number().finite();
const count = z.number().int().min(1);

const natural = z.number().int().min(0);

// Reasons are descriptors since issue 10; a string is an older build's English sentence (same format version).
const pausedReasonSchema = z.union([
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('operator') }),
    z.object({ kind: z.literal('failures'), failures: natural, limit: natural }),
    z.object({ kind: z.literal('failures-percent'), failures: natural, percent: z.number().gt(0).max(100), limit: natural, gateways: natural }),
    z.object({ kind: z.literal('canary'), failed: natural, canary: natural }),
    z.object({ kind: z.literal('text'), text: z.string() }),
  ]),
  z.string().transform(pausedReasonFromText),
]);

const skipReasonSchema = z.union([
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('busy'), bid: z.string(), owner: z.enum(['elsewhere', 'other-campaign', 'this-console']) }),
    z.object({ kind: z.literal('text'), text: z.string() }),
  ]),
  z.string().transform(skipReasonFromText),
]);

const deviceSchema = z.object({
  sn: z.string(),
  product_version: z.string(),
  file_url: z.string(),
  md5: z.string(),
  file_size: z.number().finite(),
  file_name: z.string(),
  firmware_upgrade_type: z.union(FIRMWARE_UPGRADE_TYPES.map((t) => z.literal(t)) as [z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>]),
});

const attemptSchema = z.object({
  bid: z.string().min(1),
  tid: z.string().min(1),
  timestamp: time,
  attempt: count,
  createdAt: time,
  publishedAt: time.nullable(),
  outcome: z.enum(['succeeded', 'failed']).nullable(),
  lastState: z.enum(TASK_STATES).nullable(),
  resultText: z.string().nullable(),
  finishedAt: time.nullable(),
});

const gatewaySchema = z.object({
  gateway: z.string().min(1),
  devices: z.array(deviceSchema).min(1).max(2),
  deviceInfo: z.array(z.object({ sn: z.string(), modelKey: z.string().optional(), fromVersion: z.string().optional() })),
  attempts: z.array(attemptSchema),
  retryRequested: z.boolean(),
  skippedReason: skipReasonSchema.nullable(),
});

const campaignSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  createdAt: time,
  firmware: z.array(z.object({ id: z.string(), productVersion: z.string(), fileName: z.string(), model: z.string().optional() })),
  maxParallel: count.nullable(),
  pauseAfterFailures: z.union([z.object({ count }), z.object({ percent: z.number().gt(0).max(100) })]).nullable(),
  canarySize: count.nullable(),
  gateways: z.array(gatewaySchema).min(1),
  state: z.enum(['running', 'paused', 'finished', 'aborted']),
  pausedReason: pausedReasonSchema.nullable(),
  failuresBeforeResume: z.number().int().min(0),
  canaryDone: z.boolean(),
  finishedAt: time.nullable(),
  updatedAt: time,
});

const envelopeSchema = z.object({ version: z.number(), savedAt: time, campaigns: z.array(z.unknown()) });

/** The stored campaigns, oldest first; anything unreadable is left out. */
export function loadCampaigns(storage: CampaignStorage): Campaign[] {
  let text: string | null;
  try {
    text = storage.getItem(CAMPAIGNS_STORAGE_KEY);
  } catch {
    return [];
  }
  if (text === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success || envelope.data.version !== CAMPAIGNS_FORMAT_VERSION) return [];
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

/**
 * Writes the campaigns, dropping the oldest finished ones until the text fits. Running and paused
 * campaigns are never dropped: they are what a reload must resume. False when nothing was written.
 */
export function saveCampaigns(storage: CampaignStorage, campaigns: readonly Campaign[], now: number, maxChars = MAX_CAMPAIGN_CHARS): boolean {
  let kept = campaigns.slice(-MAX_CAMPAIGNS);
  for (;;) {
    const text = JSON.stringify({ version: CAMPAIGNS_FORMAT_VERSION, savedAt: now, campaigns: kept });
    if (text.length <= maxChars) {
      try {
        storage.setItem(CAMPAIGNS_STORAGE_KEY, text);
        return true;
      } catch {
        // Quota exceeded: drop an old finished campaign and try again.
      }
    }
    const drop = kept.findIndex((c) => c.state === 'finished' || c.state === 'aborted');
    if (drop < 0) return false;
    kept = kept.filter((_, i) => i !== drop);
  }
}

export interface CampaignsPersistence {
  /** Writes now if anything changed since the last write. */
  flush(): void;
  /** Stops writing; `write: false` drops unsaved changes (another tab now owns the stored copy). */
  stop(options?: { write?: boolean }): void;
}

/** Restores the stored campaigns into the store, then writes changes back (debounced; flush() at once). */
export function connectCampaignsPersistence(
  store: CampaignsStore,
  storage: CampaignStorage,
  options: { debounceMs?: number; now?: () => number } = {},
): CampaignsPersistence {
  const { debounceMs = 1_000, now = Date.now } = options;
  store.getState().campaignsRestored(loadCampaigns(storage));
  let written = store.getState().campaigns;
  let handle: ReturnType<typeof setTimeout> | null = null;
  const write = (): void => {
    if (handle !== null) clearTimeout(handle);
    handle = null;
    const { campaigns } = store.getState();
    if (campaigns === written) return;
    written = campaigns;
    saveCampaigns(storage, campaigns, now());
  };
  const unsubscribe = store.subscribe((state) => {
    if (state.campaigns === written || handle !== null) return;
    handle = setTimeout(write, debounceMs);
  });
  const target = typeof window === 'undefined' ? null : window;
  target?.addEventListener('pagehide', write);
  return {
    flush: write,
    stop({ write: writeLast = true } = {}) {
      if (writeLast) write();
      else if (handle !== null) clearTimeout(handle);
      unsubscribe();
      target?.removeEventListener('pagehide', write);
    },
  };
}

/** Where the campaigns are kept between page loads, and how other tabs hear of a write. */
export interface CampaignsStorageLink {
  /** The leader: restores what is stored into the store, then writes its changes back. */
  connect(store: CampaignsStore): CampaignsPersistence;
  /** A follower: what the leader stored. */
  load(): readonly Campaign[];
  /** Calls `listener` when another tab stored campaigns; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** The campaigns in localStorage, other tabs' writes heard through the window's `storage` event. */
export function localStorageCampaigns(storage: Storage): CampaignsStorageLink {
  return {
    connect: (store) => connectCampaignsPersistence(store, storage),
    load: () => loadCampaigns(storage),
    subscribe(listener) {
      const onStorage = (event: StorageEvent): void => {
        if (event.key === CAMPAIGNS_STORAGE_KEY) listener();
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    },
  };
}
