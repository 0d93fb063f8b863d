/**
 * Campaigns in IndexedDB, one record per campaign. Only the tab that leads (campaign-leader.ts)
 * writes: it restores the stored campaigns into its store, then its changes are written when they
 * happen (found by comparing the store with what was last written, once per write period), and at
 * once when the sender asks (flush: the campaign record is the write-ahead log that keeps a reload
 * from sending an ota_create twice; the transaction is made before flush returns). The other tabs
 * read all campaigns back whenever the leader's write is announced.
 */
import { z } from 'zod';
import type { StoreSpec } from '../lib/persist/persist-database.ts';
import type { PersistKit } from '../lib/persist/persist-kit.ts';
import { readLegacyCampaigns, removeLegacyCampaigns, type LegacyStorage } from './campaign-legacy-storage.ts';
import { campaignSchema } from './campaign-record-schema.ts';
import type { CampaignsStore } from './campaign-store.ts';
import type { Campaign } from './campaign-types.ts';

export const CAMPAIGN_RECORD_VERSION = 1;
export const CAMPAIGNS_STORE = 'campaigns';
export const CAMPAIGNS_STORE_SPEC: StoreSpec = { name: CAMPAIGNS_STORE };

const recordSchema = z.object({ v: z.literal(CAMPAIGN_RECORD_VERSION), campaign: z.unknown() });

export function campaignRecord(campaign: Campaign): { v: typeof CAMPAIGN_RECORD_VERSION; campaign: Campaign } {
  return { v: CAMPAIGN_RECORD_VERSION, campaign };
}

export function campaignFromRecord(record: unknown): Campaign | null {
  const envelope = recordSchema.safeParse(record);
  if (!envelope.success) return null;
  const campaign = campaignSchema.safeParse(envelope.data.campaign);
  return campaign.success ? campaign.data : null;
}

export interface CampaignsWriter {
  /** Writes every change now (the transaction is made before this returns). */
  flush(): void;
  /** Stops writing; `write: false` drops changes not yet written (another tab now leads). */
  stop(options?: { write?: boolean }): void;
}

/** Where the campaigns are kept between page loads, and how the other tabs hear of a write. */
export interface CampaignsStorageLink {
  /** The leader: restores what is stored into the store, then writes its changes. */
  connect(store: CampaignsStore): CampaignsWriter;
  /** A follower: what the leader stored, oldest first. */
  load(): Promise<readonly Campaign[]>;
  /** Calls `listener` when another tab wrote campaigns; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

function oldestFirst(campaigns: readonly Campaign[]): Campaign[] {
  return [...campaigns].sort((a, b) => a.createdAt - b.createdAt);
}

export function indexedDbCampaigns(kit: PersistKit, options: { legacy?: LegacyStorage | null } = {}): CampaignsStorageLink {
  const legacy = options.legacy ?? null;
  /** The leading tab's store while it leads. */
  let leading: CampaignsStore | null = null;
  const written = new Map<string, Campaign>();
  let diffedFrom: readonly Campaign[] | null = null;
  /** Without IndexedDB the old campaigns are still shown (from memory); their key stays. */
  let memoryOnly: readonly Campaign[] = [];

  const collection = kit.collection<Campaign>({
    store: CAMPAIGNS_STORE,
    encode: campaignRecord,
    decode: campaignFromRecord,
    current(id) {
      if (leading === null) return null;
      return leading.getState().campaigns.find((c) => c.id === id);
    },
    dirtyKeys() {
      if (leading === null) return [];
      const { campaigns } = leading.getState();
      if (campaigns === diffedFrom) return [];
      diffedFrom = campaigns;
      const dirty: string[] = [];
      const present = new Set<string>();
      for (const campaign of campaigns) {
        present.add(campaign.id);
        if (written.get(campaign.id) === campaign) continue;
        written.set(campaign.id, campaign);
        dirty.push(campaign.id);
      }
      for (const id of written.keys()) {
        if (present.has(id)) continue;
        written.delete(id);
        dirty.push(id);
      }
      return dirty;
    },
  });

  let moved: Promise<void> | null = null;
  /** The previous version's campaigns move into records once, whichever tab reads first. */
  function moveLegacy(): Promise<void> {
    moved ??= (async () => {
      if (legacy === null) return;
      const old = readLegacyCampaigns(legacy);
      if (old === null) return;
      if (kit.status.mode !== 'indexeddb') {
        memoryOnly = old;
        return;
      }
      await collection.putAll(old, (c) => c.id, { onlyNew: true });
      if (kit.status.mode === 'indexeddb') removeLegacyCampaigns(legacy);
    })().catch(() => undefined);
    return moved;
  }

  async function load(): Promise<readonly Campaign[]> {
    await moveLegacy();
    if (kit.status.mode !== 'indexeddb') return memoryOnly;
    return oldestFirst((await collection.readAll()).values);
  }

  return {
    connect(store) {
      leading = store;
      diffedFrom = null;
      written.clear();
      let active = true;
      const unsubscribe = store.subscribe((state, previous) => {
        if (state.campaigns !== previous.campaigns) collection.changed();
      });
      void load().then((stored) => {
        if (!active || stored.length === 0) return;
        store.getState().campaignsRestored(stored);
        // What the store holds as it was read needs no write.
        const held = new Set(store.getState().campaigns);
        for (const campaign of stored) if (held.has(campaign)) written.set(campaign.id, campaign);
        collection.changed();
      });
      return {
        flush: () => void kit.flush(),
        stop({ write = true } = {}) {
          if (!active) return;
          if (write) void kit.flush();
          active = false;
          unsubscribe();
          if (leading === store) leading = null;
        },
      };
    },
    load,
    subscribe: (listener) => collection.onRemoteChange(() => listener()),
  };
}
